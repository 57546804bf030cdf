extension RoutingScorecard {
  /// The block as a tree with stable snake_case names (JSON and Lua).
  public var tree: ConfigValue {
    func n(_ x: Double) -> ConfigValue { .number(x) }
    let poolRows: [ConfigValue] = pools.map { p in
      .object([
        "pool": .string(p.id), "base": .string(p.base), "quote": .string(p.quote),
        "origin_chain": n(Double(p.originChain)), "volume_usd": n(p.volume),
        "external_volume_usd": n(p.externalVolume),
        "capture": n(p.capture), "arbitrage_volume_usd": n(p.arbitrageVolume),
        "fee_income_usd": n(p.feeIncome),
        "churn": n(p.churn), "interventions": n(p.interventions),
        "intervention_cost": n(p.interventionCost),
        "peg_deviation_frequency": n(p.pegDeviationFrequency),
        "worst_price_deviation": n(p.worstPriceDeviation),
        "worst_price_deviation_p95": n(p.worstPriceDeviationP95),
        "mean_price_deviation": n(p.meanPriceDeviation),
      ])
    }
    // The peg pool's mid-price figures, under their name and the former one (an alias).
    let pegPoolMid: ConfigValue = .object([
      "frequency": n(pegDeviationFrequency), "worst": n(pegDeviationWorst),
      "pool": .string(pegPool), "band": n(pegBand), "definition": .string(PegMetric.poolMidDefinition),
    ])
    return .object([
      "graph": .string(graph), "graph_mode": .string(graphMode),
      "capture": n(capture), "churn": n(churn), "intervention_cost": n(interventionCost),
      "interventions": n(interventions), "fee_income": n(feeIncome), "pmm_volume": n(pmmVolume),
      "external_volume": n(externalVolume), "arbitrage_volume": n(arbitrageVolume),
      "unrouted_volume": n(unroutedVolume),
      PegMetric.poolMidName: pegPoolMid,
      PegMetric.poolMidLegacyName: pegPoolMid,
      "worst_pools": .object([
        "by_intervention_cost": .array(
          worstByInterventionCost.map {
            .object([
              "pool": .string(pools[$0].id), "intervention_cost": n(pools[$0].interventionCost),
            ])
          }),
        "by_price_deviation": .array(
          worstByPriceDeviation.map {
            .object([
              "pool": .string(pools[$0].id),
              "worst_price_deviation": n(pools[$0].worstPriceDeviation),
            ])
          }),
      ]),
      "pools": .array(poolRows),
    ])
  }
}
