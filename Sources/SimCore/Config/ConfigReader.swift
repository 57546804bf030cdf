/// Reads one object of a `ConfigValue` tree against a schema: typed fields with
/// defaults and allowed ranges, and unknown fields rejected with the nearest
/// known name. JSON files and Lua tables both go through it, so a field means
/// the same in both.
public final class ConfigReader {
  public let file: String
  public let path: [String]
  private let fields: [String: ConfigValue]
  private var known: [String] = []

  public init(_ value: ConfigValue, file: String, path: [String] = []) throws(ConfigError) {
    self.file = file
    self.path = path
    switch value {
    case .object(let f): fields = f
    case .null: fields = [:]
    default:
      throw ConfigError(
        .wrongType, file: file, field: path.isEmpty ? nil : path.joined(separator: "."),
        "expected an object, got \(value.typeNameWithArticle)")
    }
  }

  func fieldName(_ key: String) -> String { (path + [key]).joined(separator: ".") }

  /// The raw value of `key`, marking it as known.
  public func raw(_ key: String) -> ConfigValue? {
    known.append(key)
    if case .null? = fields[key] { return nil }
    return fields[key]
  }

  public func number(_ key: String, default value: Double, in range: ClosedRange<Double>) throws(ConfigError) -> Double
  {
    guard let v = raw(key) else { return value }
    guard case .number(let x) = v else {
      throw ConfigError(
        .wrongType, file: file, field: fieldName(key), "expected a number, got \(v.typeNameWithArticle)")
    }
    guard !x.isNaN else {
      throw ConfigError(
        .wrongType, file: file, field: fieldName(key),
        "expected a number, got NaN (not a number); the allowed range is \(Self.rangeText(range))")
    }
    guard range.contains(x) else {
      throw ConfigError(
        .outOfRange, file: file, field: fieldName(key),
        Self.outOfRangeText(x, range))
    }
    return x
  }

  /// "5 is outside the allowed range [1, 4]", "0 is outside the allowed range: it must be at least 1".
  public static func outOfRangeText(_ x: Double, _ range: ClosedRange<Double>) -> String {
    let allowed = rangeText(range)
    if x.isInfinite { return "\(numberText(x)) is not a finite number; the allowed range is \(allowed)" }
    let bounded = allowed.hasPrefix("[")
    return "\(numberText(x)) is outside the allowed range" + (bounded ? " \(allowed)" : ": it must be \(allowed)")
  }

  /// Reads a whole number: a fraction is an error (never truncated), then the range is checked.
  public func integer(_ key: String, default value: Int, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
    if case .number(let x)? = raw(key), x.isFinite, x != x.rounded() {
      throw ConfigError(
        .wrongType, file: file, field: fieldName(key),
        "\(Self.numberText(x)) is not an integer; it must be a whole number")
    }
    let x = try number(key, default: Double(value), in: Double(range.lowerBound)...Double(range.upperBound))
    return Int(x)
  }

  /// An optional whole number (nil when absent); a fraction is an error, never truncated.
  public func optionalInteger(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
    guard raw(key) != nil else { return nil }
    return try integer(key, default: range.lowerBound, in: range)
  }

  /// A number for messages: `30`, `30.5`, `inf`, `-inf`, `NaN`.
  public static func numberText(_ x: Double) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return JSONText.number(x)
  }

  /// An allowed range for messages: `[0, 1]`, or `at least 1` / `at most 0`
  /// when one end is unbounded (the greatest finite double or beyond).
  public static func rangeText(_ range: ClosedRange<Double>) -> String {
    let openAbove = range.upperBound >= Double.greatestFiniteMagnitude
    let openBelow = range.lowerBound <= -Double.greatestFiniteMagnitude
    switch (openBelow, openAbove) {
    case (true, true): return "any finite number"
    case (false, true): return "at least \(numberText(range.lowerBound))"
    case (true, false): return "at most \(numberText(range.upperBound))"
    case (false, false): return "[\(numberText(range.lowerBound)), \(numberText(range.upperBound))]"
    }
  }

  public func optionalNumber(_ key: String, in range: ClosedRange<Double>) throws(ConfigError) -> Double? {
    guard raw(key) != nil else { return nil }
    return try number(key, default: 0, in: range)
  }

  public func string(_ key: String, default value: String?, allowed: [String]? = nil) throws(ConfigError) -> String {
    guard let v = raw(key) else {
      if let value { return value }
      throw ConfigError(.missingField, file: file, field: fieldName(key), "is required")
    }
    guard case .string(let s) = v else {
      throw ConfigError(
        .wrongType, file: file, field: fieldName(key), "expected a string, got \(v.typeNameWithArticle)")
    }
    if let allowed, !allowed.contains(s) {
      throw ConfigError(
        .outOfRange, file: file, field: fieldName(key),
        "\"\(Echo.name(s))\" is not one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))")
    }
    return s
  }

  public func bool(_ key: String, default value: Bool) throws(ConfigError) -> Bool {
    guard let v = raw(key) else { return value }
    guard case .bool(let b) = v else {
      throw ConfigError(
        .wrongType, file: file, field: fieldName(key), "expected true or false, got \(v.typeNameWithArticle)")
    }
    return b
  }

  public func array(_ key: String) throws(ConfigError) -> [ConfigValue] {
    guard let v = raw(key) else { return [] }
    if v == .object([:]) { return [] }  // an empty Lua table
    guard case .array(let items) = v else {
      throw ConfigError(
        .wrongType, file: file, field: fieldName(key), "expected an array, got \(v.typeNameWithArticle)")
    }
    return items
  }

  /// A reader for the nested object `key` (an empty one when absent).
  public func child(_ key: String) throws(ConfigError) -> ConfigReader {
    try ConfigReader(raw(key) ?? .null, file: file, path: path + [key])
  }

  /// Rejects any field that was never read, suggesting the nearest known name.
  public func finish() throws(ConfigError) {
    for key in fields.keys.sorted() where !known.contains(key) {
      var message = "unknown field"
      if let near = Self.nearest(to: key, in: known) { message += "; did you mean \"\(near)\"?" }
      throw ConfigError(.unknownField, file: file, field: fieldName(key), message)
    }
  }

  /// The candidate within a small edit distance of `name`, if any: at most
  /// max(2, n / 3) edits for a name of n characters. Names longer than
  /// `suggestionLimit` get no suggestion, and a candidate whose length differs
  /// from the name's by more than the allowed distance is never compared, so
  /// a huge unknown name costs one length count, not an edit distance.
  /// - Complexity: O(candidates × `suggestionLimit`²) at most.
  public static func nearest(to name: String, in candidates: [String]) -> String? {
    // `count` stops early: a 2 MB name is not walked to its end.
    guard name.prefix(suggestionLimit + 1).count <= suggestionLimit else { return nil }
    let allowed = max(2, name.count / 3)
    let lowered = name.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates where abs(candidate.count - name.count) <= allowed {
      let d = editDistance(lowered, candidate.lowercased())
      if d <= allowed, d < (best?.distance ?? .max) { best = (candidate, d) }
    }
    return best?.candidate
  }

  /// The longest name a "did you mean" suggestion is computed for.
  public static let suggestionLimit = 64

  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
      var previous = row[0]
      row[0] = i
      for j in stride(from: 1, through: b.count, by: 1) {
        let saved = row[j]
        row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
        previous = saved
      }
    }
    return a.isEmpty ? b.count : row[b.count]
  }
}
