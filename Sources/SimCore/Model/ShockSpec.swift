/// One shock type of a scenario's `shocks` array: its `type` name, what it
/// does, what it needs, and its fields. `ShockSchema.types` lists them all.
public struct ShockSpec: Sendable {
  /// What state a shock acts on, and so which scenarios may carry it.
  public enum Scope: String, Sendable {
    /// Any scenario.
    case any
    /// Only scenarios with the capital overlay (`capitalEfficiency`).
    case capital
    /// Only scenarios that step the pool graph (`graphMode` synthetic or deployed).
    case graph
  }

  public let name: String
  public let doc: String
  public let scope: Scope
  /// The type's own fields, after the timing fields every shock has (`ShockSchema.timing`).
  public let fields: [ShockFieldSpec]

  public init(_ name: String, scope: Scope, doc: String, fields: [ShockFieldSpec]) {
    self.name = name
    self.scope = scope
    self.doc = doc
    self.fields = fields
  }

}

/// One field of a shock: its name, value kind, default (or whether it is
/// required), allowed range, unit and meaning.
public struct ShockFieldSpec: Sendable {
  public enum Kind: String, Sendable {
    case number, integer, string
    /// An array of chain ids.
    case chains
  }

  public enum Default: Sendable, Equatable {
    /// The field must be given.
    case required
    /// The field may be left out; the shock then does without it.
    case optional
    case value(Double)
    /// The scenario's number of epochs.
    case scenarioEpochs
  }

  public let name: String
  public let kind: Kind
  public let defaultValue: Default
  /// Nil for strings and chain lists.
  public let range: ClosedRange<Double>?
  /// Whether the value is an epoch index, so the range ends at the scenario's last epoch too.
  public let isEpochIndex: Bool
  public let unit: String
  public let doc: String

  public init(
    _ name: String, _ kind: Kind = .number, default defaultValue: Default, range: ClosedRange<Double>? = nil,
    isEpochIndex: Bool = false, unit: String, doc: String
  ) {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
    self.range = range
    self.isEpochIndex = isEpochIndex
    self.unit = unit
    self.doc = doc
  }
}
