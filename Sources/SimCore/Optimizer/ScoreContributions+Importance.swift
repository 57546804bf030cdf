import Foundation

extension ScoreContributions {
  /// The contributions of an importance-sampled run: w_i · c_i, c_i as for a
  /// plain run but with the drawdown quantile q, F(q) and the sparsity taken
  /// from the weighted distribution function F_w (`WeightedSample`). The mean
  /// of w_i · c_i estimates the score under the plain law, and two candidates
  /// run under the same tilt share their paths and weights, so their paired
  /// differences d_i = w_i (c_i(leader) - c_i(candidate)) keep common random numbers.
  /// - Complexity: O(n log n) for the order of the drawdowns; one Double per path kept.
  init(weighted records: [PathRecord], epochs: Int, weights w: Policy.ObjectiveWeights, confidence: ConfidenceLevel) {
    let sample = WeightedSample(weights: records.map(\.weight))
    let dd = records.map(\.maxDrawdown)
    let order = sample.order(dd)
    let p = Self.drawdownQuantile
    let q = sample.quantile(dd, order: order, p)
    var s = 0.0
    if records.count > 1 {
      let h = Self.bandwidth(count: records.count, quantile: p, confidence: confidence)
      let lo = max(p - h, 0)
      let hi = min(p + h, 1)
      let width = sample.quantile(dd, order: order, hi) - sample.quantile(dd, order: order, lo)
      s = hi > lo && width.isFinite ? width / (hi - lo) : 0
    }
    var atOrBelow = 0.0
    for r in records where r.maxDrawdown <= q { atOrBelow += r.weight }
    let share = sample.totalWeight > 0 ? atOrBelow / sample.totalWeight : 0
    let perEpoch = 1 / Double(max(epochs, 1))
    let values = records.map { r in
      let psi = q + s * (share - (r.maxDrawdown <= q ? 1 : 0))
      let c =
        r.roi - w.liquidation * (r.liquidated ? 1 : 0) - w.peg * Double(r.pegDeviationEpochs) * perEpoch
        - w.drawdown * psi
      return r.weight * c
    }
    self.init(values: values, drawdownSparsity: s)
  }
}
