internal import CLua
import Foundation

/// Calling a script's function from a host function, and keeping script
/// values beside a host object. Each function states its stack effect.
extension LuaStack {
  /// How a protected call ended.
  package enum CallOutcome: Equatable {
    /// Returned: its first result is on top of the stack.
    case returned
    /// Raised an error: the message, with its traceback (file:line).
    case raised(String)
    /// Stopped by the limits (Ctrl-C, timeout, memory): the caller must end its
    /// work and return; the stop is raised again when the host function returns.
    case stopped(String)
  }

  /// [-0, +(1|0), m] calls the function at `function` with the value at
  /// `argument` in protected mode with the traceback handler; on `.returned`
  /// leaves its first result on top, otherwise pushes nothing.
  /// Both indices must be absolute.
  package static func callProtected(_ L: OpaquePointer?, function: Int32, argument: Int32) -> CallOutcome {
    lua_pushvalue(L, function)
    lua_pushvalue(L, argument)
    let status = capscript_pcall(L, 1, 1)
    if status == LUA_OK { return .returned }
    let message = string(L, -1) ?? "(error object is a \(typeName(L, -1)) value)"
    capscript_pop(L, 1)
    if status == LUA_ERRMEM { return .stopped(message) }
    if let lim = capscript_limits_of(L), lim.pointee.active != 0,
      capscript_limits_check(lim) != CAPSCRIPT_STOP_NONE
    {
      return .stopped(message)
    }
    return .raised(message)
  }

  /// [-0, +0, m] the text of the Lua function at `index`, from its chunk: the
  /// lines it spans in the file it was loaded from ("@path") or in the string
  /// it was loaded from; its chunk name and lines when the text cannot be read
  /// (the REPL, a C function).
  package static func functionSource(_ L: OpaquePointer?, _ index: Int32) -> String {
    var ar = lua_Debug()
    lua_pushvalue(L, index)
    guard lua_getinfo(L, ">S", &ar) != 0, let source = ar.source.map({ String(cString: $0) }) else {
      return "?"
    }
    let first = Int(ar.linedefined)
    let last = Int(ar.lastlinedefined)
    let place = "\(source):\(first)-\(last)"
    guard first > 0, last >= first else { return place }
    let text: String?
    if source.hasPrefix("@") {
      text = try? String(contentsOfFile: String(source.dropFirst()), encoding: .utf8)
    } else if source.hasPrefix("=") {
      text = nil
    } else {
      text = source
    }
    guard let lines = text?.split(separator: "\n", omittingEmptySubsequences: false), last <= lines.count else {
      return place
    }
    return lines[(first - 1)..<last].joined(separator: "\n")
  }

  /// [-0, +1, -] pushes a copy of the value at `index`.
  package static func pushValue(_ L: OpaquePointer?, _ index: Int32) { lua_pushvalue(L, index) }

  /// [-0, +1, -] pushes `t[i]` of the table at `table`, without metamethods.
  package static func pushItem(_ L: OpaquePointer?, _ table: Int32, _ i: Int) {
    _ = lua_rawgeti(L, table, lua_Integer(i))
  }

  /// [-1, +0, -] removes the value at the absolute `index`, shifting those above it down.
  package static func remove(_ L: OpaquePointer?, _ index: Int32) {
    lua_rotate(L, index, -1)
    capscript_pop(L, 1)
  }

  /// [-0, +0, m] where the Lua function at `index` is defined: "file:line".
  package static func functionPlace(_ L: OpaquePointer?, _ index: Int32) -> String {
    var ar = lua_Debug()
    lua_pushvalue(L, index)
    guard lua_getinfo(L, ">S", &ar) != 0 else { return "?" }
    let src = withUnsafeBytes(of: ar.short_src) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    return "\(src):\(ar.linedefined)"
  }

  /// [-0, +0, m] keeps the value at `value` beside the object at `key`, in the
  /// registry's weak-keyed table `table`: it lives as long as the object.
  /// Both indices must be absolute.
  package static func associate(_ L: OpaquePointer?, table: String, key: Int32, value: Int32) {
    pushWeakTable(L, table)
    lua_pushvalue(L, key)
    lua_pushvalue(L, value)
    lua_rawset(L, -3)
    capscript_pop(L, 1)
  }

  /// [-0, +1, m] pushes the value kept beside the object at `key` (nil when none).
  package static func pushAssociated(_ L: OpaquePointer?, table: String, key: Int32) {
    pushWeakTable(L, table)
    lua_pushvalue(L, key)
    _ = lua_rawget(L, -2)
    lua_rotate(L, -2, 1)
    capscript_pop(L, 1)
  }

  /// [-0, +1, m] pushes the registry's table `name` with weak keys, made on first use.
  private static func pushWeakTable(_ L: OpaquePointer?, _ name: String) {
    capscript_pushregistry(L)
    if luaL_getsubtable(L, -1, name) == 0 {
      lua_createtable(L, 0, 1)
      lua_pushstring(L, "k")
      lua_setfield(L, -2, "__mode")
      _ = lua_setmetatable(L, -2)
    }
    lua_rotate(L, -2, 1)
    capscript_pop(L, 1)
  }
}
