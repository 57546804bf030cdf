/// One numeric field of the capital overlay: its name in JSON and Lua, default,
/// allowed range, unit and meaning, and the stored property it fills.
/// `CapitalSchema.fields` is the schema: decoding, `CapitalParameters(values:)`,
/// `value(named:)`, the Lua `with` resolver, `help()`, the editor stub,
/// `capscript schema` and docs/REFERENCE.md all read it.
public struct ParameterSpec: Sendable {
  public let name: String
  public let defaultValue: Double
  public let range: ClosedRange<Double>
  /// The unit of the value ("USD", "bps", "per year", ...; "1" for a pure number).
  public let unit: String
  public let doc: String
  /// The stored property of `CapitalParameters` that holds the value.
  public let keyPath: any WritableKeyPath<CapitalParameters, Double> & Sendable

  public init(
    _ name: String, _ keyPath: any WritableKeyPath<CapitalParameters, Double> & Sendable, default defaultValue: Double,
    range: ClosedRange<Double>, unit: String, doc: String
  ) {
    self.name = name
    self.keyPath = keyPath
    self.defaultValue = defaultValue
    self.range = range
    self.unit = unit
    self.doc = doc
  }
}
