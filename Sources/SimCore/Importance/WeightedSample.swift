import Foundation

/// Per-path values with their importance weights, and the weighted estimators
/// of docs/IMPORTANCE.md. With every weight 1 each reduces to the plain
/// estimator's value (the intervals are normal-theory here, not Wilson,
/// order-statistic or Hall: a run with no tilt keeps the plain code path).
struct WeightedSample {
  /// The weights, in path order.
  let weights: [Double]
  let count: Double
  let totalWeight: Double

  init(weights: [Double]) {
    self.weights = weights
    count = Double(weights.count)
    totalWeight = weights.reduce(0, +)
  }

  /// The self-normalised mean Σ w x / Σ w and its delta-method standard error
  /// √(n/(n-1) · Σ w² (x - μ)²) / Σ w (s/√n when every weight is 1).
  /// - Complexity: O(n).
  func mean(_ x: [Double]) -> (value: Double, standardError: Double) {
    var s = 0.0
    for i in x.indices { s += weights[i] * x[i] }
    let mu = s / totalWeight
    var v = 0.0
    for i in x.indices {
      let d = weights[i] * (x[i] - mu)
      v += d * d
    }
    let se = count > 1 ? (v * count / (count - 1)).squareRoot() / totalWeight : .infinity
    return (mu, se)
  }

  /// The probability of `event`: the unbiased mean (1/n) Σ w·1{event} (not
  /// self-normalised: the standard rare-event estimator), with the sample
  /// standard error of w·1{event}.
  /// - Complexity: O(n).
  func probability(_ event: [Bool]) -> (value: Double, standardError: Double) {
    var s = 0.0
    var s2 = 0.0
    for i in event.indices where event[i] {
      s += weights[i]
      s2 += weights[i] * weights[i]
    }
    let p = s / count
    let variance = count > 1 ? max(0, s2 - count * p * p) / (count - 1) : .infinity
    return (p, (variance / count).squareRoot())
  }

  /// The path indices in ascending order of `x`, ties in path order.
  func order(_ x: [Double]) -> [Int] {
    x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
  }

  /// The lower α-quantile of the weighted distribution function
  /// F(x) = Σ w·1{x_i <= x} / Σ w: inf{x : F(x) >= α} (`TailRisk`'s VaR
  /// convention when every weight is 1), over the ascending `order` of `x`.
  /// - Complexity: O(n).
  func lowerQuantile(_ x: [Double], order: [Int], _ alpha: Double) -> Double {
    guard !order.isEmpty else { return .nan }
    let target = min(max(alpha, 0), 1) * totalWeight
    var c = 0.0
    for i in order {
      c += weights[i]
      if c >= target * (1 - 1e-9) { return x[i] }
    }
    return x[order[order.count - 1]]
  }

  /// The weighted analogue of the interpolated quantile of `Quantiles` (type 7):
  /// the i-th ascending value sits at a_i, the weight of the values before it,
  /// and the α-quantile interpolates linearly at h = α · (Σ w - w_last). With
  /// every weight 1, a_i = i and h = α(n - 1): exactly `Quantiles.sorted`.
  /// - Complexity: O(n).
  func quantile(_ x: [Double], order: [Int], _ alpha: Double) -> Double {
    guard let last = order.last else { return .nan }
    let h = min(max(alpha, 0), 1) * (totalWeight - weights[last])
    var a = 0.0
    for (k, i) in order.enumerated() {
      let w = weights[i]
      if k == order.count - 1 || a + w > h {
        let j = order[min(k + 1, order.count - 1)]
        return w > 0 ? x[i] + (h - a) / w * (x[j] - x[i]) : x[i]
      }
      a += w
    }
    return x[last]
  }

  /// The interval of the α-quantile by inverting the weighted distribution
  /// function (Woodruff's interval): [Q(α - z·se), Q(α + z·se)], with se the
  /// standard error of F̂ at the quantile estimate; `lower` takes the lower
  /// quantile (VaR's convention) instead of the interpolated one.
  func quantileInterval(
    _ x: [Double], order: [Int], _ alpha: Double, confidence: ConfidenceLevel, lower: Bool = false
  ) -> Interval {
    let at = { (a: Double) in lower ? lowerQuantile(x, order: order, a) : quantile(x, order: order, a) }
    let q = at(alpha)
    let se = mean(x.map { $0 <= q ? 1 : 0 }).standardError
    let h = confidence.z * se
    let lo = alpha - h <= 0 ? -Double.infinity : at(alpha - h)
    let hi = alpha + h >= 1 ? Double.infinity : at(alpha + h)
    return Interval(lower: min(lo, q), upper: max(hi, q))
  }

  /// Value at risk and expected shortfall of `losses` at `level`: VaR the
  /// weighted α-quantile, ES the weighted mean of the influence values
  /// ψ_i = VaR + (L_i - VaR)_+ / (1 - α) (Rockafellar-Uryasev), with its
  /// standard error as a weighted mean.
  func tail(_ losses: [Double], order: [Int], level: Double) -> (
    valueAtRisk: Double, expectedShortfall: Double, standardError: Double
  ) {
    let v = lowerQuantile(losses, order: order, level)
    let psi = losses.map { v + max(0, $0 - v) / (1 - level) }
    let es = mean(psi)
    return (v, es.value, es.standardError)
  }

  /// The effective sample size (Σ w)² / Σ w² (Kish): n when every weight is 1.
  var effectiveSampleSize: Double {
    let s2 = weights.reduce(0) { $0 + $1 * $1 }
    return s2 > 0 ? totalWeight * totalWeight / s2 : 0
  }

  /// The largest weight's share of the total weight.
  var largestWeightShare: Double { totalWeight > 0 ? (weights.max() ?? 0) / totalWeight : 0 }
}
