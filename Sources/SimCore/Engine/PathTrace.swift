/// The per-epoch state of a few chosen paths (`RunOptions.tracePaths`): for
/// each traced path and each epoch, the state at the end of that epoch.
///
/// Epochs are 0-based, as a shock's `at`: row (path, t) is the state after
/// epoch t, the one whose ROI `r.bands.p50[t + 1]` summarises.
public struct PathTrace: Sendable, Equatable {
  /// The traced quantities, in storage and output order: capital T (USD),
  /// loan-to-value D / (C·S) (0 without debt), asset price S, volatility
  /// sigma, external liquidity ell, peg P, spread (bps), and the effective
  /// allocation and leverage of the epoch.
  public static let fields = ["T", "ltv", "S", "sigma", "ell", "P", "spread", "allocation", "leverage"]

  /// The traced path indices (0-based, as the per-path `path` column), ascending.
  public let paths: [Int]
  public let epochs: Int
  /// `paths.count × epochs × fields.count` values, path-major, then epoch, then field.
  public let values: [Double]

  public init(paths: [Int], epochs: Int, values: [Double]) {
    precondition(values.count == paths.count * epochs * Self.fields.count, "a trace holds every traced path-epoch")
    self.paths = paths
    self.epochs = epochs
    self.values = values
  }

  /// The value of `field` (an index into `fields`) for the `row`-th traced path after epoch `epoch`.
  public func value(row: Int, epoch: Int, field: Int) -> Double {
    values[(row * epochs + epoch) * Self.fields.count + field]
  }

  /// The traced paths to keep for a request of the first `count` paths of a run of `paths` paths.
  public static func first(_ count: Int, of paths: Int) -> [Int] { Array(0..<max(0, min(count, paths))) }
}

extension PathTrace {
  /// Writes one epoch's state, in `fields` order, into a path's trace row.
  @inline(__always)
  static func write(
    into row: UnsafeMutableBufferPointer<Double>, epoch t: Int,
    _ v: (Double, Double, Double, Double, Double, Double, Double, Double, Double)
  ) {
    let o = t * fields.count
    row[o] = v.0
    row[o + 1] = v.1
    row[o + 2] = v.2
    row[o + 3] = v.3
    row[o + 4] = v.4
    row[o + 5] = v.5
    row[o + 6] = v.6
    row[o + 7] = v.7
    row[o + 8] = v.8
  }
}

extension PathTrace {
  /// The traced paths within `range`, each mapped to its row among them
  /// (ascending `paths`, so rows follow path order).
  static func rows(of paths: [Int], in range: Range<Int>) -> [Int: Int] {
    var rows: [Int: Int] = [:]
    for p in paths where range.contains(p) { rows[p] = rows.count }
    return rows
  }
}
