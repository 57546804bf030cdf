import Synchronization

/// A distribution-free confidence interval for the q-quantile x_q of a
/// continuous law, from two order statistics of an i.i.d. sample of n values
/// (Hahn and Meeker, 1991, "Statistical Intervals", section 5.2; David and
/// Nagaraja, "Order Statistics", section 7.1).
///
/// The number B of sample values at or below x_q is binomial(n, q), so
/// P(X_(l) <= x_q <= X_(u)) = P(l <= B <= u - 1) whatever the law. The ranks
/// (1-based) split the miss probability equally: l is the largest rank with
/// P(B <= l - 1) <= (1 - c)/2, u the smallest with P(B >= u) <= (1 - c)/2, so the
/// coverage is at least c (exactly `coverage`). The binomial tails are summed
/// exactly (`BinomialTails`), not by a normal approximation. A side no rank can
/// reach at that confidence (n too small for the tail) is unbounded: for example
/// a 95% lower bound on the 1% quantile needs P(B = 0) = 0.99ⁿ <= 0.025, n >= 368.
public struct OrderStatisticInterval: Sendable, Hashable {
  /// The 1-based rank of the lower bound; `nil` when the lower side is unbounded.
  public let lowerRank: Int?
  /// The 1-based rank of the upper bound; `nil` when the upper side is unbounded.
  public let upperRank: Int?
  /// The exact coverage P(l <= B <= u - 1) of these ranks (>= the confidence asked).
  public let coverage: Double

  /// The ranks for the `quantile` of `count` values; `quantile` in (0, 1).
  /// - Complexity: O(√(count · q (1 - q))).
  public init(count: Int, quantile q: Double, confidence: ConfidenceLevel = .standard) {
    guard count > 0 else {
      self.init(lowerRank: nil, upperRank: nil, coverage: 1)
      return
    }
    let law = BinomialTails(n: count, q: q)
    let tail = confidence.tailProbability
    // l - 1 = the largest j with P(B <= j) <= tail, that is the first j above it, minus one.
    let l = law.firstCDFAbove(tail)
    // u - 1 = the largest j with P(B >= j) > tail.
    let u = law.lastSurvivalAbove(tail) + 1
    let lowerRank = l >= 1 ? l : nil
    let upperRank = u <= count ? u : nil
    let missBelow = lowerRank.map { law.cdf($0 - 1) } ?? 0
    let missAbove = upperRank.map { law.survival($0) } ?? 0
    self.init(lowerRank: lowerRank, upperRank: upperRank, coverage: 1 - missBelow - missAbove)
  }

  init(lowerRank: Int?, upperRank: Int?, coverage: Double) {
    self.lowerRank = lowerRank
    self.upperRank = upperRank
    self.coverage = coverage
  }

  /// The interval of values [X_(l), X_(u)] from the sorted sample the ranks were
  /// computed for; an unreachable side is infinite.
  public func interval(sorted values: [Double]) -> Interval {
    let lower = lowerRank.flatMap { values.indices.contains($0 - 1) ? values[$0 - 1] : nil } ?? -.infinity
    let upper = upperRank.flatMap { values.indices.contains($0 - 1) ? values[$0 - 1] : nil } ?? .infinity
    return Interval(lower: lower, upper: upper)
  }

  /// The interval for the `quantile` of an ascending sorted sample.
  public static func interval(
    sorted values: [Double], quantile q: Double, confidence: ConfidenceLevel = .standard
  ) -> Interval {
    memoized(count: values.count, quantile: q, confidence: confidence).interval(sorted: values)
  }

  /// The ranks of `init(count:quantile:confidence:)`, each made once: a sweep
  /// asks for the same few (one sample size, six quantiles) for every
  /// candidate, and the binomial law behind them costs thousands of
  /// instructions. The ranks are a pure function of the three arguments. The
  /// memo is a short list searched in order, not a dictionary: a dictionary of a
  /// private key type costs its first use a runtime conformance scan (about
  /// 380,000 instructions, more than it saves a single run).
  /// - Complexity: O(`memoLimit`) after the first call with the same arguments.
  static func memoized(count: Int, quantile q: Double, confidence: ConfidenceLevel) -> OrderStatisticInterval {
    let key = MemoKey(count: count, quantile: q, confidence: confidence)
    if let known = memo.withLock({ $0.first { $0.key == key }?.ranks }) { return known }
    let made = OrderStatisticInterval(count: count, quantile: q, confidence: confidence)
    memo.withLock { list in
      if list.count >= memoLimit { list.removeFirst() }
      list.append((key, made))
    }
    return made
  }

  private struct MemoKey: Equatable {
    let count: Int
    let quantile: Double
    let confidence: ConfidenceLevel
  }

  /// Entries kept at most (the oldest goes first).
  private static let memoLimit = 32
  private static let memo = Mutex<[(key: MemoKey, ranks: OrderStatisticInterval)]>([])
}
