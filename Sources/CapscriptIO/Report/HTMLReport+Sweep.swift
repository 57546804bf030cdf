public import SimCore

extension HTMLReport {
  /// The report of an optimizer sweep: the ROI / liquidation frontier with the
  /// deployable region, the ranked candidates, and the distribution charts of
  /// one candidate (`detail`, normally the top deployable one, re-run).
  public init(sweep r: SweepResult, leverageCap: Double, detail: (candidate: CandidateSummary, run: RunResult)? = nil) {
    let base = r.base
    let gates = base.policy.gates
    self.init(
      title: "capscript sweep report: \(base.name)",
      subtitle: "\(r.candidates.count) candidates on common random numbers (seed \(base.seed)). "
        + (base.description.isEmpty ? "" : base.description))
    let pareto = Set(r.paretoFront.map(\.index))
    let frontier = FrontierChart(
      title: "Mean ROI against liquidation probability", candidates: r.candidates, pareto: pareto,
      liquidationGate: gates.liquidationProbability, leverageCap: leverageCap)
    chart(
      "Frontier: ROI vs liquidation probability", frontier.svg,
      note:
        "Shaded: liquidation probability within the \(formatPercent(gates.liquidationProbability)) gate. "
        + "A candidate is deployable when every gate passes and its leverage is at most \(JSONText.number(leverageCap))x. "
        + "Error bars: the \(IntervalFormat.level(base.policy.gateConfidence))% intervals of the mean ROI (vertical) and of "
        + "the liquidation probability (horizontal, green when the whole bar is within the gate, red when it is all "
        + "beyond it, amber when it straddles it: inconclusive, never deployable)."
    )
    table(Self.candidateTable(r))
    if let (c, run) = detail {
      paragraph(
        "Charts below: candidate \(c.label) (\(c.deployable ? "top deployable" : "top ranked; none is deployable")), "
          + "re-run on the same paths with per-epoch bands.", className: "subtitle")
      distributionCharts(run, label: " of \(c.label)")
    }
    provenance =
      Self.provenance(Scorecard.Provenance(scenario: base, paths: base.paths)) + [
        ("candidates", String(r.candidates.count)), ("deployable leverage cap", JSONText.number(leverageCap) + "x"),
      ]
  }

  /// The ranked candidates, each figure with its interval (`value [lo, hi]`).
  static func candidateTable(_ r: SweepResult) -> ReportTable {
    let front = Set(r.paretoFront.map(\.index))
    let rows = r.candidates.enumerated().map { i, c in
      [
        "\(i + 1)", c.label + (front.contains(c.index) ? " *" : ""), formatFixed(c.score, digits: 4),
        IntervalFormat.percent(c["roi_mean"], c.intervals["roi_mean"]),
        IntervalFormat.percent(c["liquidation_probability"], c.intervals["liquidation_probability"]),
        IntervalFormat.percent(c["max_drawdown_p95"], c.intervals["max_drawdown_p95"]), c.deployable ? "yes" : "no",
        c.failedGates.isEmpty ? "-" : c.failedGates.map(\.detail).joined(separator: "; "),
      ]
    }
    let w = r.base.policy.weights
    let level = IntervalFormat.level(r.base.policy.gateConfidence)
    return ReportTable(
      title: "Candidates, ranked",
      header: [
        "rank", "candidate", "score", "roi_mean [\(level)%]", "liquidation [\(level)%]", "drawdown p95 [\(level)%]",
        "deployable", "gates not passed",
      ],
      rows: rows,
      note: "* on the Pareto front. Score = roi_mean - \(JSONText.number(w.liquidation))*liquidation - "
        + "\(JSONText.number(w.drawdown))*drawdown_p95 - \(JSONText.number(w.peg))*peg_deviation.",
      className: "data candidates")
  }

  /// Re-runs the top deployable candidate (or the top one when none is
  /// deployable) on its own paths with per-epoch bands, for the report's
  /// distribution charts. Same seed, same paths: the same numbers as in the sweep.
  public static func detailRun(_ r: SweepResult, options: RunOptions) throws -> (
    candidate: CandidateSummary, run: RunResult
  )? {
    guard let c = r.best(deployable: true) ?? r.best() else { return nil }
    let s = try r.base.with(c.assignments + [("paths", .number(Double(c.paths)))], origin: "report of \(c.label)")
    var o = options
    o.bandPaths = min(s.paths, bandPathLimit)
    return (c, try Runner.run(s, options: o))
  }

  /// Paths the fan chart's per-epoch bands are taken over, at most.
  public static let bandPathLimit = 5000
}
