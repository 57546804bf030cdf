internal import CLua

/// Calling back into Lua from a binding (per-epoch rules), and values attached
/// to userdata. Each function states its stack effect.
extension LuaStack {
  /// The registry field of the weak-keyed table of attached values.
  static let attachedKey = "capscript.attached"

  /// [-0, +0, m] attaches the value at `value` to the userdata at `owner` (nil
  /// detaches it). The table holding it has weak keys: the value lives as long
  /// as the userdata.
  package static func attach(_ L: OpaquePointer?, _ value: Int32, to owner: Int32) {
    let v = lua_absindex(L, value)
    let o = lua_absindex(L, owner)
    pushAttachedTable(L)
    lua_pushvalue(L, o)
    lua_pushvalue(L, v)
    lua_rawset(L, -3)
    capscript_pop(L, 1)
  }

  /// [-0, +1, m] pushes the value attached to the userdata at `owner`, or nil.
  package static func pushAttached(_ L: OpaquePointer?, of owner: Int32) {
    let o = lua_absindex(L, owner)
    pushAttachedTable(L)
    lua_pushvalue(L, o)
    lua_rawget(L, -2)
    lua_copy(L, -1, -2)
    capscript_pop(L, 1)
  }

  /// [-0, +1, m] pushes the weak-keyed table of attached values, made on first use.
  private static func pushAttachedTable(_ L: OpaquePointer?) {
    capscript_pushregistry(L)
    lua_getfield(L, -1, attachedKey)
    if lua_type(L, -1) != LUA_TTABLE {
      capscript_pop(L, 1)
      lua_createtable(L, 0, 0)
      lua_createtable(L, 0, 1)
      lua_pushstring(L, "k")
      lua_setfield(L, -2, "__mode")
      _ = lua_setmetatable(L, -2)
      lua_pushvalue(L, -1)
      lua_setfield(L, -3, attachedKey)
    }
    lua_copy(L, -1, -2)
    capscript_pop(L, 1)
  }

  /// Whether the value at `index` is a function.
  package static func isFunction(_ L: OpaquePointer?, _ index: Int32) -> Bool { lua_type(L, index) == LUA_TFUNCTION }

  /// The raw length of the table at `index`.
  package static func rawLength(_ L: OpaquePointer?, _ index: Int32) -> Int { Int(lua_rawlen(L, index)) }

  /// [-0, +1, -] pushes item `i` (1-based) of the table at `table`, without metamethods.
  package static func pushRawItem(_ L: OpaquePointer?, _ table: Int32, _ i: Int) {
    _ = lua_rawgeti(L, table, lua_Integer(i))
  }

  /// [-0, +1, -] pushes a copy of the value at `index`.
  package static func pushCopy(_ L: OpaquePointer?, _ index: Int32) { lua_pushvalue(L, index) }

  /// [-1, +0, m] pops a value into the table at `table` as the field `key`, without metamethods.
  package static func setRawField(_ L: OpaquePointer?, _ table: Int32, _ key: String) {
    let t = lua_absindex(L, table)
    lua_pushstring(L, key)
    lua_rotate(L, -2, 1)
    lua_rawset(L, t)
  }

  /// `source:line` where the Lua function at `index` is defined ("?" for a C function).
  package static func functionLocation(_ L: OpaquePointer?, _ index: Int32) -> String {
    var ar = lua_Debug()
    lua_pushvalue(L, index)
    guard lua_getinfo(L, ">S", &ar) != 0, ar.linedefined > 0 else { return "?" }
    let source = withUnsafeBytes(of: ar.short_src) { raw in
      String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    return "\(source):\(ar.linedefined)"
  }

  /// [-(nargs+1), +nresults, -] calls the function below its `nargs` arguments
  /// in protected mode with the traceback handler, under the script's limits
  /// (the count hook, the memory limit and the deadline stay armed); on an
  /// error pops it and throws its message, with `file:line` and a traceback.
  package static func protectedCall(_ L: OpaquePointer?, nargs: Int32, nresults: Int32) throws(ScriptError) {
    let status = capscript_pcall(L, nargs, nresults)
    guard status != LUA_OK else { return }
    let message = string(L, -1) ?? "(error object is a \(typeName(L, -1)) value)"
    capscript_pop(L, 1)
    throw ScriptError(status == LUA_ERRMEM ? .memory : .runtime, message)
  }
}
