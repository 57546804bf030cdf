internal import CLua
import SimCore

extension ReplSession {
  /// The completions of `word` (the text before the cursor, back to a space
  /// or an operator): globals and keywords, or the members after `a.b.` or
  /// `a:` of a table, of a `cap` object (scenario, result, sweep) or of a
  /// string. Reads with raw accesses only: no metamethod runs, nothing raises.
  public func completions(for word: String) -> [String] {
    let L = state.L
    let top = lua_gettop(L)
    defer { lua_settop(L, top) }
    state.pushChunkEnvironment()
    guard let sep = word.lastIndex(where: { $0 == "." || $0 == ":" }) else {
      let names = keys(of: -1) + Self.keywords
      return Self.matching(names, partial: word, prefix: "")
    }
    let path = word[..<sep].split(separator: ".", omittingEmptySubsequences: false)
    guard path.allSatisfy({ Self.isName($0) }) else { return [] }
    for part in path {
      guard lua_type(L, -1) == LUA_TTABLE else { return [] }
      lua_pushstring(L, String(part))
      lua_rawget(L, -2)
    }
    let names: [String]
    switch lua_type(L, -1) {
    case LUA_TTABLE: names = keys(of: -1) + indexKeys(of: -1)
    case LUA_TUSERDATA: names = typeName(of: -1).flatMap { Self.members[$0] } ?? []
    case LUA_TSTRING where word[sep] == ":":
      state.pushChunkEnvironment()
      lua_pushstring(L, "string")
      lua_rawget(L, -2)
      names = lua_type(L, -1) == LUA_TTABLE ? keys(of: -1) : []
    default: names = []
    }
    return Self.matching(
      names, partial: String(word[word.index(after: sep)...]), prefix: String(word[...sep]))
  }

  /// The name-like string keys of the table at `index`.
  private func keys(of index: Int32) -> [String] {
    let L = state.L
    let t = lua_absindex(L, index)
    var out: [String] = []
    lua_pushnil(L)
    while lua_next(L, t) != 0 {
      if lua_type(L, -2) == LUA_TSTRING, let k = LuaStack.string(L, -2), Self.isName(k[...]) {
        out.append(k)
      }
      capscript_pop(L, 1)
    }
    return out
  }

  /// The keys of a table's `__index` table (class-like tables), if it has one.
  private func indexKeys(of index: Int32) -> [String] {
    let L = state.L
    guard lua_getmetatable(L, index) != 0 else { return [] }
    defer { capscript_pop(L, 2) }
    lua_pushstring(L, "__index")
    lua_rawget(L, -2)
    return lua_type(L, -1) == LUA_TTABLE ? keys(of: -1) : []
  }

  /// The `__name` of a userdata's metatable (`capscript.Result`...).
  private func typeName(of index: Int32) -> String? {
    let L = state.L
    guard lua_getmetatable(L, index) != 0 else { return nil }
    defer { capscript_pop(L, 2) }
    lua_pushstring(L, "__name")
    lua_rawget(L, -2)
    return LuaStack.string(L, -1)
  }

  /// Fields and methods of the `cap` objects, whose `__index` is a function.
  static let members: [String: [String]] = [
    CapModule.scenarioType: ["with", "file", "hash", "source"] + Scenario.topLevelFields
      + CapitalSchema.names,
    CapModule.resultType: [
      "save", "paths", "scenario", "elapsed", "roi_mean_stderr", "pnl_distribution",
      "pnl_attribution", "provenance",
    ] + Scorecard.scalarFieldNames,
    SweepObject.tname: ["run", "size", "base"],
    SweepObject.resultTname: ["top", "best", "save", "candidates", "pareto"],
  ]

  static let keywords = [
    "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
    "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
  ]

  static func isName(_ s: Substring) -> Bool {
    guard let first = s.unicodeScalars.first,
      first == "_" || (first.isASCII && first.properties.isAlphabetic)
    else {
      return false
    }
    return s.unicodeScalars.allSatisfy {
      $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil))
    }
  }

  static func matching(_ names: [String], partial: String, prefix: String) -> [String] {
    Set(names.filter { $0.hasPrefix(partial) }).sorted().map { prefix + $0 }
  }
}
