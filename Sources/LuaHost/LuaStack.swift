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

  /// Converts the value at `index` to a config tree. Tables whose keys are
  /// 1...n become arrays; tables with string keys become objects.
  package static func configValue(
    _ L: OpaquePointer?, _ index: Int32, field: String, depth: Int = 0, skipping skipped: Set<String> = []
  ) throws(ConfigError) -> ConfigValue {
    let file = "lua table"
    guard depth < 64 else {
      throw ConfigError(.wrongType, file: file, field: field, "tables nest too deeply (a cycle?)")
    }
    switch lua_type(L, index) {
    case LUA_TNIL: return .null
    case LUA_TBOOLEAN: return .bool(lua_toboolean(L, index) != 0)
    case LUA_TNUMBER: return .number(capscript_tonumber(L, index, nil))
    case LUA_TSTRING: return .string(string(L, index) ?? "")
    case LUA_TTABLE:
      let t = lua_absindex(L, index)
      var object: [String: ConfigValue] = [:]
      var array: [Int: ConfigValue] = [:]
      lua_pushnil(L)
      while lua_next(L, t) != 0 {
        let keyType = lua_type(L, -2)
        if keyType == LUA_TSTRING, let key = string(L, -2), skipped.contains(key) {
          // Read by the caller.
        } else if keyType == LUA_TSTRING, let key = string(L, -2) {
          let sub = field.isEmpty ? key : field + "." + key
          do { object[key] = try configValue(L, -1, field: sub, depth: depth + 1) } catch {
            capscript_pop(L, 2)
            throw error
          }
        } else if keyType == LUA_TNUMBER, lua_isinteger(L, -2) != 0 {
          let i = Int(capscript_tointeger(L, -2, nil))
          do { array[i] = try configValue(L, -1, field: "\(field)[\(i)]", depth: depth + 1) } catch {
            capscript_pop(L, 2)
            throw error
          }
        } else {
          let kind = typeName(L, -2)
          capscript_pop(L, 2)
          throw ConfigError(
            .wrongType, file: file, field: field, "table keys must be names or 1...n, got a \(kind) key")
        }
        capscript_pop(L, 1)
      }
      if !object.isEmpty && !array.isEmpty {
        throw ConfigError(.wrongType, file: file, field: field, "a table mixes named fields and a list")
      }
      if !array.isEmpty {
        guard array.keys.min() == 1, array.keys.max() == array.count else {
          throw ConfigError(.wrongType, file: file, field: field, "a list must have keys 1...n with no holes")
        }
        return .array((1...array.count).compactMap { array[$0] })
      }
      return .object(object)
    default:
      throw ConfigError(
        .wrongType, file: file, field: field.isEmpty ? nil : field,
        "cannot use a \(typeName(L, index)) value in a scenario")
    }
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
