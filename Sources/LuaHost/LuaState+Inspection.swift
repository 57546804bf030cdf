internal import CLua

/// What a value is, as REPL completion walks `a.b.c`.
package enum LuaValueKind {
  case table, userdata, string, other
}

/// Reading values without running script code (raw accesses, and only the
/// host's own `__index` under a protected call), for REPL completion. Each
/// function states its stack effect; `restoringStack` drops what they leave.
extension LuaState {
  /// Runs `body` and drops whatever it left on the stack.
  package func restoringStack<T>(_ body: () -> T) -> T {
    let top = lua_gettop(L)
    defer { lua_settop(L, top) }
    return body()
  }

  /// [-0, +0, -] the kind of the value at `index`.
  package func kind(at index: Int32) -> LuaValueKind {
    switch lua_type(L, index) {
    case LUA_TTABLE: return .table
    case LUA_TUSERDATA: return .userdata
    case LUA_TSTRING: return .string
    default: return .other
    }
  }

  /// [-0, +1, -] pushes `t[key]` of the table at `index`, without metamethods.
  package func pushRawField(of index: Int32, _ key: String) { LuaStack.pushRawField(L, index, key) }

  /// [-0, +1, -] pushes the global table `string` of the chunk environment.
  package func pushStringLibrary() {
    pushChunkEnvironment()
    LuaStack.pushRawField(L, -1, "string")
  }

  /// [-1, +1, -] replaces the value on top with `v[name]` read through its
  /// metatable's `__index` (a function, or a result's field table; protected);
  /// false, with the stack as it was left, when it has no metatable or the read raises.
  package func replaceWithIndexedField(_ name: String) -> Bool {
    guard lua_getmetatable(L, -1) != 0 else { return false }
    capscript_pop(L, 1)
    return capscript_pgetfield(L, name) == LUA_OK
  }

  /// [-0, +0, -] the string keys of the table at `index` (every key type is
  /// skipped but strings).
  package func stringKeys(of index: Int32) -> [String] {
    let t = lua_absindex(L, index)
    var out: [String] = []
    lua_pushnil(L)
    while lua_next(L, t) != 0 {
      if lua_type(L, -2) == LUA_TSTRING, let k = LuaStack.string(L, -2) { out.append(k) }
      capscript_pop(L, 1)
    }
    return out
  }

  /// [-0, +0, -] the string keys of the `__index` table of the metatable of the
  /// value at `index` (class-like tables); empty when there is none.
  package func indexTableKeys(of index: Int32) -> [String] {
    guard lua_getmetatable(L, index) != 0 else { return [] }
    defer { capscript_pop(L, 2) }
    lua_pushstring(L, "__index")
    lua_rawget(L, -2)
    return lua_type(L, -1) == LUA_TTABLE ? stringKeys(of: -1) : []
  }

  /// [-0, +0, -] the `__name` of the metatable of the value at `index`.
  package func metatableName(of index: Int32) -> String? {
    guard lua_getmetatable(L, index) != 0 else { return nil }
    defer { capscript_pop(L, 2) }
    lua_pushstring(L, "__name")
    lua_rawget(L, -2)
    return LuaStack.string(L, -1)
  }
}
