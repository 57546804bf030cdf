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

extension ScenarioSuite {
  /// `capscript table --format csv`: one row per scenario with a run's CSV
  /// columns (the capital figures, `roi_mean_stderr`, provenance, then the
  /// interval columns), after a `candidate` column that names a sweep's top
  /// deployable candidate (the top one when none is), whose figures the row holds.
  public static func summaryCSV(_ entries: [Entry]) -> String {
    let scalars = Scorecard.scalarFieldNames + ["roi_mean_stderr"]
    let provenance = ["seed", "paths", "epochs", "scenario_hash", "policy_hash"]
    var out = (["scenario", "candidate"] + scalars + provenance + IntervalColumns.names).joined(separator: ",") + "\n"
    for e in entries {
      let row: [String]
      switch e.outcome {
      case .run(let result):
        let card = result.scorecard
        guard card.hasCapital else { continue }
        row =
          [csvField(e.scenario.name), ""] + scalars.map { JSONText.number(card.scalar($0) ?? .nan) }
          + card.provenance.fields(provenance).map { csvField($0.text) } + IntervalColumns.cells(card)
      case .sweep(let result):
        guard let c = result.best(deployable: true) ?? result.best() else { continue }
        let p = Scorecard.Provenance(scenario: e.scenario, paths: c.paths)
        row =
          [csvField(e.scenario.name), csvField(c.label)] + scalars.map { JSONText.number(c[$0]) }
          + p.fields(provenance).map { csvField($0.text) }
          + IntervalColumns.cells(
            confidence: e.scenario.policy.gateConfidence, intervals: c.intervals, standardErrors: c.standardErrors)
      }
      out += row.joined(separator: ",") + "\n"
    }
    return out
  }

  /// A CSV field, quoted when it holds a comma, a quote or a line break.
  static func csvField(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
    return "\"" + s.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
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
      for w in check.warnings { note += "; WARNING \(w)" }
      if let r = c.routing {
        note +=
          "; routing: capture \(formatPercent(r.capture)), intervention cost \(formatUSD(r.interventionCost)) USD/path, "
          + "\(r.pegPool) mid off-peg \(formatPercent(r.pegDeviationFrequency)) of epochs (\(PegMetric.poolMidName))"
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
