/// A probability estimated as `events` out of `trials` independent trials, with
/// its Wilson score interval (Wilson, 1927).
///
/// The Wilson interval is the set of p that a two-sided score test at level
/// 1 - c does not reject: {p : (p̂ - p)² <= z² p (1 - p) / n}. Its bounds are
///
///     (p̂ + z²/2n ± z √(p̂(1 - p̂)/n + z²/4n²)) / (1 + z²/n).
///
/// At zero events it is exact and never degenerate: [0, z² / (n + z²)], about
/// 3.84 / n at 95%. That is the two-sided Wilson bound (2.5% in the upper tail);
/// the one-sided "rule of three", -ln(0.05) / n ≈ 3 / n, puts the whole 5% in
/// the upper tail and is not what this type reports.
public struct ProportionEstimate: Sendable, Hashable {
  public let events: Int
  public let trials: Int

  public init(events: Int, trials: Int) {
    precondition(trials >= 0 && events >= 0 && events <= trials, "events out of range")
    self.events = events
    self.trials = trials
  }

  /// events / trials (NaN with no trials).
  public var estimate: Double { trials > 0 ? Double(events) / Double(trials) : .nan }

  /// The Wilson score interval, clamped to [0, 1]; [0, 1] with no trials.
  ///
  /// The bound on the far side from 1/2 is taken from the product of the two
  /// roots, lower · upper = p̂² / (1 + z²/n), so it keeps its relative precision
  /// at a handful of events in millions of trials; at 0 events the lower bound
  /// is exactly 0, at n events the upper bound exactly 1.
  /// - Complexity: O(1).
  public func wilsonInterval(_ confidence: ConfidenceLevel = .standard) -> Interval {
    guard trials > 0 else { return Interval(lower: 0, upper: 1) }
    if 2 * events <= trials { return Self.wilson(events: events, trials: trials, z: confidence.z) }
    let mirrored = Self.wilson(events: trials - events, trials: trials, z: confidence.z)
    return Interval(lower: 1 - mirrored.upper, upper: 1 - mirrored.lower)
  }

  /// The number of trials at which the Wilson interval would exclude `threshold`,
  /// holding the estimate p̂ where it is: the interval excludes t exactly when
  /// n (p̂ - t)² > z² t (1 - t), so the answer is floor(z² t (1 - t) / (p̂ - t)²) + 1.
  /// `nil` when p̂ equals t or there are no trials yet. A threshold of 0 or 1 is
  /// excluded by any estimate off it, so the answer is then 1.
  public func pathsToDecide(threshold t: Double, confidence: ConfidenceLevel = .standard) -> Int? {
    let p = estimate
    guard trials > 0, p != t, (0...1).contains(t) else { return nil }
    let z = confidence.z
    return PathsToDecide.smallestExceeding(z * z * t * (1 - t) / ((p - t) * (p - t)))
  }

  /// The interval for k <= n/2: the upper bound by the sum (no cancellation),
  /// the lower from the product of the roots.
  static func wilson(events k: Int, trials: Int, z: Double) -> Interval {
    let n = Double(trials)
    let z2n = z * z / n
    let denominator = 1 + z2n
    if k == 0 { return Interval(lower: 0, upper: z2n / denominator) }
    let p = Double(k) / n
    let root = z * (p * (1 - p) / n + z2n / (4 * n)).squareRoot()
    let upper = min(1, (p + z2n / 2 + root) / denominator)
    let lower = p * p / (denominator * upper)
    return Interval(lower: max(0, lower), upper: upper)
  }
}
