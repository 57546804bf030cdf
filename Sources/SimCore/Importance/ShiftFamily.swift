import Foundation

/// The family of mean shifts `CrossEntropyTilt` searches (docs/IMPORTANCE.md,
/// "Choosing the tilt"): for the asset normals and for the volatility normals,
/// a shift linear in time over the epochs 0...τ and none after,
///
///     θ_t = m + b·(t - τ/2)  for t ≤ τ,   θ_t = 0  for t > τ,
///
/// five numbers (τ, and m, b per normal) instead of one shift per epoch and
/// normal. A rare event reached at some epoch is most cheaply reached by
/// spreading the push evenly over the epochs before it (for a random walk the
/// most likely path to a level is a straight line), and the epochs after it
/// carry no tilt, so they add no weight variance.
enum ShiftFamily {
  /// Shift coefficients within this many standard errors of 0 are dropped.
  static let noiseCut = 3.0

  /// The elite's weighted normals, one row of `epochs` per path.
  struct Sample {
    let epochs: Int
    private(set) var weights: [Double] = []
    private(set) var asset: [Double] = []
    private(set) var volatility: [Double] = []
    private(set) var totalWeight = 0.0

    init(epochs: Int, capacity: Int) {
      self.epochs = epochs
      weights.reserveCapacity(capacity)
      asset.reserveCapacity(capacity * epochs)
      volatility.reserveCapacity(capacity * epochs)
    }

    mutating func append(weight: Double, asset a: [Double], volatility v: [Double]) {
      weights.append(weight)
      asset.append(contentsOf: a)
      volatility.append(contentsOf: v)
      totalWeight += weight
    }

    /// The cross-entropy optimum within the family: the weighted least-squares
    /// fit of the elite's normals, which is the fit of their weighted mean per
    /// epoch z̄_t. τ maximises the sum of squares the two fits explain (the
    /// likelihood over τ); then each coefficient within `noiseCut` standard
    /// errors (from the spread of the per-path coefficients) is set to 0.
    /// - Complexity: O(paths × epochs + epochs).
    func fit() -> (asset: [Double], volatility: [Double]) {
      guard epochs > 0, totalWeight > 0 else { return ([], []) }
      let meanA = epochMeans(asset)
      let meanV = epochMeans(volatility)
      let tau = Self.bestEnd(meanA, meanV)
      return (coefficients(asset, end: tau), coefficients(volatility, end: tau))
    }

    func epochMeans(_ rows: [Double]) -> [Double] {
      var mean = [Double](repeating: 0, count: epochs)
      for (i, w) in weights.enumerated() {
        for t in 0..<epochs { mean[t] += w * rows[i * epochs + t] }
      }
      return mean.map { $0 / totalWeight }
    }

    /// The window end τ whose fits to `a` and `v` explain the largest sum of squares.
    static func bestEnd(_ a: [Double], _ v: [Double]) -> Int {
      var best = (end: a.count - 1, explained: -1.0)
      var sum = (a: 0.0, v: 0.0)
      var moment = (a: 0.0, v: 0.0)
      for tau in a.indices {
        sum.a += a[tau]
        sum.v += v[tau]
        moment.a += Double(tau) * a[tau]
        moment.v += Double(tau) * v[tau]
        let n = Double(tau + 1)
        let suu = n * (n * n - 1) / 12
        let centre = Double(tau) / 2
        var explained = (sum.a * sum.a + sum.v * sum.v) / n
        if suu > 0 {
          let ca = moment.a - centre * sum.a
          let cv = moment.v - centre * sum.v
          explained += (ca * ca + cv * cv) / suu
        }
        if explained > best.explained { best = (tau, explained) }
      }
      return best.end
    }

    /// The shift per epoch fitted to `rows` over 0...`end`: the weighted mean
    /// of the per-path level and slope, each dropped when not significant.
    func coefficients(_ rows: [Double], end tau: Int) -> [Double] {
      let n = Double(tau + 1)
      let centre = Double(tau) / 2
      let suu = n * (n * n - 1) / 12
      var sums = (w2: 0.0, m: 0.0, m2: 0.0, b: 0.0, b2: 0.0)
      for (i, w) in weights.enumerated() {
        var level = 0.0
        var slope = 0.0
        for t in 0...tau {
          let z = rows[i * epochs + t]
          level += z
          slope += (Double(t) - centre) * z
        }
        level /= n
        slope = suu > 0 ? slope / suu : 0
        sums.w2 += w * w
        sums.m += w * level
        sums.m2 += w * level * level
        sums.b += w * slope
        sums.b2 += w * slope * slope
      }
      let ess = totalWeight * totalWeight / sums.w2
      let m = Self.significant(sum: sums.m, sumOfSquares: sums.m2, total: totalWeight, ess: ess)
      let b = Self.significant(sum: sums.b, sumOfSquares: sums.b2, total: totalWeight, ess: ess)
      var shift = [Double](repeating: 0, count: epochs)
      for t in 0...tau { shift[t] = m + b * (Double(t) - centre) }
      return shift
    }

    /// The weighted mean, or 0 when it is within `noiseCut` standard errors of 0.
    static func significant(sum: Double, sumOfSquares: Double, total: Double, ess: Double) -> Double {
      let mean = sum / total
      let variance = max(0, sumOfSquares / total - mean * mean)
      let se = (variance / max(ess, 1)).squareRoot()
      return abs(mean) > noiseCut * se ? mean : 0
    }
  }
}
