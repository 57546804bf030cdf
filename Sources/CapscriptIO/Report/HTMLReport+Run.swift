public import SimCore

extension HTMLReport {
  /// The report of one run: scorecard against the gates, PnL histogram, ROI
  /// fan chart, drawdown distribution, and for a run that steps a pool graph
  /// the PMM health block and per-pool diagnostics. A routing-only run (no
  /// capital overlay) has the routing tables alone.
  public init(run result: RunResult) {
    let s = result.scenario
    let card = result.scorecard
    self.init(
      title: "capscript report: \(s.name)",
      subtitle: s.description.isEmpty ? "Monte Carlo run of \(s.name)." : s.description)
    if card.hasCapital {
      table(Self.scorecardTable(result))
      paragraph(Self.flowSummary(card))
      distributionCharts(result)
    } else {
      paragraph("A routing-only run: no capital overlay, so no ROI, PnL or drawdown; the pools' figures follow.")
    }
    if let routing = card.routing {
      table(routing.healthTable)
      table(routing.poolTable)
    }
    provenance = Self.provenance(card.provenance)
    if card.hasCapital {
      provenance.append(("roi_mean standard error", formatPercent(card.roiMeanStderr, digits: 3)))
    }
    provenance.append(
      (
        "threads / elapsed",
        "\(result.threads) / \(formatFixed(result.elapsedSeconds, digits: 2)) s (never changes the numbers)"
      ))
  }

  /// The provenance fields as footer rows, named in words ("scenario hash").
  static func provenance(_ p: Scorecard.Provenance) -> [(String, String)] {
    p.fields.map { (String($0.name.map { $0 == "_" ? " " : $0 }), $0.text) }
  }

  /// The PnL histogram, the fan chart (or why it is missing) and the drawdown
  /// distribution of one run.
  mutating func distributionCharts(_ result: RunResult, label: String = "") {
    let card = result.scorecard
    let q = Dictionary(uniqueKeysWithValues: card.pnlQuantiles.map { ($0.label, $0.value) })
    let pnl = HistogramChart(
      title: "PnL distribution\(label) (\(card.provenance.paths) paths)", xLabel: "PnL over the horizon (USD)",
      histogram: card.pnlHistogram, units: .usd,
      markers: ["p05", "p50", "p95"].compactMap { k in q[k].map { HistogramChart.Marker(label: k, value: $0) } },
      className: "histogram pnl")
    chart(
      "PnL histogram\(label)", pnl.svg,
      note: "\(card.pnlHistogram.counts.count) equal-width bins; dashed lines at p05, p50 and p95.",
      half: true)
    let dd = (result.column("max_drawdown") ?? []).sorted()
    let gate = result.scenario.policy.gates.maxDrawdownP95
    let check = GateReport(card, policy: result.scenario.policy).checks.first { $0.gate == "max_drawdown_p95" }
    let level = IntervalFormat.level(card.confidence.value)
    let drawdown = HistogramChart(
      title: "Per-path maximum drawdown\(label)", xLabel: "maximum drawdown",
      histogram: Self.histogram(sorted: dd, bins: 40, minimumWidth: 0.01), units: .fraction,
      markers: [
        .init(label: "p95 " + formatPercent(card.maxDrawdownP95), value: card.maxDrawdownP95),
        .init(label: "gate " + formatPercent(gate, digits: 0), value: gate, kind: "gate"),
      ],
      className: "histogram drawdown",
      band: check.flatMap { c in
        c.interval.map {
          .init(
            interval: $0, verdict: c.verdict.rawValue,
            label:
              "p95 \(level)% interval \(IntervalFormat.percent(card.maxDrawdownP95, $0)): \(c.verdict.rawValue) against the \(formatPercent(gate, digits: 0)) gate"
          )
        }
      })
    chart(
      "Drawdown distribution\(label)", drawdown.svg,
      note:
        "The gate is on the 95th percentile of the per-path maximum drawdown; the shaded band is its \(level)% interval, "
        + "green when the whole band is within the gate (pass), red when it is all beyond it (fail), amber when it straddles it (inconclusive).",
      half: true)
    if let bands = result.bands {
      chart(
        "ROI fan chart over epochs\(label)",
        FanChart(title: "ROI after each epoch: p05, p25-p75, p50, p95 (\(bands.paths) paths)", bands: bands).svg,
        note: "Quantiles across the first \(bands.paths) paths at each epoch.")
    } else {
      paragraph(
        "ROI fan chart\(label): the run kept no per-epoch bands (ask for them with --report or cap.run(s, {bands = true}))."
      )
    }
  }

  /// Equal-width bins over [min, max], or over [min, min + minimumWidth] when
  /// every value is the same (e.g. no path has any drawdown).
  /// - Complexity: O(n).
  static func histogram(sorted values: [Double], bins: Int, minimumWidth: Double) -> Histogram {
    var h = Histogram(sorted: values, bins: bins)
    guard let lo = values.first, let hi = values.last, !(hi - lo > 1e-12) else { return h }
    let width = minimumWidth / Double(bins)
    h.edges = (0...bins).map { lo + Double($0) * width }
    h.counts = Array(repeating: 0, count: bins)
    for v in values { h.counts[min(Int((v - lo) / width), bins - 1)] += 1 }
    return h
  }

  /// Every scalar of the scorecard with its gate and verdict.
  static func scorecardTable(_ result: RunResult) -> ReportTable {
    let card = result.scorecard
    let report = GateReport(card, policy: result.scenario.policy)
    let checks = Dictionary(uniqueKeysWithValues: report.checks.map { ($0.gate, $0) })
    let fractions: Set<String> = [
      "roi_mean", "roi_p05", "roi_p95", "max_drawdown_p95", "liquidation_probability", "peg_deviation_frequency",
      "bad_debt_probability", "twr_mean", "twr_p05", "twr_p95", "nav_drawdown_p95", Scorecard.marketMakingShareName,
    ]
    var rows: [[String]] = []
    for name in Scorecard.scalarFieldNames {
      let v = card.scalar(name) ?? .nan
      let ci = card.intervals[name]
      // USD tail losses to the dollar when a side is unbounded, other figures to 3 decimals.
      let usd = name.hasPrefix("pnl_") && !name.hasSuffix("_of_capital")
      let text =
        fractions.contains(name)
        ? IntervalFormat.percent(v, ci) : IntervalFormat.number(v, ci, fallback: usd ? 0 : 3)
      var gate = "-"
      var verdict = "-"
      if let check = checks[name] {
        gate = "<= " + (fractions.contains(name) ? formatPercent(check.limit) : JSONText.number(check.limit))
        verdict = check.verdict == .fail ? "FAIL" : check.verdict.rawValue
      }
      rows.append([name, text, gate, verdict])
    }
    for term in card.pnlAttribution.terms {
      let ci = card.attributionIntervals[term.name]
      rows.append([
        "pnl_attribution." + term.name, IntervalFormat.number(term.value, ci, fallback: 0) + " USD", "-", "-",
      ])
    }
    let level = IntervalFormat.level(card.confidence.value)
    return ReportTable(
      title: "Scorecard", header: ["field", "value [\(level)% interval]", "gate", "verdict"], rows: rows,
      note: (report.passed
        ? "Every policy gate passes."
        : "Gates not passed: " + report.failures.map(\.detail).joined(separator: "; ") + ".")
        + " A gate passes when its whole interval is within the limit, fails when the whole interval is beyond it, "
        + "and is inconclusive otherwise; each figure shows only the digits its interval supports. "
        + "\(PegMetric.overlayName): \(PegMetric.overlayDefinition).",
      className: "data scorecard")
  }
}
