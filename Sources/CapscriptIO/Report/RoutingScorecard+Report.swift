import SimCore

extension RoutingScorecard {
  /// The worst pool by intervention cost, if the graph has pools.
  var worstPoolByCost: Pool? { worstByInterventionCost.first.map { pools[$0] } }
  /// The worst pool by largest |P/i - 1|, if the graph has pools.
  var worstPoolByDeviation: Pool? { worstByPriceDeviation.first.map { pools[$0] } }

  /// The PMM health headline figures of the HTML report.
  var healthTable: ReportTable {
    var rows: [[String]] = [
      ["capture", formatPercent(capture)],
      ["churn (per epoch)", formatFixed(churn, digits: 4)],
      ["intervention_cost (USD per path)", formatUSD(interventionCost)],
      ["interventions (per path)", formatFixed(interventions, digits: 2)],
      ["fee_income (USD per path)", formatUSD(feeIncome)],
      ["peg_pool_mid_deviation.frequency (\(pegPool) mid)", formatPercent(pegDeviationFrequency)],
      ["peg_pool_mid_deviation.worst (\(pegPool) mid)", formatPercent(pegDeviationWorst, digits: 3)],
    ]
    if let w = worstPoolByCost {
      rows.append(["worst pool by intervention cost", "\(w.id) (\(formatUSD(w.interventionCost)) USD)"])
    }
    if let w = worstPoolByDeviation {
      rows.append(["worst pool by |P/i-1|", "\(w.id) (\(formatPercent(w.worstPriceDeviation, digits: 3)))"])
    }
    return ReportTable(
      title: "PMM health (graph \(graph), \(graphMode))", header: ["field", "value"], rows: rows,
      note:
        "USD figures are means per path over the run; the peg band is ±\(formatPercent(pegBand)). "
        + "peg_pool_mid_deviation: \(PegMetric.poolMidDefinition). The scorecard's \(PegMetric.overlayName) is another "
        + "price: \(PegMetric.overlayDefinition).",
      className: "data health")
  }

  /// The per-pool diagnostics table of the HTML report, in graph order.
  var poolTable: ReportTable {
    let worst = Set(worstByInterventionCost.prefix(1) + worstByPriceDeviation.prefix(1))
    let rows: [[String]] = pools.enumerated().map { i, p in
      [
        p.id + (worst.contains(i) ? " (worst)" : ""), "\(p.base)/\(p.quote)", String(p.originChain),
        formatUSD(p.volume), formatPercent(p.capture), formatUSD(p.feeIncome),
        formatFixed(p.churn, digits: 4),
        formatFixed(p.interventions, digits: 2), formatUSD(p.interventionCost),
        formatPercent(p.pegDeviationFrequency),
        formatPercent(p.worstPriceDeviation, digits: 3),
      ]
    }
    return ReportTable(
      title: "Per-pool diagnostics",
      header: [
        "pool", "pair", "origin chain", "volume USD", "capture", "fees USD", "churn", "interventions",
        "intervention cost USD",
        "epochs over band", "worst |P/i-1|",
      ],
      rows: rows, note: "Per path, over the run. (worst): first by intervention cost or by worst price deviation.",
      className: "data pools")
  }
}
