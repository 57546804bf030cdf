public import SimCore

/// Scorecards as OpenMetrics text for the operations dashboard: one gauge
/// family per dashboard metric, every sample labelled by scenario, HELP and
/// TYPE (and UNIT where the name carries one) before each family, `# EOF` last.
/// A figure with an interval is followed by its bounds as two more families,
/// `<name>_lower_<unit>` and `<name>_upper_<unit>`, whose samples carry the
/// point's labels exactly (so `x_upper_ratio - x_ratio` matches one to one),
/// and `capscript_interval_confidence_ratio` gives their level.
public enum OpenMetrics {
  /// One run to export.
  public struct Entry: Sendable {
    public var result: RunResult
    public init(_ result: RunResult) { self.result = result }
    var card: Scorecard { result.scorecard }
  }

  typealias Samples = @Sendable (Entry) -> [([(String, String)], Double)]
  /// The interval of each sample of a family, in the order of its samples (nil: none).
  typealias Bounds = @Sendable (Entry) -> [Interval?]

  /// Which end of an interval a bound family exports.
  enum Bound: String, Sendable, CaseIterable {
    case lower, upper
  }

  struct Family: Sendable {
    var name: String
    var help: String
    var unit: String?
    /// Labels after `scenario`, and the value, per entry (none: no sample).
    var samples: Samples
    /// The intervals of the samples, exported as the `_lower` and `_upper` families.
    var bounds: Bounds?

    /// A family; with `bounds`, its `_lower` and `_upper` families follow it in the text.
    init(name: String, help: String, unit: String? = nil, samples: @escaping Samples, bounds: Bounds? = nil) {
      self.name = name
      self.help = help
      self.unit = unit
      self.samples = samples
      self.bounds = bounds
    }

    /// The family of one bound: the same labels, the bound as the value.
    func bound(_ side: Bound) -> Family? {
      guard let bounds else { return nil }
      let samples = samples
      return Family(
        name: OpenMetrics.boundName(name, unit: unit, side),
        help: "\(side == .lower ? "Lower" : "Upper") bound of the confidence interval of \(name) "
          + "(two-sided, level in capscript_interval_confidence_ratio). \(help)",
        unit: unit
      ) { e in
        zip(samples(e), bounds(e)).compactMap { sample, interval in
          interval.map { (sample.0, side == .lower ? $0.lower : $0.upper) }
        }
      }
    }
  }

  /// `capscript_x_ratio` -> `capscript_x_lower_ratio`: the bound goes before
  /// the unit, which OpenMetrics requires to end the name.
  static func boundName(_ name: String, unit: String?, _ side: Bound) -> String {
    guard let unit, name.hasSuffix("_" + unit) else { return name + "_" + side.rawValue }
    return String(name.dropLast(unit.count + 1)) + "_" + side.rawValue + "_" + unit
  }

  /// The name of the `side` bound family of the exported family `name`.
  public static func boundMetric(_ name: String, _ side: String) -> String? {
    guard let bound = Bound(rawValue: side), let f = families.first(where: { $0.name == name }), f.bounds != nil
    else { return nil }
    return boundName(name, unit: f.unit, bound)
  }

  /// The interval of one capital scorecard field, one per run with the overlay.
  static func interval(_ field: String) -> Bounds {
    { $0.card.hasCapital ? [$0.card.intervals[field]] : [] }
  }

  /// One sample per run that has the capital overlay.
  static func capital(_ f: @escaping @Sendable (Scorecard) -> Double) -> Samples {
    { $0.card.hasCapital ? [([], f($0.card))] : [] }
  }

  /// One sample per run that steps a pool graph.
  static func pmm(_ f: @escaping @Sendable (RoutingScorecard) -> Double) -> Samples {
    { e in e.card.routing.map { [([], f($0))] } ?? [] }
  }

