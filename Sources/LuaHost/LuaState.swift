internal import CLua
import CapscriptIO
import Foundation
import SimCore

/// One Lua 5.4 state with the `cap` module loaded, hosted the way `lua.c`
/// does: every chunk runs in a protected call with a traceback handler, and
/// errors are reported in one place. Not thread-safe: one state per thread.
public final class LuaState {
  let L: OpaquePointer
  public let context: HostContext

  /// Creates a state with the standard libraries, the host's modules that
  /// `install` registers (ScriptHost's `cap`), and `libraryPaths` on
  /// `package.path`; then arms the context's limits (the sandbox sees the modules).
  package init(
    context: HostContext, libraryPaths: [String], install: (OpaquePointer?) -> Void
  ) throws(ScriptError) {
    guard let L = capscript_newstate() else { throw ScriptError(.memory, "cannot create a Lua state") }
    self.L = L
    self.context = context
    capscript_checkversion(L)
    capscript_extraspace(L).pointee = Unmanaged.passUnretained(context).toOpaque()
    guard capscript_openlibs(L) == LUA_OK else { throw popError(.memory) }
    install(L)
    context.libraryPaths = libraryPaths
    setLibraryPaths(libraryPaths)
    try installLimits(libraryPaths: libraryPaths)
  }

  /// Closes the state. Lua runs every pending `__gc` finalizer in `lua_close`
  /// with hooks off; for a script with a timeout (`exitWhenStuck`), they get
  /// the timeout once more, then the process ends with the stop's message
  /// rather than hang.
  deinit {
    let limits = context.limits
    guard limits.exitWhenStuck, let timeout = limits.timeout else {
      capscript_close(L)
      return
    }
    let closed = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
      if closed.wait(timeout: .now() + timeout) == .timedOut {
        LimitWatchdog.exit(
          "script stopped: timeout of \(ScriptLimits.seconds(timeout)) s exceeded in a __gc finalizer at exit")
      }
    }
    capscript_close(L)
    closed.signal()
  }

  /// Prepends `paths` (folders of `.lua` modules) to `package.path`.
  func setLibraryPaths(_ paths: [String]) {
    guard !paths.isEmpty else { return }
    let top = lua_gettop(L)
    defer { lua_settop(L, top) }
    lua_getglobal(L, "package")
    let patterns = paths.flatMap { ["\($0)/?.lua", "\($0)/?/init.lua"] }.joined(separator: ";")
    lua_getfield(L, -1, "path")
    let old = String(cString: lua_tolstring(L, -1, nil))
    capscript_pop(L, 1)
    lua_pushstring(L, patterns + ";" + old)
    lua_setfield(L, -2, "path")
  }

  /// The host context of the state `L` (set at creation).
  package static func context(_ L: OpaquePointer?) -> HostContext {
    guard let slot = capscript_extraspace(L), let context = slot.pointee else {
      preconditionFailure("every capscript Lua state carries its host context")
    }
    return Unmanaged<HostContext>.fromOpaque(context).takeUnretainedValue()
  }

  /// Pops the error message on top of the stack into a `ScriptError`.
  func popError(_ code: ScriptError.Code) -> ScriptError {
    var len = 0
    let message: String
    if let p = lua_tolstring(L, -1, &len) {
      message = String(decoding: UnsafeRawBufferPointer(start: p, count: len), as: UTF8.self)
    } else {
      message = "(error object is not a string)"
    }
    capscript_pop(L, 1)
    return ScriptError(code, message)
  }

  /// Runs the script at `path` like `lua path args...`: `arg` holds the script
  /// name at 0 and the arguments from 1, and the chunk receives them as `...`.
  public func runFile(_ path: String, arguments: [String] = []) throws(ScriptError) {
    let top = lua_gettop(L)
    defer { lua_settop(L, top) }
    capscript_newtable(L)
    lua_pushstring(L, path)
    lua_rawseti(L, -2, 0)
    for (i, a) in arguments.enumerated() {
      lua_pushstring(L, a)
      lua_rawseti(L, -2, lua_Integer(i + 1))
    }
    setChunkGlobal("arg")
    let status = capscript_loadfile(L, path)
    guard status == LUA_OK else { throw popError(status == LUA_ERRSYNTAX ? .syntax : .file) }
    for a in arguments { lua_pushstring(L, a) }
    try callChunk(nargs: Int32(arguments.count), nresults: 0)
  }

  /// Runs `code` as a chunk named `name` and returns its results as strings
  /// (via `tostring`), for the REPL and tests.
  @discardableResult
  public func run(_ code: String, name: String = "=stdin") throws(ScriptError) -> [String] {
    let top = lua_gettop(L)
    defer { lua_settop(L, top) }
    let status = code.withCString { capscript_loadstring(L, $0, strlen($0), name) }
    guard status == LUA_OK else { throw popError(.syntax) }
    lua_getglobal(L, "tostring")
    return try callShowing()
  }
}
