internal import CLua

/// The typed stack layer: scalar pushes, type checks and reads with API calls
/// that do not raise (the manual's `-`, or `m`), so bindings never call the C
/// API themselves. Each function states its stack effect `[-o, +p, x]`.
extension LuaStack {
  /// [-0, +0, -] the index of the top value (the number of values on the stack).
  package static func top(_ L: OpaquePointer?) -> Int32 { lua_gettop(L) }

  /// [-n, +0, -] pops `n` values.
  package static func pop(_ L: OpaquePointer?, _ n: Int32 = 1) { capscript_pop(L, n) }

  /// [-0, +1, -] pushes nil.
  package static func pushNil(_ L: OpaquePointer?) { lua_pushnil(L) }

  /// [-0, +1, m] pushes a string.
  package static func push(_ L: OpaquePointer?, string: String) { lua_pushstring(L, string) }

  /// [-0, +1, -] pushes a float (`1.0` stays a float in Lua; `push(_:_:)` of a
  /// config number pushes whole numbers as integers).
  package static func push(_ L: OpaquePointer?, float: Double) { lua_pushnumber(L, float) }

  /// [-0, +1, -] pushes an integer.
  package static func push(_ L: OpaquePointer?, integer: Int) { lua_pushinteger(L, lua_Integer(integer)) }

  /// [-0, +1, -] pushes a boolean.
  package static func push(_ L: OpaquePointer?, bool: Bool) { lua_pushboolean(L, bool ? 1 : 0) }

  /// [-0, +1, m] pushes a list of floats, `{x1, x2, ...}`.
  package static func push(_ L: OpaquePointer?, floats: [Double]) {
    lua_createtable(L, Int32(floats.count), 0)
    for (i, x) in floats.enumerated() {
      lua_pushnumber(L, x)
      lua_rawseti(L, -2, lua_Integer(i + 1))
    }
  }

  /// [-0, +1, m] pushes a table of named floats, `{name = x, ...}`.
  package static func push(_ L: OpaquePointer?, floatFields: [(String, Double)]) {
    lua_createtable(L, 0, Int32(floatFields.count))
    for (key, x) in floatFields {
      lua_pushnumber(L, x)
      lua_setfield(L, -2, key)
    }
  }

  /// [-0, +0, -] whether the value at `index` is a table.
  package static func isTable(_ L: OpaquePointer?, _ index: Int32) -> Bool { lua_type(L, index) == LUA_TTABLE }

  /// [-0, +0, -] whether `index` is beyond the arguments or holds nil.
  package static func isNoneOrNil(_ L: OpaquePointer?, _ index: Int32) -> Bool { capscript_isnoneornil(L, index) != 0 }

  /// [-0, +0, -] the value at `index` as Lua tests it: false only for nil and false.
  package static func truthy(_ L: OpaquePointer?, _ index: Int32) -> Bool { lua_toboolean(L, index) != 0 }

  /// [-0, +1, m] pushes a new table with room for `list` items and `fields` named fields.
  package static func newTable(_ L: OpaquePointer?, list: Int = 0, fields: Int = 0) {
    lua_createtable(L, Int32(list), Int32(fields))
  }

  /// [-1, +0, e] pops a value into the table at `table` as the field `key`
  /// (raises only through a `__newindex`; the tables the host builds have none).
  package static func setField(_ L: OpaquePointer?, _ table: Int32, _ key: String) { lua_setfield(L, table, key) }

  /// [-1, +0, m] pops a value into the table at `table` as item `i` (1-based).
  package static func setItem(_ L: OpaquePointer?, _ table: Int32, _ i: Int) { lua_rawseti(L, table, lua_Integer(i)) }

  /// [-0, +1, -] pushes `t[key]` of the table at `table`, without metamethods.
  package static func pushRawField(_ L: OpaquePointer?, _ table: Int32, _ key: String) {
    let t = lua_absindex(L, table)
    lua_pushstring(L, key)
    lua_rawget(L, t)
  }
}
