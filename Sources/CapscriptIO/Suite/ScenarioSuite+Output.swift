import SimCore

extension ScenarioSuite {
  /// The pass/fail table of `capscript validate` and its closing line.
  public static func validationText(_ entries: [Entry]) -> String {
    let rows = [["scenario", "result", "roi_mean", "liq_prob", "dd_p95", "notes"]] + entries.map(\.validationRow)
    let failed = entries.filter { !$0.check.passed && !$0.check.inconclusive }.count
    let undecided = entries.filter(\.check.inconclusive).count
    var closing =
      failed == 0
      ? "validate: \(entries.count - undecided) scenario(s) pass"
      : "validate: \(failed) of \(entries.count) scenario(s) FAIL"
    if undecided > 0 { closing += ", \(undecided) INCONCLUSIVE (more paths would decide them)" }
    return TextTable(rows, trimsLines: true).text + "\n" + closing
  }

  /// The "latest local run" Markdown table of `capscript table`, with the
  /// line that says how to regenerate it.
  public static func summaryMarkdown(_ entries: [Entry]) -> String {
    let header = ["scenario", "ROI mean", "liquidation probability", "p95 drawdown", "notes"]
    let seeds = Set(entries.map(\.scenario.seed)).sorted().map(String.init).joined(separator: ", ")
    return TextTable.markdown(header: header, rows: entries.map(\.summaryRow))
      + "\nRegenerate with `capscript table` (seed \(seeds), \(Scorecard.modelVersion)).\n"
  }
}

extension ScenarioSuite.Entry {
  /// The row of `capscript validate`: result, headline figures, notes.
  public var validationRow: [String] {
    let name = scenario.name
    let verdict = check.passed ? "pass" : check.inconclusive ? "UNDECIDED" : "FAIL"
    let failures = check.failures.joined(separator: "; ")
    switch outcome {
    case .sweep(let result):
      let best = result.best(deployable: true)
      return [
        name, verdict, best.map { formatPercent($0["roi_mean"]) } ?? "-",
        best.map { formatPercent($0["liquidation_probability"]) } ?? "-",
        best.map { formatPercent($0["max_drawdown_p95"]) } ?? "-",
        check.passed ? "sweep of \(result.candidates.count); top deployable \(best?.label ?? "-")" : failures,
      ]
    case .run(let result):
      let c = result.scorecard
      let holds = "gates and expectations hold"
      var note = check.passed ? holds : failures
      if let r = c.routing {
        note +=
          "; routing: capture \(formatPercent(r.capture)), intervention cost \(formatUSD(r.interventionCost)) USD/path, "
          + "\(r.pegPool) off-peg \(formatPercent(r.pegDeviationFrequency)) of epochs"
      }
      guard c.hasCapital else { return [name, verdict, "-", "-", "-", "routing only" + note.dropFirst(holds.count)] }
      return [
        name, verdict, formatPercent(c.roiMean), formatPercent(c.liquidationProbability),
        formatPercent(c.maxDrawdownP95), note,
      ]
    }
  }

  /// The row of the "latest local run" table: headline figures and notes.
  public var summaryRow: [String] {
    switch outcome {
    case .sweep(let result):
      guard let best = result.best(deployable: true) else {
        return [scenario.name, "-", "-", "-", "no deployable candidate"]
      }
      let blocked = result.candidates.filter { !$0.deployable }.map {
        CandidateSummary.text($0.assignments.first?.value ?? .null)
      }
      return [
        scenario.name + " (top deployable: \(best.label))", formatPercent(best["roi_mean"]),
        formatPercent(best["liquidation_probability"]), formatPercent(best["max_drawdown_p95"]),
        "optimizer; \(result.candidates.count) candidates, not deployable: \(blocked.joined(separator: ", "))",
      ]
    case .run(let result):
      let c = result.scorecard
      return [
        scenario.name, formatPercent(c.roiMean), formatPercent(c.liquidationProbability),
        formatPercent(c.maxDrawdownP95),
        (check.passed ? "gates pass" : check.failures.joined(separator: "; ")) + "; \(scenario.paths) paths",
      ]
    }
  }
}
