/// Value at risk and expected shortfall of a loss sample at one level α
/// (losses positive: pass -PnL), with their intervals.
///
/// Conventions, for ascending sorted losses L_(1) <= ... <= L_(n):
/// - **VaR** is the lower α-quantile of the empirical law, F_n⁻¹(α) = inf{x : F_n(x) >= α}:
///   the k-th order statistic with k = ⌈nα⌉ (NumPy's `method="inverted_cdf"`).
///   When nα is within 1e-9 relative of an integer it is taken as that integer, so
///   that 0.95 · 1000 gives k = 950 whatever the rounding of 0.95.
/// - **ES** is the tail mean of Acerbi and Tasche (2002), (1/(1-α)) ∫_α^1 F_n⁻¹(u) du:
///   the mean of the n(1-α) largest losses, where the VaR atom L_(k) enters with the
///   fractional weight w = k - nα (0 when nα is an integer):
///
///       ES = (w · L_(k) + Σ_{i>k} L_(i)) / (n - k + w).
///
///   It is coherent, and it is >= VaR.
/// - **ES standard error**: the asymptotic variance of the tail-mean estimator
///   (Manistre and Hancock, 2005, "Variance of the CTE estimator", NAAJ 9(2); the same
///   delta-method / influence-function result as Brazauskas et al., 2008):
///
///       Var(ES) ≈ (s²_tail + α (ES - VaR)²) / (n (1 - α)),
///
///   with s²_tail the sample variance (denominator m - 1) of the m = n - k + 1 losses
///   at or beyond VaR. The second term carries the uncertainty of VaR itself. With
///   fewer than two tail losses it is infinite.
/// - **ES interval**: ES is exactly the mean over all n paths of the influence values
///   ψ_i = VaR + (L_i - VaR)_+ / (1 - α), and the variance above is Var(ψ)/n to first
///   order. A right-skewed tail makes that mean skewed, so the interval is Hall's
///   skewness-corrected interval for a studentized mean (Hall, 1992, "On the removal of
///   skewness by transformation", JRSS B 54(1); `HallTransformation`),
///   with the standard error above and a = γ̂/(3√n), γ̂ the sample skewness of the ψ_i
///   (`influenceSkewness`): [ES - s.e. · g⁻¹(z), ES - s.e. · g⁻¹(-z)]. At γ̂ = 0 it is
///   ES ± z · s.e.; for a right-skewed tail it reaches further up than that and less far
///   down. Unbounded with fewer than two tail losses.
/// - **VaR interval**: the distribution-free `OrderStatisticInterval` of the α-quantile.
public struct TailRisk: Sendable, Hashable {
  /// The level α, for example 0.99.
  public let level: Double
  public let count: Int
  /// The rank k = ⌈nα⌉ of VaR among the ascending losses.
  public let rank: Int
  public let valueAtRisk: Double
  public let expectedShortfall: Double
  /// The standard error of `expectedShortfall` (infinite with fewer than two tail losses).
  public let expectedShortfallStandardError: Double
  /// The sample skewness γ̂ = m₃ / m₂^(3/2) (moments with denominator n) of the n influence
  /// values ψ_i = VaR + (L_i - VaR)_+ / (1 - α), whose mean is `expectedShortfall`;
  /// 0 when they are all equal.
  public let influenceSkewness: Double

  /// The levels the scorecard reports: 95%, 99% and 99.9%.
  public static let scorecardLevels = [0.95, 0.99, 0.999]

