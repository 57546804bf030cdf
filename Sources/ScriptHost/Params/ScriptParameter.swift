import SimCore

/// One parameter a script declares in its `params` table: its name (the
/// option `--name`), description, type (from its default, or `type = ...`),
/// default and optional range (`min`, `max`).
public struct ScriptParameter: Sendable, Equatable {
  /// The type of a parameter: what `--name=value` must parse as.
  public enum Kind: String, Sendable, CaseIterable {
    case number, integer, boolean, string
  }

  /// A parsed value, pushed to Lua as its own type (`math.type` integer or float).
  public enum Value: Sendable, Equatable {
    case number(Double)
    case integer(Int)
    case boolean(Bool)
    case string(String)

    /// The value as Lua would print it: `2.0`, `50000`, `true`, `"text"`.
    public var text: String {
      switch self {
      case .number(let x): x.isFinite ? "\(x)" : ConfigReader.numberText(x)
      case .integer(let n): "\(n)"
      case .boolean(let b): "\(b)"
      case .string(let s): "\"\(s)\""
      }
    }
  }

  public let name: String
  public let description: String
  public let kind: Kind
  /// Nil when the declaration gives none: `params.name` is then nil unless given.
  public let defaultValue: Value?
  public let minimum: Double?
  public let maximum: Double?

  public init(
    name: String, description: String, kind: Kind, defaultValue: Value?, minimum: Double? = nil,
    maximum: Double? = nil
  ) {
    self.name = name
    self.description = description
    self.kind = kind
    self.defaultValue = defaultValue
    self.minimum = minimum
    self.maximum = maximum
  }

  /// The allowed range of a number or integer, nil when neither end is declared.
  public var range: ClosedRange<Double>? {
    guard minimum != nil || maximum != nil else { return nil }
    return (minimum ?? -Double.greatestFiniteMagnitude)...(maximum ?? Double.greatestFiniteMagnitude)
  }

  /// How the option is written in help: `--paths=INTEGER`, or `--verbose` for a boolean.
  public var usage: String {
    kind == .boolean ? "--\(name)" : "--\(name)=\(kind.rawValue.uppercased())"
  }
}
