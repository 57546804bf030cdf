/// Exact tail sums of the binomial(n, q) law, for the order-statistic intervals.
///
/// The probabilities are computed without logarithms or gamma functions: the
/// mass function is built by the ratio recurrence
/// P(k+1) / P(k) = (n - k) / (k + 1) · q / (1 - q) outward from the mode,
/// until a term falls below 1e-40 of the mode's, and then normalised. The
/// truncated mass is below 1e-35 of the total, so the tails are exact to
/// rounding (a few ulps per step) for any n.
struct BinomialTails {
  let n: Int
  /// The first outcome kept; outcomes below it have negligible mass.
  let low: Int
  /// Normalised P(B = k) for k in low ..< low + pmf.count.
  let pmf: [Double]

  /// - Complexity: O(√(n q (1 - q))) time and memory (about 27 standard deviations each side).
  init(n: Int, q: Double) {
    precondition(n >= 0 && q > 0 && q < 1, "binomial law needs n >= 0 and q in (0, 1)")
    self.n = n
    let mode = min(n, Int((Double(n + 1) * q).rounded(.down)))
    let odds = q / (1 - q)
    let cutoff = 1e-40
    var below: [Double] = []
    var w = 1.0
    var k = mode
    while k > 0 {
      w *= Double(k) / Double(n - k + 1) / odds
      if w < cutoff { break }
      below.append(w)
      k -= 1
    }
    var above: [Double] = []
    w = 1.0
    k = mode
    while k < n {
      w *= Double(n - k) / Double(k + 1) * odds
      if w < cutoff { break }
      above.append(w)
      k += 1
    }
    var weights: [Double] = below.reversed() + [1.0] + above
    let total = weights.reduce(0, +)
    for i in weights.indices { weights[i] /= total }
    low = mode - below.count
    pmf = weights
  }

  /// P(B <= j).
  func cdf(_ j: Int) -> Double {
    guard j >= low else { return 0 }
    let end = min(j - low + 1, pmf.count)
    return pmf[0..<end].reduce(0, +)
  }

  /// P(B >= j), summed from the top so that small upper tails keep their precision.
  func survival(_ j: Int) -> Double {
    let start = max(0, j - low)
    guard start < pmf.count else { return 0 }
    return pmf[start...].reversed().reduce(0, +)
  }

  /// The smallest j with P(B <= j) > `tail` (always exists: P(B <= n) = 1).
  func firstCDFAbove(_ tail: Double) -> Int {
    var sum = 0.0
    for (i, p) in pmf.enumerated() {
      sum += p
      if sum > tail { return low + i }
    }
    return low + pmf.count - 1
  }

  /// The largest j with P(B >= j) > `tail`.
  func lastSurvivalAbove(_ tail: Double) -> Int {
    var sum = 0.0
    for (i, p) in pmf.enumerated().reversed() {
      sum += p
      if sum > tail { return low + i }
    }
    return low
  }
}
