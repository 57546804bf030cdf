/// Text a message repeats from its input (field names, values, scenario names):
/// control characters escaped, so an error cannot rewrite the terminal or forge
/// lines, and long text cut, so a message stays readable whatever it was given.
public enum Echo {
  /// Characters of one echoed name kept before it is cut with "…".
  public static let nameLimit = 64

  /// `text` with its control characters escaped (`\n`, `\t`, `\r`, `\u{1b}`...)
  /// and, beyond `limit` characters, cut to its first `limit` followed by "…".
  /// - Complexity: O(min(n, `limit`)) characters read.
  public static func name(_ text: String, limit: Int = nameLimit) -> String {
    var out = ""
    var count = 0
    for c in text {
      if count == limit { return out + "…" }
      out += escaped(c)
      count += 1
    }
    return out
  }

  /// `text` with its control characters escaped and its length kept (for
  /// whole messages, which may carry several names).
  /// - Complexity: O(n).
  public static func escapingControls(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var out = ""
    for c in text { out += escaped(c) }
    return out
  }

  /// A dotted field path with each component echoed as a name.
  public static func field(_ path: String) -> String {
    path.split(separator: ".", omittingEmptySubsequences: false).map { name(String($0)) }.joined(separator: ".")
  }

  private static func escaped(_ c: Character) -> String {
    guard c.unicodeScalars.contains(where: isControl) else { return String(c) }
    var out = ""
    for s in c.unicodeScalars {
      switch s {
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let s where isControl(s): out += "\\u{" + String(s.value, radix: 16) + "}"
      default: out.unicodeScalars.append(s)
      }
    }
    return out
  }

  /// C0 and C1 controls and DEL: what a terminal may act on.
  private static func isControl(_ s: Unicode.Scalar) -> Bool {
    s.value < 0x20 || (0x7f...0x9f).contains(s.value)
  }
}
