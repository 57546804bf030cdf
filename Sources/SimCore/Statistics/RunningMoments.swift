/// Count, mean and sum of squared deviations, updated one value at a time
/// (Welford, 1962) and mergeable across blocks (Chan, Golub and LeVeque, 1979),
/// so a mean's interval can be kept without the cancellation of Σx².
@frozen
public struct RunningMoments: Sendable, Hashable {
  public private(set) var count = 0
  public private(set) var mean = 0.0
  /// Σ (x - mean)², the numerator of the sample variance.
  public private(set) var sumOfSquaredDeviations = 0.0

  public init() {}

  /// Adds one value.
  /// - Complexity: O(1).
  public mutating func add(_ x: Double) {
    count &+= 1
    let delta = x - mean
    mean += delta / Double(count)
    sumOfSquaredDeviations += delta * (x - mean)
  }

  /// Adds every value of another accumulator (the order of merges changes
  /// the result only by rounding; merge in a fixed order for identical bytes).
  public mutating func merge(_ other: RunningMoments) {
    guard other.count > 0 else { return }
    guard count > 0 else {
      self = other
      return
    }
    let n = Double(count + other.count)
    let delta = other.mean - mean
    mean += delta * Double(other.count) / n
    sumOfSquaredDeviations += other.sumOfSquaredDeviations + delta * delta * Double(count) * Double(other.count) / n
    count += other.count
  }

  /// The estimate and interval of the mean so far.
  public var estimate: MeanEstimate {
    let sd = count > 1 ? (max(0, sumOfSquaredDeviations) / Double(count - 1)).squareRoot() : .nan
    return MeanEstimate(count: count, mean: count > 0 ? mean : .nan, standardDeviation: sd)
  }
}
