/// A finished sweep: candidates ranked, with the gates each failed.
public struct SweepResult: Sendable {
  public let base: Scenario
  /// Ranked best first: later halving rounds first, then by score, then by index.
  public let candidates: [CandidateSummary]

  public init(base: Scenario, candidates: [CandidateSummary]) {
    self.base = base
    self.candidates = candidates
  }

  public static func ranked(_ list: [CandidateSummary]) -> [CandidateSummary] {
    list.sorted {
      if $0.round != $1.round { return $0.round > $1.round }
      if $0.score != $1.score { return $0.score > $1.score }
      return $0.index < $1.index
    }
  }

  /// The best candidate, or the best deployable one.
  public func best(deployable: Bool = false) -> CandidateSummary? {
    candidates.first { !deployable || $0.deployable }
  }

  /// Candidates no other beats on ROI, liquidation probability and p95 drawdown at once.
  public var paretoFront: [CandidateSummary] {
    candidates.filter { c in
      !candidates.contains { o in
        o.index != c.index && o["roi_mean"] >= c["roi_mean"]
          && o["liquidation_probability"] <= c["liquidation_probability"]
          && o["max_drawdown_p95"] <= c["max_drawdown_p95"]
          && (o["roi_mean"] > c["roi_mean"] || o["liquidation_probability"] < c["liquidation_probability"]
            || o["max_drawdown_p95"] < c["max_drawdown_p95"])
      }
    }
  }

  /// A ranked text table of the first `limit` candidates.
  public func table(limit: Int? = nil) -> String {
    let front = Set(paretoFront.map(\.index))
    var rows: [[String]] = [
      ["rank", "candidate", "score", "roi_mean", "liq_prob", "dd_p95", "deployable", "failed gates"]
    ]
    for (i, c) in candidates.prefix(limit ?? candidates.count).enumerated() {
      rows.append([
        "\(i + 1)", c.label + (front.contains(c.index) ? " *" : ""), formatFixed(c.score, digits: 4),
        formatFixed(c["roi_mean"] * 100, digits: 2) + "%",
        formatFixed(c["liquidation_probability"] * 100, digits: 2) + "%",
        formatFixed(c["max_drawdown_p95"] * 100, digits: 2) + "%", c.deployable ? "yes" : "no",
        c.failedGates.isEmpty ? "-" : c.failedGates.map(\.gate).joined(separator: ", "),
      ])
    }
    let widths = (0..<rows[0].count).map { col in rows.map { $0[col].count }.max()! }
    var out = rows.map { row in
      row.enumerated().map { $1 + String(repeating: " ", count: widths[$0] - $1.count) }.joined(separator: "  ")
    }.joined(separator: "\n")
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
