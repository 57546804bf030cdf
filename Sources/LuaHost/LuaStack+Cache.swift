internal import CLua

/// Values a host function computes once per state and hands out again: kept in
/// the registry under a key, with the generation they were made for (a new
/// generation, such as a changed config folder, makes them stale).
extension LuaStack {
  /// [-0, +(0|1), -] pushes the value cached under `key` for `generation` and
  /// returns true; pushes nothing and returns false when there is none, or only
  /// one made for another generation.
  /// - Complexity: O(1): two table reads.
  package static func pushCached(_ L: OpaquePointer?, key: String, generation: Int) -> Bool {
    capscript_pushregistry(L)
    guard lua_getfield(L, -1, key) == LUA_TTABLE else {
      capscript_pop(L, 2)
      return false
    }
    lua_rawgeti(L, -1, 1)
    var isInteger: Int32 = 0
    let cached = capscript_tointeger(L, -1, &isInteger)
    guard isInteger != 0, cached == lua_Integer(generation) else {
      capscript_pop(L, 3)
      return false
    }
    lua_rawgeti(L, -2, 2)
    lua_copy(L, -1, -4)
    capscript_pop(L, 3)
    return true
  }

  /// [-0, +0, m] caches the value on top of the stack (left there) under `key`
  /// for `generation`, replacing any value cached before.
  package static func cache(_ L: OpaquePointer?, key: String, generation: Int) {
    capscript_pushregistry(L)
    lua_createtable(L, 2, 0)
    lua_pushinteger(L, lua_Integer(generation))
    lua_rawseti(L, -2, 1)
    lua_pushvalue(L, -3)
    lua_rawseti(L, -2, 2)
    lua_setfield(L, -2, key)
    capscript_pop(L, 1)
  }
}
