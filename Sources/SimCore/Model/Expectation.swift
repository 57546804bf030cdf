/// A scenario's own expectation on one scorecard field: `"expect": {"roi_mean":
/// {"min": 0}}`. `validate` holds each run against them.
public struct Expectation: Sendable, Equatable {
  public var field: String
  public var min: Double?
  public var max: Double?

  static func decode(_ r: ConfigReader) throws(ConfigError) -> [Expectation] {
    var out: [Expectation] = []
    for field in Scorecard.scalarFieldNames {
      guard r.raw(field) != nil else { continue }
      let b = try r.child(field)
      let e = Expectation(
        field: field, min: try b.optionalNumber("min", in: -1e15...1e15),
        max: try b.optionalNumber("max", in: -1e15...1e15))
      try b.finish()
      out.append(e)
    }
    try r.finish()
    return out
  }

  /// Whether `value` lies within the bounds.
  public func holds(for value: Double) -> Bool {
    (min.map { value >= $0 } ?? true) && (max.map { value <= $0 } ?? true)
  }
}
