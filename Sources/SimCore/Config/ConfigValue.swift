/// A configuration value: the one tree that JSON files and Lua tables both
/// become before a single schema decodes them.
public enum ConfigValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([ConfigValue])
  case object([String: ConfigValue])

  /// A short name of the value's type, for error messages.
  public var typeName: String {
    switch self {
    case .null: "null"
    case .bool: "boolean"
    case .number: "number"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
  }

  /// "a number", "an object", ...
  public var typeNameWithArticle: String {
    switch self {
    case .array, .object: "an \(typeName)"
    default: "a \(typeName)"
    }
  }

  public subscript(key: String) -> ConfigValue? {
    if case .object(let fields) = self { return fields[key] }
    return nil
  }

  /// The value at a dotted path (`capitalEfficiency.leverage`), if present.
  public func value(atPath path: [String]) -> ConfigValue? {
    var node = self
    for key in path {
      guard let next = node[key] else { return nil }
      node = next
    }
    return node
  }

  /// Returns a copy with `newValue` merged in at `path`: an object into an
  /// object field by field (recursively), anything else stored as `setting` does.
  /// `with{capitalEfficiency = {leverage = 2}}` changes the leverage alone.
  public func merging(_ newValue: ConfigValue, atPath path: ArraySlice<String>) -> ConfigValue {
    guard case .object(let fields) = newValue, case .object? = value(atPath: Array(path)) else {
      return setting(newValue, atPath: path)
    }
    var out = self
    for key in fields.keys.sorted() {
      if let field = fields[key] { out = out.merging(field, atPath: path + [key]) }
    }
    return out
  }

  /// Returns a copy with `newValue` stored at `path`, creating objects on the way.
  public func setting(_ newValue: ConfigValue, atPath path: ArraySlice<String>) -> ConfigValue {
    guard let key = path.first else { return newValue }
    var fields: [String: ConfigValue] = [:]
    if case .object(let existing) = self { fields = existing }
    fields[key] = (fields[key] ?? .null).setting(newValue, atPath: path.dropFirst())
    return .object(fields)
  }
}