  /// The tail statistics of ascending sorted `losses` at `level` in (0, 1).
  /// - Complexity: O(n(1 - α)) for the tail; the sort (O(n log n)) is the caller's.
  public init(sortedLosses losses: [Double], level: Double) {
    precondition(level > 0 && level < 1, "tail level outside (0, 1)")
    self.level = level
    count = losses.count
    guard !losses.isEmpty else {
      rank = 0
      valueAtRisk = .nan
      expectedShortfall = .nan
      expectedShortfallStandardError = .infinity
      influenceSkewness = 0
      return
    }
    let (k, w) = Self.rank(count: losses.count, level: level)
    rank = k
    let v = losses[k - 1]
    valueAtRisk = v
    var beyond = 0.0
    for i in k..<losses.count { beyond += losses[i] }
    let es = (w * v + beyond) / (Double(losses.count - k) + w)
    expectedShortfall = es
    // The tail sample: the m losses at or beyond VaR, ranks k ... n.
    var tail = RunningMoments()
    for i in (k - 1)..<losses.count { tail.add(losses[i]) }
    let tailSD = tail.estimate.standardDeviation
    if tail.count > 1, tailSD.isFinite {
      let variance = (tailSD * tailSD + level * (es - v) * (es - v)) / (Double(losses.count) * (1 - level))
      expectedShortfallStandardError = variance.squareRoot()
    } else {
      expectedShortfallStandardError = .infinity
    }
    influenceSkewness = Self.skewnessOfExcess(sortedLosses: losses, rank: k)
  }

  /// Hall's skewness-corrected interval, [ES - s.e. · g⁻¹(z), ES - s.e. · g⁻¹(-z)] with
  /// a = `influenceSkewness` / (3√n); unbounded with fewer than two tail losses.
  public func expectedShortfallInterval(_ confidence: ConfidenceLevel = .standard) -> Interval {
    HallTransformation(skewness: influenceSkewness, count: count)
      .interval(estimate: expectedShortfall, standardError: expectedShortfallStandardError, confidence)
  }

  /// The order-statistic interval of VaR from the same sorted losses.
  public func valueAtRiskInterval(sortedLosses losses: [Double], _ confidence: ConfidenceLevel = .standard)
    -> Interval
  {
    OrderStatisticInterval.interval(sorted: losses, quantile: level, confidence: confidence)
  }

  /// VaR alone, L_(k) with k = ⌈nα⌉ as in `valueAtRisk`, without the tail's
  /// ES and moments; NaN for no losses.
  /// - Complexity: O(1).
  static func valueAtRisk(sortedLosses losses: [Double], level: Double) -> Double {
    losses.isEmpty ? .nan : losses[rank(count: losses.count, level: level).rank - 1]
  }

  /// The sample skewness of the n excesses Y_i = (L_i - L_(k))_+, which is that of the
  /// ψ_i (an affine map of them). The k ranks at or below VaR have Y = 0, so only the
  /// tail is visited: with Ȳ = Σ Y / n, m₂ = (k Ȳ² + Σ_{i>k} (Y_i - Ȳ)²) / n and
  /// m₃ = (-k Ȳ³ + Σ_{i>k} (Y_i - Ȳ)³) / n.
  /// - Complexity: O(n - k).
  static func skewnessOfExcess(sortedLosses losses: [Double], rank k: Int) -> Double {
    let n = Double(losses.count)
    let v = losses[k - 1]
    var sum = 0.0
    for i in k..<losses.count { sum += losses[i] - v }
    let mean = sum / n
    let below = Double(k)
    var m2 = below * mean * mean
    var m3 = -below * mean * mean * mean
    for i in k..<losses.count {
      let d = (losses[i] - v) - mean
      m2 += d * d
      m3 += d * d * d
    }
    m2 /= n
    m3 /= n
    guard m2 > 0, m2.isFinite, m3.isFinite else { return 0 }
    return m3 / (m2 * m2.squareRoot())
  }

  /// k = ⌈nα⌉ clamped to 1 ... n, and the atom's weight w = k - nα (0 when nα is
  /// within 1e-9 relative of an integer).
  static func rank(count n: Int, level: Double) -> (rank: Int, atomWeight: Double) {
    let x = Double(n) * level
    let nearest = x.rounded()
    if abs(x - nearest) <= 1e-9 * max(1, x) {
      return (min(n, max(1, Int(nearest))), 0)
    }
    let k = min(n, max(1, Int(x.rounded(.up))))
    return (k, Double(k) - x)
  }
}
