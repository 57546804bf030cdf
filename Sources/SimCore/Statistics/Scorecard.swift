/// The scorecard of MODEL.md section 4: stable snake_case field names shared by
/// JSON, CSV and Lua, with the run's provenance.
public struct Scorecard: Sendable {
  public var roiMean: Double
  public var roiP05: Double
  public var roiP95: Double
  /// Standard error of `roiMean` (sample standard deviation / sqrt(paths)).
  public var roiMeanStderr: Double
  public var pnlQuantiles: [(label: String, value: Double)]
  public var pnlHistogram: Histogram
  public var maxDrawdownP95: Double
  public var liquidationProbability: Double
  public var pegDeviationFrequency: Double
  public var externalLiquidityFloorViolations: Double
  public var volatilityThrottleEvents: Double
  public var spreadAdjustmentEvents: Double
  public var deleverageEvents: Double
  /// Mean PnL per term in USD.
  public var pnlAttribution: Attribution
  public var provenance: Provenance
  /// Whether the scenario has the capital overlay; a routing-only scorecard
  /// reports its routing block alone, and its capital fields are not defined.
  public var hasCapital: Bool
  /// The PMM health block of a run that steps a pool graph.
  public var routing: RoutingScorecard?
  /// Value at risk and expected shortfall of the loss (-PnL, USD) at 95, 99 and
  /// 99.9%, by field name (`pnl_var_99`, `pnl_es_99`, and `_of_capital` as a fraction of T0).
  public var tailRisk: [String: Double] = [:]
  // The bad-debt block, set by `setBadDebt`: of the per-path bad debt
  // (`PathRecord.badDebt`, debt the collateral did not cover at liquidation, USD).
  /// The share of paths with any bad debt.
  public var badDebtProbability: Double = .nan
  /// The mean bad debt per path, USD.
  public var badDebtMean: Double = .nan
  /// The 95% value at risk of the per-path bad debt, USD (`TailRisk`'s convention).
  public var badDebtVaR95: Double = .nan
  /// The 99% expected shortfall of the per-path bad debt, USD (`TailRisk`'s estimator).
  public var badDebtES99: Double = .nan
  /// The flow-adjusted fields by name (`flowFieldNames`), set by `setFlows`.
  public var flows: [String: Double] = [:]
  /// Market making's share of the gross return (yield + market making), set by
  /// `setMarketMakingShare`; NaN in a routing-only run.
  public var marketMakingShare: Double = .nan
  /// The capital parameters the run was made with (nil: routing-only), so the
  /// policy's limits on them (the target spread band) are held against the run.
  public var capitalInputs: CapitalParameters?
  /// The confidence level of `intervals` (the policy's `gateConfidence`).
  public var confidence: ConfidenceLevel = .standard
  /// The interval of every scalar field at `confidence` (docs/INTERVALS.md says which estimator).
  public var intervals: [String: Interval] = [:]
  /// The standard error of the mean-type scalar fields.
  public var standardErrors: [String: Double] = [:]
  /// The interval of each PnL attribution term (mean USD per path).
  public var attributionIntervals: [String: Interval] = [:]
  /// Set on an importance-sampled run: every field above is then the weighted
  /// estimate (`Scorecard+Importance`), and these say how far to trust it.
  public var importance: ImportanceDiagnostics?

  public static let modelVersion = "capscript-model 1.0"
  public static let pnlQuantileLevels: [(String, Double)] = [
    ("p01", 0.01), ("p05", 0.05), ("p10", 0.10), ("p25", 0.25), ("p50", 0.50), ("p75", 0.75),
    ("p90", 0.90), ("p95", 0.95), ("p99", 0.99),
  ]
  /// The scalar fields, by scorecard name (what `expect` and gates may name).
  public static let scalarFieldNames =
    [
      "roi_mean", "roi_p05", "roi_p95", "max_drawdown_p95", "liquidation_probability",
      "peg_deviation_frequency", "external_liquidity_floor_violations", "volatility_throttle_events",
      "spread_adjustment_events", "deleverage_events",
    ] + TailRisk.scorecardFieldNames + badDebtFieldNames + flowFieldNames
    + [marketMakingShareName]

  public struct Provenance: Sendable {
    public var scenario: String
    /// The scenario's content hash, computed when first read (`ContentHashMemo`).
    public var scenarioHash: String {
      get { scenarioHashMemo.value }
      set { scenarioHashMemo = ContentHashMemo(fixed: newValue) }
    }
    var scenarioHashMemo: ContentHashMemo
    public var policyHash: String
    public var seed: UInt64
    public var paths: Int
    public var epochs: Int
    public var modelVersion: String
    /// The overrides the scenario was derived with (`FIELD=JSON`), in order.
    public var overrides: [String] = []
  }

