/// The sample mean of per-path values with its standard error and normal
/// (central limit) confidence interval.
///
/// The interval is mean ± z · s / √n, with s the sample standard deviation
/// (denominator n - 1) and z the two-sided normal critical value. With fewer than
/// two values the standard error is infinite and the interval unbounded.
public struct MeanEstimate: Sendable, Hashable {
  public let count: Int
  public let mean: Double
  /// The per-path sample standard deviation (denominator `count - 1`).
  public let standardDeviation: Double

  public init(count: Int, mean: Double, standardDeviation: Double) {
    self.count = count
    self.mean = mean
    self.standardDeviation = standardDeviation
  }

  /// From the count, the sum and the sum of squares.
  ///
  /// The one-pass variance (Σx² - (Σx)²/n) / (n - 1) loses about log10(mean²/variance)
  /// digits to cancellation; prefer `init(values:)` or `RunningMoments` when the
  /// values are far from zero relative to their spread. A negative rounding residue
  /// is clamped to zero.
  public init(count: Int, sum: Double, sumOfSquares: Double) {
    self.count = count
    let n = Double(count)
    mean = count > 0 ? sum / n : .nan
    let ss = count > 1 ? max(0, sumOfSquares - sum * sum / n) : 0
    standardDeviation = count > 1 ? (ss / (n - 1)).squareRoot() : .nan
  }

  /// From the values themselves, in order, by Welford's update (`RunningMoments`).
  /// - Complexity: O(n).
  public init(values: [Double]) {
    var moments = RunningMoments()
    for v in values { moments.add(v) }
    self = moments.estimate
  }

  /// s / √n; infinite with fewer than two values.
  public var standardError: Double {
    count > 1 ? standardDeviation / Double(count).squareRoot() : .infinity
  }

  /// mean ± z · s / √n; unbounded with fewer than two values.
  public func interval(_ confidence: ConfidenceLevel = .standard) -> Interval {
    let se = standardError
    guard se.isFinite, mean.isFinite else { return .unbounded }
    let h = confidence.z * se
    return Interval(lower: mean - h, upper: mean + h)
  }

  /// The number of values at which the interval would exclude `threshold`,
  /// holding the mean and standard deviation at their current estimates: the
  /// smallest n with z · s / √n < |mean - threshold|, that is
  /// floor(z² s² / (mean - threshold)²) + 1. `nil` when the mean equals the
  /// threshold or the spread is not known yet (fewer than two values).
  public func pathsToDecide(threshold: Double, confidence: ConfidenceLevel = .standard) -> Int? {
    let d = abs(mean - threshold)
    guard count > 1, d > 0, d.isFinite, standardDeviation.isFinite else { return nil }
    let z = confidence.z
    return PathsToDecide.smallestExceeding(z * z * standardDeviation * standardDeviation / (d * d))
  }
}
