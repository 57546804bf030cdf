/// A closed interval [`lower`, `upper`] around an estimate: a confidence
/// interval, or a bound when one side is infinite.
///
/// A side the sample cannot bound (too few observations for the confidence asked)
/// is `-infinity` or `+infinity`; `isBounded` tells the two cases apart.
@frozen
public struct Interval: Sendable, Hashable, CustomStringConvertible {
  public var lower: Double
  public var upper: Double

  /// Creates [`lower`, `upper`]; `lower <= upper` is checked in debug builds.
  @inlinable
  public init(lower: Double, upper: Double) {
    assert(!(lower > upper), "interval bounds out of order")
    self.lower = lower
    self.upper = upper
  }

  /// The whole real line: what a sample too small to say anything gives.
  public static let unbounded = Interval(lower: -.infinity, upper: .infinity)

  /// Whether both ends are finite.
  @inlinable
  public var isBounded: Bool { lower.isFinite && upper.isFinite }

  /// `upper - lower` (infinite when a side is unbounded).
  @inlinable
  public var width: Double { upper - lower }

  /// Whether `x` lies in the closed interval.
  @inlinable
  public func contains(_ x: Double) -> Bool { lower <= x && x <= upper }

  public var description: String { "[\(lower), \(upper)]" }
}
