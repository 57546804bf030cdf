internal import CLua

/// The one conversion of Lua numbers to Swift integers: every number a script
/// gives where the host needs an `Int` goes through here, so NaN, infinities,
/// fractions and values beyond `Int` are errors, never a trap.
extension LuaStack {
  /// A Lua integer as a Swift `Int` (both are 64 bits on every platform
  /// capscript builds for; a narrower `Int` would clamp, never trap).
  static func integer(fromLua x: lua_Integer) -> Int { Int(clamping: x) }

  /// [-0, +0, -] the argument at `index` as an integer in `range`: nil when it
  /// is absent or nil; an error naming `name` ("top: n") when it is not a
  /// number, is not whole (NaN and infinities included) or is out of range.
  package static func integer(
    _ L: OpaquePointer?, _ index: Int32, in range: ClosedRange<Int>, name: String
  ) throws(BindingError) -> Int? {
    if isNoneOrNil(L, index) { return nil }
    let value: Int?
    let shown: String
    switch lua_type(L, index) {
    case LUA_TNUMBER where lua_isinteger(L, index) != 0:
      let i = capscript_tointeger(L, index, nil)
      value = Int(exactly: i)
      shown = String(i)
    case LUA_TNUMBER:
      let x = capscript_tonumber(L, index, nil)
      value = Int(exactly: x)
      shown = Self.shown(x)
    default:
      value = nil
      shown = "a " + typeName(L, index)
    }
    guard let value, range.contains(value) else {
      throw BindingError(
        "\(name) must be an integer in \(range.lowerBound)...\(range.upperBound), got \(shown)")
    }
    return value
  }

  /// A float as Lua prints it in messages: `nan`, `inf`, `-inf`, `2.5`, `1e+20`.
  static func shown(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    return "\(x)"
  }
}
