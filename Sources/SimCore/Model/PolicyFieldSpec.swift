/// One numeric field of the policy file: its dotted path in the JSON
/// (`gates.maxDrawdownP95`), default, allowed range, unit and meaning, and the
/// stored property of `Policy` it fills. `PolicySchema.fields` is the schema the decoder and the defaults
/// of `Policy()` come from.
public struct PolicyFieldSpec: Sendable {
  /// The field's path in the policy JSON, dotted for nested objects.
  public let name: String
  public let defaultValue: Double
  /// The static range; `atLeast` / `atMost` narrow it to another field's decoded value.
  public let range: ClosedRange<Double>
  /// The name of an earlier field whose value is this field's lower bound.
  public let atLeast: String?
  /// The name of an earlier field whose value is this field's upper bound.
  public let atMost: String?
  public let unit: String
  public let doc: String
  public let keyPath: any WritableKeyPath<Policy, Double> & Sendable

  public init(
    _ name: String, _ keyPath: any WritableKeyPath<Policy, Double> & Sendable, default defaultValue: Double,
    range: ClosedRange<Double>, atLeast: String? = nil, atMost: String? = nil, unit: String, doc: String
  ) {
    self.name = name
    self.keyPath = keyPath
    self.defaultValue = defaultValue
    self.range = range
    self.atLeast = atLeast
    self.atMost = atMost
    self.unit = unit
    self.doc = doc
  }

  /// The object the field sits in (`gates`), nil for a top-level field.
  var group: String? {
    name.firstIndex(of: ".").map { String(name[..<$0]) }
  }

  /// The field's key inside its object.
  var key: String {
    name.firstIndex(of: ".").map { String(name[name.index(after: $0)...]) } ?? name
  }
}
