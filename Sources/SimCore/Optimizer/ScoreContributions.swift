#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One candidate's per-path contributions to its score: c_1 ... c_n, one per
/// path, whose mean is `GateReport.score` and whose spread is that of the
/// score's influence function (docs/INTERVALS.md, "Optimizer: paired intervals").
///
/// For path i, with roi_i, liquidated_i (0 or 1), pegShare_i (the path's share
/// of epochs off the peg band) and dd_i (its maximum drawdown):
///
///     c_i = roi_i - wL · liquidated_i - wP · pegShare_i - wD · ψ_i
///     ψ_i = q + s · (F_n(q) - 1{dd_i <= q})
///
/// q is the scorecard's `max_drawdown_p95`, F_n(q) the share of paths with a
/// drawdown at or below it, and s = 1/f(q) the sparsity of the drawdown law at
/// its 95th percentile (`sparsity(sorted:quantile:confidence:)`). ψ is the
/// linearisation of the quantile (its influence function, Bahadur's
/// representation) centred on F_n(q) rather than 0.95: the two differ by a
/// constant (less than 1/n without ties at q), which leaves every standard
/// deviation unchanged and makes the mean of ψ exactly q.
public struct ScoreContributions: Sendable, Equatable {
  /// One value per path, in path order.
  public let values: [Double]
  /// The sparsity 1/f(q) of the drawdown at its 95th percentile (0 when the
  /// drawdowns around q are all equal).
  public let drawdownSparsity: Double

  /// The quantile of the drawdown the score penalises.
  public static let drawdownQuantile = 0.95

  public init(values: [Double], drawdownSparsity: Double) {
    self.values = values
    self.drawdownSparsity = drawdownSparsity
  }

  /// The contributions of a run's per-path records under the policy's weights;
  /// the sparsity's bandwidth follows `confidence` (Hall and Sheather).
  /// - Complexity: O(n log n) for the sort of the drawdowns; one Double per path kept.
  public init(
    records: [PathRecord], epochs: Int, weights w: Policy.ObjectiveWeights, confidence: ConfidenceLevel
  ) {
    let sorted = records.map(\.maxDrawdown).sorted()
    let p = Self.drawdownQuantile
    let q = Quantiles.sorted(sorted, p)
    let s = Self.sparsity(sorted: sorted, quantile: p, confidence: confidence)
    let atOrBelow = sorted.prefix { $0 <= q }.count
    let share = records.isEmpty ? 0 : Double(atOrBelow) / Double(records.count)
    let perEpoch = 1 / Double(max(epochs, 1))
    values = records.map { r in
      let psi = q + s * (share - (r.maxDrawdown <= q ? 1 : 0))
      return r.roi - w.liquidation * (r.liquidated ? 1 : 0) - w.peg * Double(r.pegDeviationEpochs) * perEpoch
        - w.drawdown * psi
    }
    drawdownSparsity = s
  }

  /// The sparsity 1/f(x_p) of a sorted sample at its p-quantile, by the
  /// Siddiqui–Bloch–Gastwirth difference quotient
  ///
  ///     s = (Q_n(p + h) - Q_n(p - h)) / (2h)
  ///
  /// (Q_n the type-7 sample quantile, p ± h clipped to [0, 1]) with Hall and
  /// Sheather's bandwidth for a two-sided interval at `confidence`:
  ///
  ///     h = n^(-1/3) · z^(2/3) · (1.5 φ(Φ⁻¹(p))² / (2 Φ⁻¹(p)² + 1))^(1/3)
  ///
  /// Deterministic. An atom around x_p (every value in the window equal) gives
  /// 0: the quantile does not move, and its term adds no variance. Fewer than two values give 0.
  /// - Complexity: O(1).
  public static func sparsity(sorted x: [Double], quantile p: Double, confidence: ConfidenceLevel) -> Double {
    guard x.count > 1 else { return 0 }
    let h = bandwidth(count: x.count, quantile: p, confidence: confidence)
    let lo = max(p - h, 0)
    let hi = min(p + h, 1)
    let width = Quantiles.sorted(x, hi) - Quantiles.sorted(x, lo)
    return hi > lo && width.isFinite ? width / (hi - lo) : 0
  }

  /// Hall and Sheather's (1988) bandwidth, in probability, for the p-quantile of n values.
  public static func bandwidth(count n: Int, quantile p: Double, confidence: ConfidenceLevel) -> Double {
    let x = StandardNormal.quantile(p)
    let density = exp(-x * x / 2) / (2 * Double.pi).squareRoot()
    return pow(Double(n), -1.0 / 3) * pow(confidence.z, 2.0 / 3)
      * pow(1.5 * density * density / (2 * x * x + 1), 1.0 / 3)
  }
}
