/// Per-epoch quantiles of ROI across paths: the data of a fan chart.
public struct EpochBands: Sendable {
  public static let levels: [(label: String, q: Double)] = [
    ("p05", 0.05), ("p25", 0.25), ("p50", 0.50), ("p75", 0.75), ("p95", 0.95),
  ]
  /// The number of paths the bands are taken over.
  public let paths: Int
  /// `quantiles[level][epoch]`, in the order of `levels`.
  public let quantiles: [[Double]]

  /// Summarises a row-per-path matrix of ROI after each epoch.
  /// - Complexity: O(epochs × paths × log paths).
  init(values: [Float], paths: Int, epochs: Int) {
    self.paths = paths
    var q = Array(repeating: [Double](repeating: 0, count: epochs), count: Self.levels.count)
    var column = [Double](repeating: 0, count: paths)
    for t in 0..<epochs {
      for p in 0..<paths { column[p] = Double(values[p * epochs + t]) }
      column.sort()
      for (i, level) in Self.levels.enumerated() { q[i][t] = Quantiles.sorted(column, level.q) }
    }
    quantiles = q
  }

  /// The band of one level by label (`p05` ... `p95`).
  public func band(_ label: String) -> [Double]? {
    Self.levels.firstIndex { $0.label == label }.map { quantiles[$0] }
  }
}
