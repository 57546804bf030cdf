public import SimCore

extension RoutingScorecard {
  /// The block as readable text: headline figures, worst pools, and the
  /// per-pool diagnostics table.
  public var table: String {
    let rows: [[String]] = [
      ["capture", formatPercent(capture)],
      ["churn", formatFixed(churn, digits: 4) + " per epoch"],
      [
        "intervention_cost",
        formatUSD(interventionCost) + " USD (" + formatFixed(interventions, digits: 2) + " interventions)",
      ],
      ["fee_income", formatUSD(feeIncome) + " USD"],
      [
        "volume pmm / external / arbitrage",
        "\(formatUSD(pmmVolume)) / \(formatUSD(externalVolume)) / \(formatUSD(arbitrageVolume)) USD",
      ],
      [
        PegMetric.poolMidName,
        "\(formatPercent(pegDeviationFrequency)) of epochs with \(pegPool)'s mid price outside ±\(formatPercent(pegBand)), before intervention (worst \(formatPercent(pegDeviationWorst, digits: 3))); not the overlay's \(PegMetric.overlayName)",
      ],
      [
        "worst_pools by intervention_cost",
        worstByInterventionCost.map { "\(pools[$0].id) \(formatUSD(pools[$0].interventionCost))" }
          .joined(separator: ", "),
      ],
      [
        "worst_pools by |P/i-1|",
        worstByPriceDeviation.map { "\(pools[$0].id) \(formatPercent(pools[$0].worstPriceDeviation, digits: 3))" }
          .joined(separator: ", "),
      ],
    ]
    let header = [
      "pool", "origin", "volume_usd", "capture", "fees_usd", "churn", "interv.", "cost_usd", "over_band", "worst_dev",
      "p95_worst",
    ]
    var cells = [header]
    for p in pools {
      cells.append([
        p.id, String(p.originChain), formatUSD(p.volume), formatPercent(p.capture), formatUSD(p.feeIncome),
        formatFixed(p.churn, digits: 4),
        formatFixed(p.interventions, digits: 2), formatUSD(p.interventionCost), formatPercent(p.pegDeviationFrequency),
        formatPercent(p.worstPriceDeviation, digits: 3), formatPercent(p.worstPriceDeviationP95, digits: 3),
      ])
    }
    let right = [TextTable.Alignment.left] + Array(repeating: .right, count: header.count - 1)
    return "routing  (graph \(graph), \(graphMode), \(pools.count) pools; USD per path)\n"
      + TextTable(rows, indent: "  ", padsLastColumn: false).text + "\nper-pool diagnostics\n"
      + TextTable(cells, alignments: right, indent: "  ").text
  }

  /// The per-pool diagnostics as a Markdown table (the headline scalars are
  /// in the scorecard's own field table as `routing.*`).
  public var markdown: String {
    func f(_ x: Double) -> String { formatFixed(x, digits: 4) }
    let header = [
      "pool", "origin", "volume_usd", "capture", "fee_income_usd", "churn", "interventions", "intervention_cost",
      "peg_deviation_frequency", "worst_price_deviation",
    ]
    let rows = pools.map { p in
      [
        p.id, String(p.originChain), formatUSD(p.volume), f(p.capture), formatUSD(p.feeIncome), f(p.churn),
        f(p.interventions), formatUSD(p.interventionCost), f(p.pegDeviationFrequency), f(p.worstPriceDeviation),
      ]
    }
    return "\nPer-pool diagnostics (graph `\(graph)`, \(graphMode); USD per path; peg pool `\(pegPool)`):\n\n"
      + TextTable.markdown(header: header, rows: rows)
  }
}
