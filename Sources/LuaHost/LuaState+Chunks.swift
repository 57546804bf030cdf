internal import CLua
package import SimCore

/// Chunks the host and the REPL run: compiled and called through this state,
/// never through the raw C API. Each function states its stack effect.
extension LuaState {
  /// [-0, +0, -] the index of the top value (for balanced-stack assertions).
  package var stackTop: Int32 { lua_gettop(L) }

  /// [-0, +1, m] compiles `code` as the text chunk `name` and pushes it; pushes
  /// nothing and throws the message as a `.syntax` error when it does not compile.
  package func loadChunk(_ code: String, name: String) throws(ScriptError) {
    let status = code.withCString { capscript_loadstring(L, $0, strlen($0), name) }
    guard status == LUA_OK else { throw popError(.syntax) }
  }

  /// [-1, +0, -] calls the chunk on top in the chunk environment, under the
  /// limits, and formats each of its results with the function `field` of
  /// the table stored in the registry at `registryKey`. The formatting runs
  /// inside the same limited call (`capscript_callandshow`), so a `__tostring`
  /// that loops is stopped like the chunk (the timeout, Ctrl-C).
  package func callLoadedChunk(formattingWith registryKey: String, field: String) throws(ScriptError) -> [String] {
    capscript_pushregistry(L)
    lua_getfield(L, -1, registryKey)
    lua_getfield(L, -1, field)
    lua_copy(L, -1, -3)
    capscript_pop(L, 2)  // chunk, show
    return try callShowing()
  }

  /// [-2, +0, -] calls the chunk below the top, the top being the function
  /// that formats each result, as one chunk under the limits; returns the
  /// formatted results.
  func callShowing() throws(ScriptError) -> [String] {
    let base = lua_gettop(L) - 2
    defer { lua_settop(L, base) }
    setChunkEnvironment(at: base + 1)
    lua_rotate(L, base + 1, 1)  // show, chunk
    capscript_pushcallandshow(L)
    lua_rotate(L, base + 1, 1)  // callandshow, show, chunk
    try callChunk(nargs: 2, nresults: LUA_MULTRET)
    let last = lua_gettop(L)
    guard last > base else { return [] }
    return ((base + 1)...last).map { LuaStack.string(L, $0) ?? "?" }
  }

  /// [-0, +0, m] runs the host's chunk `source` (named `name`) with the values
  /// `arguments` pushes as its `...`, and stores its one result in the registry
  /// at `registryKey`; throws the chunk's error.
  package func runHostChunk(
    _ source: String, name: String, registryKey: String, arguments: (OpaquePointer?) -> Int32
  ) throws(ScriptError) {
    let top = lua_gettop(L)
    defer { lua_settop(L, top) }
    try loadChunk(source, name: name)
    let nargs = arguments(L)
    guard capscript_pcall(L, nargs, 1) == LUA_OK else { throw popError(.runtime) }
    capscript_pushregistry(L)
    lua_pushvalue(L, -2)
    lua_setfield(L, -2, registryKey)
  }

  /// [-0, +0, m] runs the host's chunk `source` (named `name`) with the chunk
  /// environment and `argument` as its `...`; throws the chunk's error.
  package func runHostChunk(_ source: String, name: String, environmentAnd argument: String) throws(ScriptError) {
    let top = lua_gettop(L)
    defer { lua_settop(L, top) }
    try loadChunk(source, name: name)
    pushChunkEnvironment()
    lua_pushstring(L, argument)
    guard capscript_pcall(L, 2, 0) == LUA_OK else { throw popError(.runtime) }
  }

  /// [-0, +0, m] sets the chunk global `name` to the field `field` of the table
  /// stored in the registry at `registryKey`.
  package func setChunkGlobal(_ name: String, fromRegistry registryKey: String, field: String) {
    capscript_pushregistry(L)
    lua_getfield(L, -1, registryKey)
    lua_getfield(L, -1, field)
    setChunkGlobal(name)
    capscript_pop(L, 2)
  }

  /// [-0, +0, m] runs the host's chunk `source` (named `name`) under the
  /// limits, with the strings `arguments` as its `...`, and returns its one
  /// result as a config tree (nil: `.null`); throws the chunk's error, or a
  /// result that is not plain data. The chunk sees the real globals, not the
  /// sandbox: it is the host's code (what it loads gets its own environment).
  package func evaluate(_ source: String, name: String, arguments: [String]) throws(ScriptError) -> ConfigValue {
    let top = lua_gettop(L)
    defer { lua_settop(L, top) }
    try loadChunk(source, name: name)
    for a in arguments { lua_pushstring(L, a) }
    try callChunk(nargs: Int32(arguments.count), nresults: 1, inChunkEnvironment: false)
    do {
      return try LuaStack.configValue(L, -1, field: "")
    } catch {
      throw ScriptError(.runtime, "\(name.dropFirst()): \(error.message)")
    }
  }
}
