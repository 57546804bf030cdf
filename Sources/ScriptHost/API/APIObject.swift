import CapscriptIO
import LuaHost
import SimCore

/// Userdata types of the API table: metatables installed once, with their
/// methods in a table of their own, and `__index` answered from the table.
enum APIObject {
  /// The metatable field holding a type's methods (closures created once).
  static let methodsField = "__methods"

  /// [-0, +0, m] registers the metatable of `api` (which must have a `tname`):
  /// `__gc`, `__index`, `__tostring` and the methods table; with `fieldTables`,
  /// each object reads its cached fields from a table of its own
  /// (`LuaStack.registerMetatable(fieldTables:)`).
  static func register(
    _ L: OpaquePointer?, _ api: APIClass, gc: BindingFunction, index: BindingFunction, tostring: BindingFunction,
    fieldTables: Bool = false
  ) {
    guard let tname = api.tname else { return }
    let methods = api.members.filter { $0.kind == .method }.compactMap { m in m.function.map { (m.name, $0) } }
    LuaStack.registerMetatable(
      L, tname: tname, metamethods: [("__gc", gc), ("__index", index), ("__tostring", tostring)],
      methodsField: methodsField, methods: methods, cachedIndex: true, fieldTables: fieldTables)
  }

  /// `__index` of a userdata of `api`: a method from the methods table, a
  /// field from its getter, or an error that names the nearest member.
  /// Methods and scalar fields are then cached in the box (`LuaObject.cacheField`):
  /// a boxed value never changes, so later reads are answered in C.
  static func index(_ L: OpaquePointer?, _ api: APIClass) throws -> Int32 {
    guard let key = LuaStack.string(L, 2) else {
      LuaStack.pushNil(L)
      return 1
    }
    guard let member = api.member(key) else {
      var message = "\(api.helpName) has no field \"\(Echo.name(key))\""
      if let near = ConfigReader.nearest(to: key, in: api.memberNames) { message += "; did you mean \"\(near)\"?" }
      throw BindingError(message)
    }
    switch member.kind {
    case .method, .function:
      guard LuaStack.pushMethod(L, of: 1, methodsField: methodsField, name: key) else {
        throw BindingError("\(api.helpName) has lost its metatable")
      }
    case .field:
      guard let get = member.get else { throw BindingError("\(api.helpName).\(key) cannot be read") }
      let top = LuaStack.top(L)
      try get(L)
      assert(LuaStack.top(L) == top + 1, "the getter of \(api.helpName).\(key) must push exactly one value")
    }
    LuaObject.cacheField(L, object: 1, key: 2)
    return 1
  }
}
