/// Sample quantiles by linear interpolation between order statistics
/// (Hyndman and Fan type 7, NumPy's default), so figures match a notebook.
public enum Quantiles {
  /// The q-quantile of already sorted values.
  /// - Complexity: O(1).
  public static func sorted(_ values: [Double], _ q: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let h = Double(values.count - 1) * q
    let lo = Int(h.rounded(.down))
    let hi = min(lo + 1, values.count - 1)
    return values[lo] + (h - Double(lo)) * (values[hi] - values[lo])
  }
}

/// A fixed-width histogram with its bin edges.
public struct Histogram: Sendable, Equatable {
  public var edges: [Double]
  public var counts: [Int]

  /// Bins sorted values into `bins` equal-width bins over [min, max].
  /// - Complexity: O(n).
  public init(sorted values: [Double], bins: Int) {
    guard let lo = values.first, let hi = values.last else {
      edges = []
      counts = []
      return
    }
    let width = hi > lo ? (hi - lo) / Double(bins) : 1
    edges = (0...bins).map { lo + Double($0) * width }
    if hi > lo { edges[bins] = hi }
    counts = Array(repeating: 0, count: bins)
    for v in values {
      let i = min(Int((v - lo) / width), bins - 1)
      counts[i] &+= 1
    }
  }
}
