extension JSONText {
  /// A recursive-descent JSON reader (RFC 8259) that tracks line and column.
  struct Parser {
    let bytes: [UInt8]
    let file: String
    var index = 0

    init(bytes: [UInt8], file: String) {
      self.bytes = bytes
      self.file = file
    }

    func error(_ message: String) -> ConfigError {
      var line = 1
      var column = 1
      for b in bytes[..<min(index, bytes.count)] {
        if b == UInt8(ascii: "\n") {
          line += 1
          column = 1
        } else if b & 0xC0 != 0x80 {
          column += 1
        }
      }
      return ConfigError(.malformedJSON, file: file, field: nil, "line \(line), column \(column): \(message)")
    }

    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func skipSpace() {
      while let b = current, b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { index += 1 }
    }

    mutating func expect(_ literal: String, _ value: ConfigValue) throws(ConfigError) -> ConfigValue {
      for b in literal.utf8 {
        guard current == b else { throw error("invalid literal, expected '\(literal)'") }
        index += 1
      }
      return value
    }

    mutating func value(depth: Int) throws(ConfigError) -> ConfigValue {
      guard depth < 200 else { throw error("nesting deeper than 200 levels") }
      guard let b = current else { throw error("unexpected end of file, expected a value") }
      switch b {
      case UInt8(ascii: "{"): return try object(depth: depth)
      case UInt8(ascii: "["): return try array(depth: depth)
      case UInt8(ascii: "\""): return .string(try string())
      case UInt8(ascii: "t"): return try expect("true", .bool(true))
      case UInt8(ascii: "f"): return try expect("false", .bool(false))
      case UInt8(ascii: "n"): return try expect("null", .null)
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
      default:
        throw error("unexpected character '\(Character(Unicode.Scalar(b)))', expected a value")
      }
    }

    mutating func object(depth: Int) throws(ConfigError) -> ConfigValue {
      index += 1
      var fields: [String: ConfigValue] = [:]
      skipSpace()
      if current == UInt8(ascii: "}") {
        index += 1
        return .object(fields)
      }
      while true {
        skipSpace()
        guard current == UInt8(ascii: "\"") else { throw error("expected a quoted field name") }
        let keyStart = index
        let key = try string()
        if fields[key] != nil {
          index = keyStart
          throw error("field \"\(Echo.name(key))\" is given twice")
        }
        skipSpace()
        guard current == UInt8(ascii: ":") else { throw error("expected ':' after field name \"\(Echo.name(key))\"") }
        index += 1
        skipSpace()
        fields[key] = try value(depth: depth + 1)
        skipSpace()
        if current == UInt8(ascii: ",") {
          index += 1
          continue
        }
        if current == UInt8(ascii: "}") {
          index += 1
          return .object(fields)
        }
        throw error("expected ',' or '}' in an object")
      }
    }

    mutating func array(depth: Int) throws(ConfigError) -> ConfigValue {
      index += 1
      var items: [ConfigValue] = []
      skipSpace()
      if current == UInt8(ascii: "]") {
        index += 1
        return .array(items)
      }
      while true {
        skipSpace()
        items.append(try value(depth: depth + 1))
        skipSpace()
        if current == UInt8(ascii: ",") {
          index += 1
          continue
        }
        if current == UInt8(ascii: "]") {
          index += 1
          return .array(items)
        }
        throw error("expected ',' or ']' in an array")
      }
    }

    mutating func string() throws(ConfigError) -> String {
      index += 1
      var out: [UInt8] = []
      while true {
        guard let b = current else { throw error("unterminated string") }
        index += 1
        switch b {
        case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
        case UInt8(ascii: "\\"):
          guard let e = current else { throw error("unterminated string") }
          index += 1
          switch e {
          case UInt8(ascii: "n"): out.append(0x0A)
          case UInt8(ascii: "t"): out.append(0x09)
          case UInt8(ascii: "r"): out.append(0x0D)
          case UInt8(ascii: "b"): out.append(0x08)
          case UInt8(ascii: "f"): out.append(0x0C)
          case UInt8(ascii: "u"):
            var code: UInt32 = 0
            for _ in 0..<4 {
              guard let h = current, let d = hexDigit(h) else { throw error("bad \\u escape") }
              code = code * 16 + d
              index += 1
            }
            let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
            out.append(contentsOf: Array(String(scalar).utf8))
          case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
          default: throw error("bad escape in string")
          }
        case 0..<0x20: throw error("control character in string")
        default: out.append(b)
        }
      }
    }

    func hexDigit(_ h: UInt8) -> UInt32? {
      switch h {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(h - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(h - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(h - UInt8(ascii: "A") + 10)
      default: nil
      }
    }

    mutating func number() throws(ConfigError) -> ConfigValue {
      let start = index
      if current == UInt8(ascii: "-") { index += 1 }
      func digits(_ p: inout Parser) -> Int {
        var n = 0
        while let b = p.current, b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") {
          p.index += 1
          n += 1
        }
        return n
      }
      guard digits(&self) > 0 else { throw error("expected digits in a number") }
      if current == UInt8(ascii: ".") {
        index += 1
        guard digits(&self) > 0 else { throw error("expected digits after '.'") }
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        index += 1
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
        guard digits(&self) > 0 else { throw error("expected digits in the exponent") }
      }
      let text = String(decoding: bytes[start..<index], as: UTF8.self)
      guard let x = Double(text), x.isFinite else {
        index = start
        throw error("number \(text) is out of range")
      }
      return .number(x)
    }
  }
}
