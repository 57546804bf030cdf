internal import CLua
package import SimCore

/// Module tables, metatables with their methods table (installed once), and
/// the chunks the host runs at start-up.
extension LuaStack {
  /// [-0, +0, m] creates the module table of `functions` and `fields`, sets it
  /// as the global `name` and as `package.loaded[loadedName]`.
  package static func registerModule(
    _ L: OpaquePointer?, name: String, loadedName: String, functions: [(String, BindingFunction)],
    fields: [(String, String)]
  ) {
    lua_createtable(L, 0, Int32(functions.count + fields.count))
    for (key, f) in functions {
      capscript_pushswiftfunction(L, f)
      lua_setfield(L, -2, key)
    }
    for (key, value) in fields {
      lua_pushstring(L, value)
      lua_setfield(L, -2, key)
    }
    lua_pushvalue(L, -1)
    lua_setglobal(L, name)
    lua_getglobal(L, "package")
    lua_getfield(L, -1, "loaded")
    lua_pushvalue(L, -3)
    lua_setfield(L, -2, loadedName)
    capscript_pop(L, 3)
  }

  /// [-0, +0, m] registers the metatable `tname` with its `metamethods` and, when
  /// `methodsField` is given, a table of `methods` stored in that field (the
  /// closures are created once, here). With `cachedIndex`, `__index` first
  /// answers from the box's field cache in C (`LuaObject.cacheField`). With
  /// `fieldTables`, each object gets a metatable of its own whose `__index` is
  /// that cache, a table, so a cached field is read with no call at all, and
  /// `__index` is called (with the object) only for keys not cached yet
  /// (`capscript_setboxmetatable` in CLua's header).
  package static func registerMetatable(
    _ L: OpaquePointer?, tname: String, metamethods: [(String, BindingFunction)], methodsField: String? = nil,
    methods: [(String, BindingFunction)] = [], cachedIndex: Bool = false, fieldTables: Bool = false
  ) {
    capscript_newmetatable(L, tname)
    for (key, f) in metamethods {
      if cachedIndex && key == "__index" {
        capscript_pushcachedindex(L, f)
      } else {
        capscript_pushswiftfunction(L, f)
      }
      lua_setfield(L, -2, key)
      if fieldTables && key == "__index" {
        capscript_pushfieldmeta(L, f)
        lua_setfield(L, -2, "__fields")
      }
    }
    if let methodsField {
      lua_createtable(L, 0, Int32(methods.count))
      for (key, f) in methods {
        capscript_pushswiftfunction(L, f)
        lua_setfield(L, -2, key)
      }
      lua_setfield(L, -2, methodsField)
    }
    capscript_pop(L, 1)
  }

  /// [-0, +1, -] pushes the method `name` from the methods table `methodsField`
  /// of the metatable of the value at `object` (nil when the table has no such
  /// method); pushes nothing and returns false when the value has no metatable.
  package static func pushMethod(_ L: OpaquePointer?, of object: Int32, methodsField: String, name: String) -> Bool {
    guard lua_getmetatable(L, object) != 0 else { return false }
    pushMethod(L, fromMetatableAt: -1, methodsField: methodsField, name: name)
    lua_copy(L, -1, -2)
    capscript_pop(L, 1)
    return true
  }

  /// [-0, +1, -] pushes the method `name` from the methods table of the
  /// metatable registered as `tname`; nil when there is none.
  package static func pushMethod(_ L: OpaquePointer?, tname: String, methodsField: String, name: String) {
    capscript_pushregistry(L)
    lua_getfield(L, -1, tname)
    if lua_type(L, -1) == LUA_TTABLE {
      pushMethod(L, fromMetatableAt: -1, methodsField: methodsField, name: name)
    } else {
      lua_pushnil(L)
    }
    lua_copy(L, -1, -3)
    capscript_pop(L, 2)
  }

  /// [-0, +1, -] pushes `mt[methodsField][name]` of the metatable at `index`.
  private static func pushMethod(
    _ L: OpaquePointer?, fromMetatableAt index: Int32, methodsField: String, name: String
  ) {
    let mt = lua_absindex(L, index)
    lua_pushstring(L, methodsField)
    lua_rawget(L, mt)
    guard lua_type(L, -1) == LUA_TTABLE else { return }
    lua_pushstring(L, name)
    lua_rawget(L, -2)
    lua_copy(L, -1, -2)
    capscript_pop(L, 1)
  }

  /// [-0, +0, m] runs the start-up chunk `source`, named `name`, with `argument`
  /// as its `...`, in a protected call; false when it does not compile or raises
  /// (its error is dropped: a start-up chunk of the host is tested, not a script).
  @discardableResult
  package static func runChunk(_ L: OpaquePointer?, _ source: String, name: String, argument: ConfigValue) -> Bool {
    let status = source.withCString { capscript_loadstring(L, $0, strlen($0), name) }
    guard status == LUA_OK else {
      capscript_pop(L, 1)
      return false
    }
    push(L, argument)
    guard capscript_pcall(L, 1, 0) == LUA_OK else {
      capscript_pop(L, 1)
      return false
    }
    return true
  }
}
