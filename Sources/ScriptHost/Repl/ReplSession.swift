internal import CLua
import Foundation

/// What one line of input did.
public enum ReplOutcome: Equatable, Sendable {
  /// The chunk is not complete yet: ask for another line.
  case incomplete
  /// The chunk ran; its results as they print (empty when there were none).
  case printed(String)
  /// The chunk did not compile, raised an error or was stopped.
  case failed(String)
}

/// The REPL engine, without the terminal: lines in, outcomes out, the way
/// `lua.c` reads them. A line that compiles as `return <line>` is an
/// expression and prints its values; a chunk that ends early (`<eof>`) waits
/// for more lines. All chunks share one state, so variables persist.
public final class ReplSession {
  public let state: LuaState
  private var pending: String?
  /// Registry field holding the prelude's `{show, help}` table.
  static let registryKey = "capscript.repl"

  /// A chunk is being continued (the prompt shows `>>`).
  public var isContinuing: Bool { pending != nil }

  public init(state: LuaState) throws(ScriptError) {
    self.state = state
    let L = state.L
    let top = lua_gettop(L)
    defer { lua_settop(L, top) }
    let status = ReplPrelude.source.withCString {
      capscript_loadstring(L, $0, strlen($0), "=capscript.repl")
    }
    guard status == LUA_OK else { throw state.popError(.syntax) }
    CapAPI.pushHelp(L)
    guard capscript_pcall(L, 1, 1) == LUA_OK else { throw state.popError(.runtime) }
    capscript_pushregistry(L)
    lua_pushvalue(L, -2)
    lua_setfield(L, -2, Self.registryKey)
    lua_getfield(L, -2, "help")
    state.setChunkGlobal("help")
  }

  /// Drops a half-entered chunk (Ctrl-C at the prompt).
  public func reset() { pending = nil }

  /// Feeds one line; the chunk runs once it is complete.
  public func feed(_ line: String) -> ReplOutcome {
    let L = state.L
    let top = lua_gettop(L)
    defer { lua_settop(L, top) }
    let chunk: String
    if let pending {
      chunk = pending + "\n" + line
    } else {
      if load("return " + line) == LUA_OK { return run() }
      capscript_pop(L, 1)
      chunk = line
    }
    let status = load(chunk)
    if status == LUA_ERRSYNTAX, let message = LuaStack.string(L, -1), message.hasSuffix("<eof>") {
      pending = chunk
      return .incomplete
    }
    pending = nil
    guard status == LUA_OK else { return .failed(state.popError(.syntax).message) }
    return run()
  }

  /// [-0, +1, m] compiles `code` as the chunk "stdin"; pushes it or the error.
  private func load(_ code: String) -> Int32 {
    code.withCString { capscript_loadstring(state.L, $0, strlen($0), "=stdin") }
  }

  /// [-1, +0, -] runs the chunk on top and formats its results with `show`.
  private func run() -> ReplOutcome {
    let L = state.L
    let base = lua_gettop(L) - 1
    do {
      try state.callChunk(nargs: 0, nresults: LUA_MULTRET)
    } catch {
      return .failed(error.message)
    }
    let last = lua_gettop(L)
    guard last > base else { return .printed("") }
    var texts: [String] = []
    for i in (base + 1)...last {
      capscript_pushregistry(L)
      lua_getfield(L, -1, Self.registryKey)
      lua_getfield(L, -1, "show")
      lua_pushvalue(L, i)
      if capscript_pcall(L, 1, 1) != LUA_OK {
        return .failed(state.popError(.runtime).message)
      }
      texts.append(LuaStack.string(L, -1) ?? "?")
      capscript_pop(L, 3)
    }
    return .printed(texts.joined(separator: "\t"))
  }
}
