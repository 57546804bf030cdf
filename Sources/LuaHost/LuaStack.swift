internal import CLua
import CapscriptIO
package import SimCore

/// Reading and pushing values with API calls that do not raise (the manual's
/// `-` and, where unavoidable, `m`): safe inside Swift frames.
package enum LuaStack {
  /// The string at `index` (strings only; numbers are not converted in place).
  package static func string(_ L: OpaquePointer?, _ index: Int32) -> String? {
    var len = 0
    guard let p = capscript_tostring(L, index, &len) else { return nil }
    return String(decoding: UnsafeRawBufferPointer(start: p, count: len), as: UTF8.self)
  }

  package static func number(_ L: OpaquePointer?, _ index: Int32) -> Double? {
    guard lua_type(L, index) == LUA_TNUMBER else { return nil }
    return capscript_tonumber(L, index, nil)
  }

  /// A readable name of the Lua type at `index`.
  package static func typeName(_ L: OpaquePointer?, _ index: Int32) -> String {
    String(cString: lua_typename(L, lua_type(L, index)))
  }

  /// [-0, +1, m] pushes a config tree as Lua values (arrays as 1-based lists).
  package static func push(_ L: OpaquePointer?, _ value: ConfigValue) {
    switch value {
    case .null: lua_pushnil(L)
    case .bool(let b): lua_pushboolean(L, b ? 1 : 0)
    case .number(let x):
      if x == x.rounded(), abs(x) < 9e15 { lua_pushinteger(L, lua_Integer(x)) } else { lua_pushnumber(L, x) }
    case .string(let s): lua_pushstring(L, s)
    case .array(let items):
      lua_createtable(L, Int32(items.count), 0)
      for (i, item) in items.enumerated() {
        push(L, item)
        lua_rawseti(L, -2, lua_Integer(i + 1))
      }
    case .object(let fields):
      lua_createtable(L, 0, Int32(fields.count))
      for (key, field) in fields.sorted(by: { $0.key < $1.key }) {
        lua_pushstring(L, key)
        push(L, field)
        lua_rawset(L, -3)
      }
    }
  }
}