  /// Summarises per-path records, always in path order (deterministic sums).
  /// - Complexity: O(paths × log paths) for the sorts.
  public init(scenario: Scenario, records: [PathRecord], routing: RoutingRecords? = nil) {
    hasCapital = scenario.capital != nil
    capitalInputs = scenario.capital
    self.routing = routing.map { RoutingScorecard($0, pegBand: scenario.policy.pegBand) }
    let n = Double(records.count)
    let roi = records.map(\.roi)
    let mean = roi.reduce(0, +) / n
    let variance = records.count > 1 ? roi.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
    let sortedRoi = roi.sorted()
    let sortedPnl = records.map(\.pnl).sorted()
    roiMean = mean
    roiP05 = Quantiles.sorted(sortedRoi, 0.05)
    roiP95 = Quantiles.sorted(sortedRoi, 0.95)
    roiMeanStderr = (variance / n).squareRoot()
    pnlQuantiles = Self.pnlQuantileLevels.map { ($0.0, Quantiles.sorted(sortedPnl, $0.1)) }
    pnlHistogram = Histogram(sorted: sortedPnl, bins: 40)
    let sortedDrawdown = records.map(\.maxDrawdown).sorted()
    maxDrawdownP95 = Quantiles.sorted(sortedDrawdown, 0.95)
    let liquidated = records.reduce(0) { $0 + ($1.liquidated ? 1 : 0) }
    liquidationProbability = Double(liquidated) / n
    pegDeviationFrequency =
      Double(records.reduce(0) { $0 + Int($1.pegDeviationEpochs) }) / (n * Double(scenario.epochs))
    func meanCount(_ f: (PathRecord) -> Int32) -> Double {
      Double(records.reduce(0) { $0 + Int(f($1)) }) / n
    }
    externalLiquidityFloorViolations = meanCount(\.floorViolations)
    volatilityThrottleEvents = meanCount(\.throttleEvents)
    spreadAdjustmentEvents = meanCount(\.spreadAdjustments)
    deleverageEvents = meanCount(\.deleverageEvents)
    var att = Attribution()
    for r in records {
      att.yield += r.attribution.yield
      att.marketMaking += r.attribution.marketMaking
      att.volatilityDrag += r.attribution.volatilityDrag
      att.interventionDrag += r.attribution.interventionDrag
      att.redemptionDrag += r.attribution.redemptionDrag
      att.liquidationLoss += r.attribution.liquidationLoss
      att.deleverageCost += r.attribution.deleverageCost
    }
    att.yield /= n
    att.marketMaking /= n
    att.volatilityDrag /= n
    att.interventionDrag /= n
    att.redemptionDrag /= n
    att.liquidationLoss /= n
    att.deleverageCost /= n
    pnlAttribution = att
    provenance = Provenance(scenario: scenario, paths: records.count)
    guard hasCapital, !records.isEmpty else { return }
    confidence = ConfidenceLevel(scenario.policy.gateConfidence) ?? .standard
    // Sized once: a sweep builds one scorecard per candidate, and growing these costs more than filling them.
    intervals.reserveCapacity(Self.scalarFieldNames.count)
    standardErrors.reserveCapacity(Self.scalarFieldNames.count)
    tailRisk.reserveCapacity(TailRisk.scorecardFieldNames.count)
    flows.reserveCapacity(Self.flowFieldNames.count)
    attributionIntervals.reserveCapacity(Attribution.termCount)
    setTailRisk(sortedLosses: sortedPnl.reversed().map { -$0 }, capital: scenario.capital?.capital ?? .nan)
    setIntervals(
      records: records, sortedRoi: sortedRoi, sortedDrawdown: sortedDrawdown, liquidated: liquidated,
      epochs: scenario.epochs)
    setBadDebt(records: records)
    setFlows(records: records)
    setMarketMakingShare(records: records)
  }

  /// Every capital scalar field (`scalarFieldNames`) and `roi_mean_stderr` by
  /// name, each as `scalar(_:)` reads it (a field it reads as nil is left out;
  /// empty in a routing-only run), without matching each name.
  /// - Complexity: O(fields): one dictionary insertion per field.
  public var capitalScalars: [String: Double] {
    guard hasCapital else { return [:] }
    var out = [String: Double](minimumCapacity: Self.scalarFieldNames.count + 1)
    out["roi_mean"] = roiMean
    out["roi_p05"] = roiP05
    out["roi_p95"] = roiP95
    out["roi_mean_stderr"] = roiMeanStderr
    out["max_drawdown_p95"] = maxDrawdownP95
    out["liquidation_probability"] = liquidationProbability
    out["peg_deviation_frequency"] = pegDeviationFrequency
    out["external_liquidity_floor_violations"] = externalLiquidityFloorViolations
    out["volatility_throttle_events"] = volatilityThrottleEvents
    out["spread_adjustment_events"] = spreadAdjustmentEvents
    out["deleverage_events"] = deleverageEvents
    out["bad_debt_probability"] = badDebtProbability
    out["bad_debt_mean"] = badDebtMean
    out["bad_debt_var_95"] = badDebtVaR95
    out["bad_debt_es_99"] = badDebtES99
    out[Self.marketMakingShareName] = marketMakingShare
    for name in TailRisk.scorecardFieldNames { out[name] = tailRisk[name] ?? flows[name] }
    for name in Self.flowFieldNames { out[name] = tailRisk[name] ?? flows[name] }
    return out
  }

  /// A scalar field by its scorecard name: a capital field (nil in a
  /// routing-only run), or `routing.NAME` for the routing block's scalars.
  public func scalar(_ name: String) -> Double? {
    if name.hasPrefix("routing.") { return routing?.scalar(String(name.dropFirst("routing.".count))) }
    guard hasCapital else { return nil }
    return switch name {
    case "roi_mean": roiMean
    case "roi_p05": roiP05
    case "roi_p95": roiP95
    case "roi_mean_stderr": roiMeanStderr
    case "max_drawdown_p95": maxDrawdownP95
    case "liquidation_probability": liquidationProbability
    case "peg_deviation_frequency": pegDeviationFrequency
    case "external_liquidity_floor_violations": externalLiquidityFloorViolations
    case "volatility_throttle_events": volatilityThrottleEvents
    case "spread_adjustment_events": spreadAdjustmentEvents
    case "deleverage_events": deleverageEvents
    case "bad_debt_probability": badDebtProbability
    case "bad_debt_mean": badDebtMean
    case "bad_debt_var_95": badDebtVaR95
    case "bad_debt_es_99": badDebtES99
    case Self.marketMakingShareName: marketMakingShare
    default: tailRisk[name] ?? flows[name]
    }
  }
}
