/// Reads and writes JSON text as `ConfigValue`.
///
/// A small reader of our own rather than Foundation's, because a quant's typo
/// must be reported with its line and column, `true` must never read as `1`, and
/// a key given twice is an error rather than a silent overwrite.
public enum JSONText {
  /// Parses `text`; errors carry the 1-based line and column of the fault.
  /// - Complexity: O(n) in the length of the text.
  public static func parse(_ text: String, file: String) throws(ConfigError) -> ConfigValue {
    var parser = Parser(bytes: Array(text.utf8), file: file)
    parser.skipSpace()
    let value = try parser.value(depth: 0)
    parser.skipSpace()
    if parser.index < parser.bytes.count { throw parser.error("unexpected text after the JSON value") }
    return value
  }

  /// Writes `value` as JSON with sorted keys: the canonical form hashed for provenance.
  public static func canonical(_ value: ConfigValue) -> String {
    var out = ""
    write(value, to: &out, indent: nil, level: 0)
    return out
  }

  /// Writes `value` as indented JSON with sorted keys.
  public static func pretty(_ value: ConfigValue) -> String {
    var out = ""
    write(value, to: &out, indent: "  ", level: 0)
    return out
  }

  /// The shortest text that reads back as the same double; non-finite values become null.
  public static func number(_ x: Double) -> String {
    guard x.isFinite else { return "null" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }

  static func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20:
        out += "\\u00" + String(c.value, radix: 16).leftPadded(to: 2)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  private static func write(_ value: ConfigValue, to out: inout String, indent: String?, level: Int) {
    let pad = indent.map { String(repeating: $0, count: level + 1) }
    let close = indent.map { "\n" + String(repeating: $0, count: level) } ?? ""
    let sep = indent == nil ? ":" : ": "
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let x): out += number(x)
    case .string(let s): out += quoted(s)
    case .array(let items):
      if items.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (i, item) in items.enumerated() {
        if i > 0 { out += "," }
        if let pad { out += "\n" + pad }
        write(item, to: &out, indent: indent, level: level + 1)
      }
      out += close + "]"
    case .object(let fields):
      if fields.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (i, key) in fields.keys.sorted().enumerated() {
        if i > 0 { out += "," }
        if let pad { out += "\n" + pad }
        out += quoted(key) + sep
        write(fields[key] ?? .null, to: &out, indent: indent, level: level + 1)
      }
      out += close + "}"
    }
  }
}

extension String {
  func leftPadded(to width: Int, with fill: Character = "0") -> String {
    count >= width ? self : String(repeating: fill, count: width - count) + self
  }
}