  /// The exported families, in output order. Capital figures appear for runs
  /// with the capital overlay, `capscript_pmm_*` for runs that step a pool graph.
  static let families: [Family] = [
    Family(
      name: "capscript_roi_ratio", help: "ROI over the horizon across paths: mean, p05 and p95 (the ROI band).",
      unit: "ratio",
      samples: { e in
        guard e.card.hasCapital else { return [] }
        return [
          ([("statistic", "mean")], e.card.roiMean), ([("statistic", "p05")], e.card.roiP05),
          ([("statistic", "p95")], e.card.roiP95),
        ]
      },
      bounds: { e in e.card.hasCapital ? ["roi_mean", "roi_p05", "roi_p95"].map { e.card.intervals[$0] } : [] }),
    Family(
      name: "capscript_roi_mean_stderr_ratio", help: "Standard error of the mean ROI (Monte Carlo noise).",
      unit: "ratio",
      samples: capital { $0.roiMeanStderr }),
    Family(
      name: "capscript_max_drawdown_p95_ratio", help: "95th percentile of the per-path maximum drawdown.",
      unit: "ratio",
      samples: capital { $0.maxDrawdownP95 }, bounds: interval("max_drawdown_p95")),
    Family(
      name: "capscript_liquidation_probability_ratio", help: "Share of paths with a liquidation.", unit: "ratio",
      samples: capital { $0.liquidationProbability },
      bounds: interval("liquidation_probability")),
    Family(
      name: "capscript_external_liquidity_floor_violations",
      help: "Mean epochs per path with external liquidity below the policy floor.",
      samples: capital { $0.externalLiquidityFloorViolations },
      bounds: interval("external_liquidity_floor_violations")),
    Family(
      name: "capscript_peg_deviation_frequency_ratio",
      help: "Peg defense: share of path-epochs with the peg outside the policy band.", unit: "ratio",
      samples: capital { $0.pegDeviationFrequency }, bounds: interval("peg_deviation_frequency")),
    Family(
      name: "capscript_intervention_drag_usd",
      help: "Peg defense: mean intervention drag per path in USD (a cost, so negative).", unit: "usd",
      samples: capital { $0.pnlAttribution.interventionDrag },
      bounds: { $0.card.hasCapital ? [$0.card.attributionIntervals["intervention_drag"]] : [] }),
    Family(
      name: "capscript_volatility_throttle_events", help: "Mean volatility throttle events per path.",
      samples: capital { $0.volatilityThrottleEvents }, bounds: interval("volatility_throttle_events")),
    Family(
      name: "capscript_spread_adjustment_events", help: "Mean spread changes per path.",
      samples: capital { $0.spreadAdjustmentEvents }, bounds: interval("spread_adjustment_events")),
    Family(
      name: "capscript_deleverage_events", help: "Mean deleverage events per path.",
      samples: capital { $0.deleverageEvents }, bounds: interval("deleverage_events")),
    Family(name: "capscript_leverage", help: "Leverage the scenario runs at (a multiple of capital).") { e in
      e.result.scenario.capital.map { [([], $0.leverage)] } ?? []
    },
    Family(
      name: "capscript_interval_confidence_ratio",
      help: "Two-sided confidence level of every _lower and _upper bound (the policy's gateConfidence).",
      unit: "ratio",
      samples: capital { $0.confidence.value }),
    Family(name: "capscript_policy_gates_passed", help: "1 when the run passes every policy gate, 0 when any fails.") {
      e in
      e.card.hasCapital ? [([], GateReport(e.card, policy: e.result.scenario.policy).passed ? 1 : 0)] : []
    },
    Family(
      name: "capscript_pmm_capture_ratio", help: "PMM health: PMM order volume over PMM plus external order volume.",
      unit: "ratio",
      samples: pmm { $0.capture }),
    Family(
      name: "capscript_pmm_churn", help: "PMM health: mean inventory turnover per epoch across pools.",
      samples: pmm { $0.churn }),
    Family(
      name: "capscript_pmm_intervention_cost_usd", help: "PMM health: intervention cost per path in USD.", unit: "usd",
      samples: pmm { $0.interventionCost }),
    Family(
      name: "capscript_pmm_interventions", help: "PMM health: interventions per path.",
      samples: pmm { $0.interventions }),
    Family(
      name: "capscript_pmm_peg_deviation_frequency_ratio",
      help: "PMM health: share of path-epochs with the peg pool outside the peg band.",
      unit: "ratio"
    ) { e in
      e.card.routing.map { [([("pool", $0.pegPool)], $0.pegDeviationFrequency)] } ?? []
    },
    Family(
      name: "capscript_pmm_worst_pool_intervention_cost_usd",
      help: "PMM health: the worst pool by intervention cost, and its cost per path in USD.",
      unit: "usd"
    ) { e in
      e.card.routing?.worstPoolByCost.map { [([("pool", $0.id)], $0.interventionCost)] } ?? []
    },
    Family(
      name: "capscript_pmm_worst_pool_price_deviation_ratio",
      help: "PMM health: the worst pool by largest price deviation, and that deviation.",
      unit: "ratio"
    ) { e in
      e.card.routing?.worstPoolByDeviation.map { [([("pool", $0.id)], $0.worstPriceDeviation)] } ?? []
    },
    Family(
      name: "capscript_pmm_pool_intervention_cost_usd", help: "PMM health: intervention cost per path in USD, by pool.",
      unit: "usd"
    ) { e in
      e.card.routing?.pools.map { ([("pool", $0.id)], $0.interventionCost) } ?? []
    },
    Family(
      name: "capscript_pmm_pool_peg_deviation_frequency_ratio",
      help: "PMM health: share of epochs with the pool's price outside the peg band, by pool.",
      unit: "ratio"
    ) { e in
      e.card.routing?.pools.map { ([("pool", $0.id)], $0.pegDeviationFrequency) } ?? []
    },
    Family(
      name: "capscript_run_provenance",
      help: "Provenance of the exported run (value 1): hashes, seed, paths, epochs, model version."
    ) { e in
      let labels = e.card.provenance.fields.filter { $0.name != "scenario" }.map { ($0.name, $0.text) }
      return [(labels, 1)]
    },
  ]

  /// The exposition of `entries`, family by family.
  /// - Complexity: O(families × entries).
  public static func text(_ entries: [Entry]) -> String {
    var out = ""
    for f in families.flatMap({ f in [f] + Bound.allCases.compactMap(f.bound) }) {
      let rows = entries.flatMap { e in f.samples(e).map { ([("scenario", e.result.scenario.name)] + $0.0, $0.1) } }
      if rows.isEmpty { continue }
      out += "# TYPE \(f.name) gauge\n"
      if let unit = f.unit { out += "# UNIT \(f.name) \(unit)\n" }
      out += "# HELP \(f.name) \(f.help)\n"
      for (labels, value) in rows {
        let l = labels.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",")
        out += "\(f.name){\(l)} \(number(value))\n"
      }
    }
    return out + "# EOF\n"
  }

  /// A label value with `\`, `"` and newlines escaped.
  static func escape(_ s: String) -> String {
    var out = ""
    for c in s {
      switch c {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      default: out.append(c)
      }
    }
    return out
  }

  /// A sample value: shortest round-trip decimal, or NaN / +Inf / -Inf.
  static func number(_ x: Double) -> String {
    if x.isNaN { return "NaN" }
    if x.isInfinite { return x > 0 ? "+Inf" : "-Inf" }
    return x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
  }
}
