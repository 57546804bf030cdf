internal import CLua
import CapscriptIO
import Foundation
import SimCore

/// Running chunks under the context's limits (ARCHITECTURE.md, bridge rule 7).
extension LuaState {
  /// The limits struct of this state (every `LuaState` is made by `capscript_newstate`).
  var limitsPointer: UnsafeMutablePointer<capscript_limits> {
    guard let limits = capscript_limits_of(L) else { preconditionFailure("every capscript Lua state has limits") }
    return limits
  }

  /// A handle that stops the running chunk as Ctrl-C does, from any thread
  /// (it needs `limits.interruptible`).
  var interruptHandle: LimitsReference { LimitsReference(limitsPointer) }

  /// Called once by `init`: installs the count hook and the sandbox the context asks for.
  func installLimits(libraryPaths: [String]) throws(ScriptError) {
    if context.limits.needsHook { capscript_limits_sethook(L, 1) }
    if context.limits.sandbox { try Sandbox.install(self, libraryPaths: libraryPaths) }
  }

  /// [-(nargs+1), +nresults, -] calls the chunk below its `nargs` arguments in
  /// the chunk environment (or the globals it was loaded with), with the memory
  /// limit armed, the deadline set and a watchdog that cancels native runs;
  /// throws a stop as one clear message.
  func callChunk(nargs: Int32, nresults: Int32, inChunkEnvironment: Bool = true) throws(ScriptError) {
    if inChunkEnvironment { setChunkEnvironment(at: lua_gettop(L) - nargs) }
    let limits = context.limits
    let lim = limitsPointer
    context.cancellation.reset()
    if limits.needsHook { capscript_limits_sethook(L, 1) }
    capscript_limits_begin(lim, limits.maxMemory ?? 0, limits.timeout ?? 0)
    let watchdog =
      limits.needsWatchdog
      ? LimitWatchdog(lim, cancelling: context.cancellation, exitingWhenStuck: limits.exitWhenStuck ? limits : nil)
      : nil
    let status = capscript_pcall(L, nargs, nresults)
    watchdog?.stop()
    let stop = Int(capscript_limits_end(lim))
    // A stop is the chunk's outcome even when the chunk caught it and returned.
    guard status != LUA_OK || stop != CAPSCRIPT_STOP_NONE else { return }
    let error =
      status == LUA_OK ? ScriptError(.limit, "") : popError(status == LUA_ERRMEM ? .memory : .runtime)
    let reason: String
    if let r = Self.stopReason(stop, limits) {
      reason = r
    } else {
      guard status == LUA_ERRMEM, limits.maxMemory != nil else { throw error }
      reason = Self.memoryStopReason(limits)
    }
    var message = error.message
    if stop == CAPSCRIPT_STOP_MEMORY || status == LUA_ERRMEM {
      // A refused request raises "not enough memory" with no position (or a
      // pcall caught it): the stop names the Lua line that made the request.
      if Self.located("", in: message).isEmpty { message = String(cString: capscript_limits_where(lim)) + message }
      capscript_collectgarbage(L)
    }
    throw ScriptError(.limit, Self.located(reason, in: message))
  }

  /// The message of the stop reason `stop` (a `CAPSCRIPT_STOP_` value), nil for none.
  static func stopReason(_ stop: Int, _ limits: ScriptLimits) -> String? {
    switch stop {
    case CAPSCRIPT_STOP_INTERRUPT: "interrupted"
    case CAPSCRIPT_STOP_TIMEOUT: "script stopped: timeout of \(ScriptLimits.seconds(limits.timeout ?? 0)) s exceeded"
    case CAPSCRIPT_STOP_MEMORY: memoryStopReason(limits)
    default: nil
    }
  }

  private static func memoryStopReason(_ limits: ScriptLimits) -> String {
    "script stopped: memory limit of \(limits.maxMemory ?? 0) bytes exceeded"
  }

  /// `reason`, prefixed with the `chunk:line:` the Lua message starts with, if any.
  static func located(_ reason: String, in message: String) -> String {
    let first = message.prefix { $0 != "\n" }
    guard let r = first.range(of: #"^.*?:[0-9]+:"#, options: .regularExpression) else {
      return reason
    }
    return "\(first[r]) \(reason)"
  }

  /// [-0, +1, -] pushes the table chunks see as `_ENV`: the sandbox, or the globals.
  package func pushChunkEnvironment() {
    capscript_pushregistry(L)
    lua_getfield(L, -1, Sandbox.registryKey)
    if lua_type(L, -1) != LUA_TTABLE {
      capscript_pop(L, 1)
      lua_rawgeti(L, -1, lua_Integer(LUA_RIDX_GLOBALS))
    }
    lua_copy(L, -1, -2)
    capscript_pop(L, 1)
  }

  /// [-1, +0, m] pops a value into the chunk environment as `name`.
  func setChunkGlobal(_ name: String) {
    pushChunkEnvironment()
    lua_pushstring(L, name)
    lua_pushvalue(L, -3)
    lua_rawset(L, -3)
    capscript_pop(L, 2)
  }

  /// [-0, +0, -] makes the chunk at `index` see the chunk environment (only
  /// a sandbox changes it: a main chunk's first upvalue is `_ENV`).
  func setChunkEnvironment(at index: Int32) {
    guard context.limits.sandbox else { return }
    pushChunkEnvironment()
    if lua_setupvalue(L, index, 1) == nil { capscript_pop(L, 1) }
  }
}
