public import SimCore

extension SweepResult {
  /// The ranked rows of the sweep tables (text and HTML), one per candidate
  /// of the first `limit`: rank, label (" *" on the Pareto front), score, ROI,
  /// liquidation probability, p95 drawdown, deployable, and the failed gates
  /// as `failed` words them ("-" for none).
  public func rankingRows(limit: Int? = nil, failed: (GateReport.Failure) -> String, separator: String)
    -> [[String]]
  {
    let front = Set(paretoFront.map(\.index))
    return candidates.prefix(limit ?? candidates.count).enumerated().map { i, c in
      [
        "\(i + 1)", c.label + (front.contains(c.index) ? " *" : ""), formatFixed(c.score, digits: 4),
        formatPercent(c["roi_mean"]), formatPercent(c["liquidation_probability"]),
        formatPercent(c["max_drawdown_p95"]), c.deployable ? "yes" : "no",
        c.failedGates.isEmpty ? "-" : c.failedGates.map(failed).joined(separator: separator),
      ]
    }
  }

  /// A ranked text table of the first `limit` candidates.
  public func table(limit: Int? = nil) -> String {
    let header = ["rank", "candidate", "score", "roi_mean", "liq_prob", "dd_p95", "deployable", "failed gates"]
    let name: (GateReport.Failure) -> String = { $0.inconclusive ? $0.gate + " (inconclusive)" : $0.gate }
    var out = TextTable([header] + rankingRows(limit: limit, failed: name, separator: ", ")).text
    out += "\n(* on the Pareto front of ROI vs liquidation probability and p95 drawdown; score = roi_mean"
    let w = base.policy.weights
    out +=
      " - \(JSONText.number(w.liquidation))*liq - \(JSONText.number(w.drawdown))*dd_p95 - \(JSONText.number(w.peg))*peg)"
    if let b = best(deployable: true) {
      out += "\ntop deployable: \(b.label) (score \(formatFixed(b.score, digits: 4)))"
    } else {
      out += "\ntop deployable: none"
    }
    return out
  }
}
