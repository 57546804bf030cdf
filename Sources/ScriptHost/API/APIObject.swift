internal import CLua
import CapscriptIO
import SimCore

/// Userdata types of the API table: metatables installed once, with their
/// methods in a table of their own, and `__index` answered from the table.
enum APIObject {
  /// The metatable field holding a type's methods (closures created once).
  static let methodsField = "__methods"

  /// [-0, +0, m] registers the metatable of `api` (which must have a `tname`):
  /// `__gc`, `__index`, `__tostring` and the methods table.
  static func register(
    _ L: OpaquePointer?, _ api: APIClass, gc: BindingFunction, index: BindingFunction, tostring: BindingFunction
  ) {
    guard let tname = api.tname else { return }
    capscript_newmetatable(L, tname)
    for (name, f) in [("__gc", gc), ("__index", index), ("__tostring", tostring)] {
      capscript_pushswiftfunction(L, f)
      lua_setfield(L, -2, name)
    }
    let methods = api.members.filter { $0.kind == .method }
    lua_createtable(L, 0, Int32(methods.count))
    for m in methods {
      guard let f = m.function else { continue }
      capscript_pushswiftfunction(L, f)
      lua_setfield(L, -2, m.name)
    }
    lua_setfield(L, -2, methodsField)
    capscript_pop(L, 1)
  }

  /// `__index` of a userdata of `api`: a method from the methods table, a
  /// field from its getter, or an error that names the nearest member.
  static func index(_ L: OpaquePointer?, _ api: APIClass) throws -> Int32 {
    guard let key = LuaStack.string(L, 2) else {
      lua_pushnil(L)
      return 1
    }
    guard let member = api.member(key) else {
      var message = "\(api.helpName) has no field \"\(key)\""
      if let near = ConfigReader.nearest(to: key, in: api.memberNames) { message += "; did you mean \"\(near)\"?" }
      throw BindingError(message)
    }
    switch member.kind {
    case .method, .function:
      guard lua_getmetatable(L, 1) != 0 else { throw BindingError("\(api.helpName) has lost its metatable") }
      lua_pushstring(L, methodsField)
      lua_rawget(L, -2)
      lua_pushstring(L, key)
      lua_rawget(L, -2)
    case .field:
      guard let get = member.get else { throw BindingError("\(api.helpName).\(key) cannot be read") }
      let top = lua_gettop(L)
      try get(L)
      assert(lua_gettop(L) == top + 1, "the getter of \(api.helpName).\(key) must push exactly one value")
    }
    return 1
  }
}
