import CapscriptIO
import LuaHost
import ScriptHost
import SimCore

extension ReplSession {
  /// The completions of `word` (the text before the cursor, back to a space
  /// or an operator), given the text of the line `before` it: scenario names
  /// inside `cap.scenario "`, scenario fields inside `:with{`, else globals
  /// and keywords, or the members after `a.b.` or `a:` of a table, of a `cap`
  /// object (from the API table: `r.pnl_attribution.` steps into the field) or
  /// of a string. Reads with raw accesses, and runs only capscript's own
  /// `__index` (protected); no script code runs, nothing raises.
  public func completions(for word: String, after before: String = "") -> [String] {
    if let names = contextNames(before: before) { return Self.matching(names, partial: word, prefix: "") }
    return state.restoringStack { memberCompletions(for: word) }
  }

  /// [-0, +k, -] the completions of a global, or of the members after `a.b.` or `a:`.
  private func memberCompletions(for word: String) -> [String] {
    state.pushChunkEnvironment()
    guard let sep = word.lastIndex(where: { $0 == "." || $0 == ":" }) else {
      let names = keys(of: -1) + Self.keywords
      return Self.matching(names, partial: word, prefix: "")
    }
    let path = word[..<sep].split(separator: ".", omittingEmptySubsequences: false)
    guard path.allSatisfy({ Self.isName($0) }) else { return [] }
    for part in path {
      switch state.kind(at: -1) {
      case .table: state.pushRawField(of: -1, String(part))
      case .userdata:
        guard pushAPIField(String(part)) else { return [] }
      default: return []
      }
    }
    let names: [String]
    switch state.kind(at: -1) {
    case .table: names = keys(of: -1) + state.indexTableKeys(of: -1).filter { Self.isName($0[...]) }
    case .userdata:
      let members = state.metatableName(of: -1).flatMap { CapAPI.class(tname: $0)?.members } ?? []
      names = members.filter { $0.isIdentifier && (word[sep] == ":" ? $0.kind == .method : true) }.map(\.name)
    case .string where word[sep] == ":":
      state.pushStringLibrary()
      names = state.kind(at: -1) == .table ? keys(of: -1) : []
    default: names = []
    }
    return Self.matching(
      names, partial: String(word[word.index(after: sep)...]), prefix: String(word[...sep]))
  }

  /// Names the text before the word asks for: scenario names after
  /// `cap.scenario "` (or `("`), scenario field names inside an open `:with{`.
  private func contextNames(before: String) -> [String]? {
    let trimmed = before.reversed().drop(while: { $0 == " " })
    if trimmed.first == "\"" || trimmed.first == "'" {
      let head = String(trimmed.dropFirst().drop(while: { $0 == " " || $0 == "(" }).reversed())
      if head.hasSuffix("cap.scenario") {
        return (try? state.context.library().scenarioNames()) ?? []
      }
      return nil
    }
    guard let open = before.range(of: ":with{", options: .backwards) ?? before.range(of: ":with {", options: .backwards)
    else { return nil }
    let inside = before[open.upperBound...]
    guard !inside.contains("}"), trimmed.first == "{" || trimmed.first == "," else { return nil }
    return Scenario.readableFieldNames
  }

  /// [-1, +1, -] replaces the capscript userdata on top with its field `name`
  /// (read by the type's own `__index`, protected); false when it is not a
  /// field of a capscript type or the read fails.
  private func pushAPIField(_ name: String) -> Bool {
    guard let tname = state.metatableName(of: -1), let api = CapAPI.class(tname: tname),
      api.member(name)?.kind == .field
    else { return false }
    return state.replaceWithIndexedField(name)
  }

  /// The name-like string keys of the table at `index`.
  private func keys(of index: Int32) -> [String] { state.stringKeys(of: index).filter { Self.isName($0[...]) } }

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
