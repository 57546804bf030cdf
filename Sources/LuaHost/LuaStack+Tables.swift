internal import CLua
package import SimCore

/// Reading Lua tables into config trees, bounded whatever the table: a cycle,
/// deep nesting or a table that repeats a subtable many times is a clear
/// error, never a stack overflow or an exponential walk (docs/HARDENING.md).
extension LuaStack {
  /// Levels of nested tables a config tree may have (a scenario has about 5).
  package static let maxTableDepth = 32
  /// Values one conversion may read, counting a subtable each time it appears.
  package static let maxTableValues = 1 << 20

  /// [-0, +0, -] converts the value at `index` to a config tree. Tables whose
  /// keys are 1...n become arrays; tables with string keys become objects;
  /// string keys in `skipped` are left to the caller.
  ///
  /// A table that contains itself (directly or through its subtables) is an
  /// error naming the field where it does, nesting deeper than
  /// `maxTableDepth` is an error, and so is reading more than
  /// `maxTableValues` values. The Lua stack is grown with `lua_checkstack`
  /// (which never raises) before each level pushes its key and value.
  /// - Complexity: O(values read), at most `maxTableValues`.
  package static func configValue(
    _ L: OpaquePointer?, _ index: Int32, field: String, skipping skipped: Set<String> = []
  ) throws(ConfigError) -> ConfigValue {
    var reader = TableReader(L: L)
    return try reader.value(lua_absindex(L, index), field: field, depth: 0, skipping: skipped)
  }
}

/// One conversion of a Lua value: the tables on the path from the root (for
/// cycles) and the values read so far (for the budget).
private struct TableReader {
  let L: OpaquePointer?
  var open: Set<UnsafeRawPointer> = []
  var read = 0
  let file = "lua table"

  mutating func value(
    _ index: Int32, field: String, depth: Int, skipping skipped: Set<String> = []
  ) throws(ConfigError) -> ConfigValue {
    read += 1
    guard read <= LuaStack.maxTableValues else {
      throw ConfigError(
        .wrongType, file: file, field: nil,
        "a table holds more than \(LuaStack.maxTableValues) values (a subtable counts each time it appears)")
    }
    switch lua_type(L, index) {
    case LUA_TNIL: return .null
    case LUA_TBOOLEAN: return .bool(lua_toboolean(L, index) != 0)
    case LUA_TNUMBER: return .number(capscript_tonumber(L, index, nil))
    case LUA_TSTRING: return .string(LuaStack.string(L, index) ?? "")
    case LUA_TTABLE: return try table(index, field: field, depth: depth, skipping: skipped)
    default:
      throw ConfigError(
        .wrongType, file: file, field: field.isEmpty ? nil : field,
        "cannot use a \(LuaStack.typeName(L, index)) value in a scenario")
    }
  }

  private mutating func table(
    _ t: Int32, field: String, depth: Int, skipping skipped: Set<String>
  ) throws(ConfigError) -> ConfigValue {
    guard let pointer = lua_topointer(L, t) else { return .object([:]) }
    guard !open.contains(pointer) else {
      throw ConfigError(
        .wrongType, file: file, field: nil, "a table contains itself at field \(field.isEmpty ? "(top)" : field)")
    }
    guard depth < LuaStack.maxTableDepth else {
      throw ConfigError(
        .wrongType, file: file, field: field.isEmpty ? nil : field,
        "tables nest too deeply (more than \(LuaStack.maxTableDepth) levels)")
    }
    // The key and the value of this level, plus room for the calls below.
    guard lua_checkstack(L, 4) != 0 else {
      throw ConfigError(.wrongType, file: file, field: field.isEmpty ? nil : field, "tables nest too deeply")
    }
    open.insert(pointer)
    defer { open.remove(pointer) }
    var object: [String: ConfigValue] = [:]
    var array: [Int: ConfigValue] = [:]
    lua_pushnil(L)
    while lua_next(L, t) != 0 {
      // Key at -2, value at -1 (absolute: top - 1, top).
      let valueIndex = lua_gettop(L)
      let keyType = lua_type(L, -2)
      do throws(ConfigError) {
        if keyType == LUA_TSTRING, let key = LuaStack.string(L, -2) {
          if !skipped.contains(key) {
            let sub = field.isEmpty ? key : field + "." + key
            object[key] = try value(valueIndex, field: sub, depth: depth + 1)
          }
        } else if keyType == LUA_TNUMBER, lua_isinteger(L, -2) != 0 {
          let i = LuaStack.integer(fromLua: capscript_tointeger(L, -2, nil))
          array[i] = try value(valueIndex, field: "\(field)[\(i)]", depth: depth + 1)
        } else {
          throw ConfigError(
            .wrongType, file: file, field: field.isEmpty ? nil : field,
            "table keys must be names or 1...n, got a \(LuaStack.typeName(L, -2)) key")
        }
      } catch {
        capscript_pop(L, 2)
        throw error
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
  }
}
