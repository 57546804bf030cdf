public import SimCore

extension SweepResult {
  /// The ranked rows of the sweep tables (text and HTML), one per candidate
  /// of the first `limit`: rank, label (" *" on the Pareto front), score, ROI,
  /// liquidation probability and p95 drawdown with their intervals, deployable,
  /// and the failed gates as `failed` words them ("-" for none).
  public func rankingRows(limit: Int? = nil, failed: (GateReport.Failure) -> String, separator: String)
    -> [[String]]
  {
    let front = Set(paretoFront.map(\.index))
    return candidates.prefix(limit ?? candidates.count).enumerated().map { i, c in
      [
        "\(i + 1)", c.label + (front.contains(c.index) ? " *" : ""), formatFixed(c.score, digits: 4),
        IntervalFormat.percent(c["roi_mean"], c.intervals["roi_mean"]),
        IntervalFormat.percent(c["liquidation_probability"], c.intervals["liquidation_probability"]),
        IntervalFormat.percent(c["max_drawdown_p95"], c.intervals["max_drawdown_p95"]), c.deployable ? "yes" : "no",
        c.failedGates.isEmpty ? "-" : c.failedGates.map(failed).joined(separator: separator),
      ]
    }
  }

  /// A ranked text table of the first `limit` candidates: the ranking rows with,
  /// after the score, its paired interval of leader - candidate ("leader" on the
  /// leader's row) and "=" for a candidate tied with the leader.
  public func table(limit: Int? = nil) -> String {
    let header = [
      "rank", "candidate", "score", "leader - score", "tied", "roi_mean", "liq_prob", "dd_p95", "deployable",
      "failed gates",
    ]
    let name: (GateReport.Failure) -> String = { f in
      guard f.inconclusive else { return f.gate }
      return f.gate + " (inconclusive" + (f.pathsToDecide.map { "; ~\($0) paths decide it" } ?? "") + ")"
    }
    let lead = leader
    let rows = zip(candidates, rankingRows(limit: limit, failed: name, separator: ", ")).map { c, row in
      var row = row
      // The interval is symmetric about the difference of the scores.
      let difference =
        c.index == lead?.index
        ? "leader"
        : c.scoreDifference.map { IntervalFormat.number(($0.lower + $0.upper) / 2, $0, fallback: 4) } ?? "-"
      row.insert(contentsOf: [difference, c.tied ? "=" : ""], at: 3)
      return row
    }
    var out = TextTable([header] + rows).text
    out += "\n(* on the Pareto front of ROI vs liquidation probability and p95 drawdown; score = "
    let w = base.policy.weights
    if candidates.contains(where: { $0.objective != nil || $0.error != nil }) {
      out += "the Lua objective, negated when minimizing)"
    } else {
      out +=
        "roi_mean - \(JSONText.number(w.liquidation))*liq - \(JSONText.number(w.drawdown))*dd_p95"
        + " - \(JSONText.number(w.peg))*peg)"
    }
    for f in failed {
      out += "\n(failed: candidate \(f.index + 1) \(f.label): \(f.error?.split(separator: "\n").first ?? ""))"
    }
    if let lead {
      let level = JSONText.number(base.policy.gateConfidence * 100)
      out +=
        "\n(leader - score: the paired \(level)% interval of the leader's score minus the candidate's, on the same paths"
      out += " of the round it last ran; = tied with the leader \(lead.label): \(tied.count) candidate(s))"
    }
    if let b = best(deployable: true) {
      out += "\ntop deployable: \(b.label) (score \(formatFixed(b.score, digits: 4)))"
    } else {
      out += "\ntop deployable: none"
    }
    return out
  }
}
