/// A two-sided confidence level c in (0, 1), with its standard normal critical
/// value z = Φ⁻¹((1 + c) / 2), computed once.
public struct ConfidenceLevel: Sendable, Hashable, CustomStringConvertible {
  /// The level c, for example 0.95.
  public let value: Double
  /// The two-sided critical value: P(|Z| <= z) = c for a standard normal Z.
  public let z: Double

  /// A level in the open interval (0, 1); `nil` otherwise (user input is checked here).
  public init?(_ value: Double) {
    guard value > 0, value < 1 else { return nil }
    self.value = value
    z = StandardNormal.twoSidedCriticalValue(confidence: value)
  }

  /// 95%, the scorecard's default.
  public static let standard = ConfidenceLevel(checked: 0.95)

  /// The probability left in each tail, (1 - c) / 2.
  public var tailProbability: Double { (1 - value) / 2 }

  public var description: String { "\(value * 100)%" }

  init(checked value: Double) {
    precondition(value > 0 && value < 1, "confidence level outside (0, 1)")
    self.value = value
    z = StandardNormal.twoSidedCriticalValue(confidence: value)
  }
}
