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
///
/// The cross-entropy optimum within the family is the weighted least-squares
/// fit of the elite's normals, found in two passes over them (so no path's
/// normals are kept): `EpochMeans` gives the weighted mean per epoch z̄_t and
/// from it τ, the window end whose fits explain the largest sum of squares (the
/// likelihood over τ); `Moments` then gives the weighted mean of each path's
/// level and slope over 0...τ, each set to 0 when within `noiseCut` standard
/// errors of 0 (from the spread of the per-path values).
enum ShiftFamily {
  /// Shift coefficients within this many standard errors of 0 are dropped.
  static let noiseCut = 3.0

  /// Pass 1: the weighted sums per epoch of the elite's asset and volatility normals.
  struct EpochMeans {
    private(set) var asset: [Double]
    private(set) var volatility: [Double]
    private(set) var totalWeight = 0.0

    init(epochs: Int) {
      asset = Array(repeating: 0, count: epochs)
      volatility = asset
    }

    /// Adds one path's normals with weight `w`. - Complexity: O(epochs).
    mutating func add(weight w: Double, asset a: [Double], volatility v: [Double]) {
      for t in asset.indices {
        asset[t] += w * a[t]
        volatility[t] += w * v[t]
      }
      totalWeight += w
    }

    /// The window end τ whose linear fits to the two mean curves explain the
    /// largest sum of squares (the smallest τ on a tie; the last epoch when
    /// nothing was added). - Complexity: O(epochs).
    var end: Int {
      guard totalWeight > 0 else { return asset.count - 1 }
      var best = (end: asset.count - 1, explained: -1.0)
      var sum = (a: 0.0, v: 0.0)
      var moment = (a: 0.0, v: 0.0)
      for tau in asset.indices {
        let a = asset[tau] / totalWeight
        let v = volatility[tau] / totalWeight
        sum.a += a
        sum.v += v
        moment.a += Double(tau) * a
        moment.v += Double(tau) * v
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
  }

  /// Pass 2: the weighted moments of each path's level and slope over 0...`end`.
  struct Moments {
    let end: Int
    private var sums = (w: 0.0, w2: 0.0)
    private var asset = Coefficients()
    private var volatility = Coefficients()

    /// Σ w·x and Σ w·x² of the per-path level and slope of one normal.
    struct Coefficients {
      var level = (sum: 0.0, squares: 0.0)
      var slope = (sum: 0.0, squares: 0.0)
    }

    init(end: Int) { self.end = end }

    /// Adds one path's normals with weight `w`. - Complexity: O(`end`).
    mutating func add(weight w: Double, asset a: [Double], volatility v: [Double]) {
      sums.w += w
      sums.w2 += w * w
      Self.add(&asset, w, a, end: end)
      Self.add(&volatility, w, v, end: end)
    }

    private static func add(_ c: inout Coefficients, _ w: Double, _ z: [Double], end tau: Int) {
      let n = Double(tau + 1)
      let centre = Double(tau) / 2
      let suu = n * (n * n - 1) / 12
      var level = 0.0
      var slope = 0.0
      for t in 0...tau {
        level += z[t]
        slope += (Double(t) - centre) * z[t]
      }
      level /= n
      slope = suu > 0 ? slope / suu : 0
      c.level.sum += w * level
      c.level.squares += w * level * level
      c.slope.sum += w * slope
      c.slope.squares += w * slope * slope
    }

    /// The fitted shifts per epoch (count `epochs`) of the asset and the volatility normals.
    func shifts(epochs: Int) -> (asset: [Double], volatility: [Double]) {
      (shift(asset, epochs: epochs), shift(volatility, epochs: epochs))
    }

    private func shift(_ c: Coefficients, epochs: Int) -> [Double] {
      var shift = [Double](repeating: 0, count: epochs)
      guard sums.w > 0, end < epochs else { return shift }
      let ess = sums.w * sums.w / sums.w2
      let m = ShiftFamily.significant(sum: c.level.sum, sumOfSquares: c.level.squares, total: sums.w, ess: ess)
      let b = ShiftFamily.significant(sum: c.slope.sum, sumOfSquares: c.slope.squares, total: sums.w, ess: ess)
      let centre = Double(end) / 2
      for t in 0...end { shift[t] = m + b * (Double(t) - centre) }
      return shift
    }
  }

  /// The weighted mean, or 0 when it is within `noiseCut` standard errors of 0.
  static func significant(sum: Double, sumOfSquares: Double, total: Double, ess: Double) -> Double {
    let mean = sum / total
    let variance = max(0, sumOfSquares / total - mean * mean)
    let se = (variance / max(ess, 1)).squareRoot()
    return abs(mean) > noiseCut * se ? mean : 0
  }
}
