/// A finished run: the scenario, every path's record and the scorecard.
public struct RunResult: Sendable {
  public let scenario: Scenario
  public let records: [PathRecord]
  public internal(set) var scorecard: Scorecard
  public let elapsedSeconds: Double
  public let threads: Int
  /// Per-epoch ROI quantiles, when the run was asked to keep them.
  public let bands: EpochBands?
  /// Every path's pool statistics, for runs that step a pool graph.
  public let routing: RoutingRecords?
  /// How a precision run (`--until`) ended; nil for a run of fixed paths.
  public var precision: PrecisionReport?
  /// The per-epoch state of the paths `RunOptions.tracePaths` named; nil when none.
  public var trace: PathTrace?
  /// The importance-sampling tilt the paths were drawn under (nil: a plain
  /// run), so that what is drawn again later (the shock epochs) is drawn alike.
  var importanceTilt: ImportanceTilt?

  public init(
    scenario: Scenario, records: [PathRecord], elapsedSeconds: Double, threads: Int, bands: EpochBands? = nil,
    routing: RoutingRecords? = nil
  ) {
    self.init(
      scenario: scenario, records: records,
      scorecard: Scorecard(scenario: scenario, records: records, routing: routing), elapsedSeconds: elapsedSeconds,
      threads: threads, bands: bands, routing: routing)
  }

  /// A run whose scorecard is already built (the weighted one of an importance-sampled run).
  init(
    scenario: Scenario, records: [PathRecord], scorecard: Scorecard, elapsedSeconds: Double, threads: Int,
    bands: EpochBands?, routing: RoutingRecords?
  ) {
    self.scenario = scenario
    self.records = records
    self.scorecard = scorecard
    self.elapsedSeconds = elapsedSeconds
    self.threads = threads
    self.bands = bands
    self.routing = routing
  }

  /// Names of the per-path arrays `column(_:)` serves.
  public static let columnNames = [
    "roi", "pnl", "max_drawdown", "liquidated", "external_liquidity_floor_violations",
    "volatility_throttle_events", "spread_adjustment_events", "deleverage_events", "peg_deviation_epochs", "bad_debt",
    "twr", "nav_max_drawdown", "redemptions_paid",
    "liquidation_epoch", "first_floor_violation_epoch",
  ]

  /// Names of every per-path array of this run: `columnNames`, then
  /// `shock_epoch_1` ... `shock_epoch_K` for the scenario's K shocks, then
  /// `weight` (each path's likelihood-ratio weight) when the run was importance
  /// sampled; a plain run has no `weight` array (every weight is 1).
  public var pathColumnNames: [String] {
    guard scenario.capital != nil else { return Self.columnNames }
    return Self.columnNames + shockColumnNames + (isImportanceSampled ? ["weight"] : [])
  }

  /// Whether the paths were drawn under an importance-sampling tilt (their weights are not all 1).
  public var isImportanceSampled: Bool { importanceTilt != nil }

  /// One per-path array by name, in path order; nil for an unknown name.
  public func column(_ name: String) -> [Double]? {
    switch name {
    case "roi": records.map(\.roi)
    case "pnl": records.map(\.pnl)
    case "max_drawdown": records.map(\.maxDrawdown)
    case "liquidated": records.map { $0.liquidated ? 1 : 0 }
    case "external_liquidity_floor_violations": records.map { Double($0.floorViolations) }
    case "volatility_throttle_events": records.map { Double($0.throttleEvents) }
    case "spread_adjustment_events": records.map { Double($0.spreadAdjustments) }
    case "deleverage_events": records.map { Double($0.deleverageEvents) }
    case "peg_deviation_epochs": records.map { Double($0.pegDeviationEpochs) }
    case "bad_debt": records.map(\.badDebt)
    case "twr": records.map(\.twr)
    case "nav_max_drawdown": records.map(\.navMaxDrawdown)
    case "redemptions_paid": records.map(\.redemptionsPaid)
    case "liquidation_epoch": records.map { Double($0.liquidationEpoch) }
    case "first_floor_violation_epoch": records.map { Double($0.firstFloorViolationEpoch) }
    case "weight" where isImportanceSampled: records.map(\.weight)
    default: shockEpochs(column: name)
    }
  }
}
