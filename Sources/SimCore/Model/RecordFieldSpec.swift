/// One numeric field of a nested record (the policy file, a scenario's `pmm`
/// routing parameters): its dotted path in the JSON (`gates.maxDrawdownP95`),
/// default, allowed range, unit and meaning, and the stored property of `Root`
/// it fills. `PolicySchema.fields` and `RoutingSchema.fields` are tables of them;
/// `ConfigReader.read(_:into:)` decodes a record from its table.
public struct RecordFieldSpec<Root>: Sendable {
  /// The field's path in the JSON, dotted for nested objects.
  public let name: String
  public let defaultValue: Double
  /// The static range; `atLeast` / `atMost` narrow it to another field's decoded value.
  public let range: ClosedRange<Double>
  /// The name of an earlier field whose value is this field's lower bound.
  public let atLeast: String?
  /// The name of an earlier field whose value is this field's upper bound.
  public let atMost: String?
  /// Whether the value must be a whole number.
  public let isInteger: Bool
  public let unit: String
  public let doc: String
  public let keyPath: any WritableKeyPath<Root, Double> & Sendable

  public init(
    _ name: String, _ keyPath: any WritableKeyPath<Root, Double> & Sendable, default defaultValue: Double,
    range: ClosedRange<Double>, atLeast: String? = nil, atMost: String? = nil, isInteger: Bool = false, unit: String,
    doc: String
  ) {
    self.name = name
    self.keyPath = keyPath
    self.defaultValue = defaultValue
    self.range = range
    self.atLeast = atLeast
    self.atMost = atMost
    self.isInteger = isInteger
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

public typealias PolicyFieldSpec = RecordFieldSpec<Policy>

extension ConfigReader {
  /// Reads `fields` in table order into `record`. A dotted name opens its
  /// object as a child reader, which is finished (unknown fields rejected) when
  /// the next field leaves it. `check` runs before each field is read.
  func read<Root>(
    _ fields: [RecordFieldSpec<Root>], into record: inout Root,
    check: (RecordFieldSpec<Root>, ConfigReader) throws(ConfigError) -> Void = { _, _ in }
  ) throws(ConfigError) {
    var values: [String: Double] = [:]
    var group: (name: String, reader: ConfigReader)?
    for spec in fields {
      if let open = group, open.name != spec.group {
        try open.reader.finish()
        group = nil
      }
      var reader = self
      if let name = spec.group {
        if let open = group {
          reader = open.reader
        } else {
          reader = try child(name)
          group = (name, reader)
        }
      }
      try check(spec, reader)
      let lo = spec.atLeast.flatMap { values[$0] } ?? spec.range.lowerBound
      let hi = spec.atMost.flatMap { values[$0] } ?? spec.range.upperBound
      let x =
        spec.isInteger
        ? Double(try reader.integer(spec.key, default: Int(spec.defaultValue), in: Int(lo)...Int(hi)))
        : try reader.number(spec.key, default: spec.defaultValue, in: lo...hi)
      values[spec.name] = x
      record[keyPath: spec.keyPath] = x
    }
    try group?.reader.finish()
  }
}
