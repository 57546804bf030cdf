import Testing

@testable import CapscriptIO
@testable import SimCore

/// Whole runs of the pool graph: the bridge halt, determinism, the coupling
/// with the capital overlay, calibration.
@Suite struct RoutingRunTests {
  static func pools(_ r: RunResult) -> [String: RoutingScorecard.Pool] {
    Dictionary(uniqueKeysWithValues: r.scorecard.routing!.pools.map { ($0.id, $0) })
  }

  @Test func bridgeHaltRaisesInterventionCostAndPegDeviationOfBridgedPools() throws {
    let shocked = try projectLibrary.scenario("bridge_shock_137_56").with([
      ("paths", .number(60)), ("epochs", .number(75)),
    ])
    let calm = try shocked.with([("shocks", .array([]))])
    let a = Self.pools(try Runner.run(shocked))
    let b = Self.pools(try Runner.run(calm))
    let graph = shocked.routing!.graph
    let bridged = graph.pools.filter { [137, 56].contains(graph.tokens[$0.base].originChain) }.map(
      \.id)
    #expect(bridged.count == 4)
    for id in bridged {
      let (s, c) = (a[id]!, b[id]!)
      #expect(
        s.interventionCost > c.interventionCost + 1_000,
        "\(id): cost \(s.interventionCost) vs \(c.interventionCost)")
      #expect(
        s.pegDeviationFrequency > c.pegDeviationFrequency,
        "\(id): frequency \(s.pegDeviationFrequency) vs \(c.pegDeviationFrequency)")
      #expect(s.meanPriceDeviation > c.meanPriceDeviation, "\(id)")
      #expect(s.worstPriceDeviationP95 > c.worstPriceDeviationP95, "\(id)")
    }
    // The native peg pool holds no bridged token: the halt barely touches its cost.
    #expect(abs(a["cUSDT/cUSDC"]!.interventionCost - b["cUSDT/cUSDC"]!.interventionCost) < 1_000)
  }

  @Test(arguments: [(1, 256), (2, 7), (3, 1), (7, 2)])
  func coupledRunsAreBitIdenticalForAnyThreadsAndBlockSize(threads: Int, blockSize: Int) throws {
    let s = try projectLibrary.scenario("chain138_deployed_capital_efficiency").with([
      ("paths", .number(24)), ("epochs", .number(40)),
    ])
    let reference = try Runner.run(s, options: RunOptions(threads: 1, blockSize: 64))
    let other = try Runner.run(s, options: RunOptions(threads: threads, blockSize: blockSize))
    #expect(reference.records == other.records)
    #expect(reference.routing!.values == other.routing!.values)
  }

  @Test func pathPOfASmallCoupledRunEqualsPathPOfALargeOne() throws {
    let base = try projectLibrary.scenario("bridge_shock_137_56").with([("epochs", .number(40))])
    let small = try Runner.run(base.with([("paths", .number(5))])).routing!
    let large = try Runner.run(base.with([("paths", .number(30))])).routing!
    #expect(Array(large.values.prefix(small.values.count)) == small.values)
  }

  @Test func couplingLeavesTheOverlaysOwnDrawsAsInParametricMode() throws {
    // Volatile volatility, so the throttle (driven by z1 alone) fires on many paths.
    let coupled = try projectLibrary.scenario("chain138_deployed_capital_efficiency").with([
      ("paths", .number(30)), ("epochs", .number(60)), ("eta", .number(4)),
      ("sigma0", .number(0.55)),
    ])
    let parametric = try coupled.with([
      // `with` merges objects: the pmm block is cleared with null, then set.
      ("graphMode", .string("none")), ("pmm", .null), ("pmm.mode", .string("parametric")),
    ])
    #expect(parametric.routing == nil)
    let a = try Runner.run(coupled).records
    let b = try Runner.run(parametric).records
    #expect(a.map(\.throttleEvents) == b.map(\.throttleEvents))
    #expect(a.map(\.spreadAdjustments) == b.map(\.spreadAdjustments))
    #expect(a.reduce(0) { $0 + Int($1.throttleEvents) } > 0)
    // ... while market making comes from the pools, not from the closed form.
    #expect(a.map(\.attribution.marketMaking) != b.map(\.attribution.marketMaking))
  }

  @Test func deployedScenarioSurvivesUnderDefaults() throws {
    let s = try projectLibrary.scenario("chain138_deployed_capital_efficiency").with([
      ("paths", .number(40))
    ])
    let r = try Runner.run(s)
    #expect(r.scorecard.roiMean > 0)
    #expect(r.scorecard.liquidationProbability == 0)
    let routing = r.scorecard.routing!
    #expect(routing.feeIncome > 0 && routing.capture > 0.3 && routing.capture < 1)
    // Market making in the attribution is the pools' fee income.
    #expect(
      abs(r.scorecard.pnlAttribution.marketMaking - routing.feeIncome) < 1e-6 * routing.feeIncome)
  }

  @Test func routingOnlyScorecardReportsTheRoutingBlockAlone() throws {
    let r = try Runner.run(
      projectLibrary.scenario("hub_only_11").with([("paths", .number(6)), ("epochs", .number(30))]))
    guard case .object(let fields) = r.scorecard.tree else {
      Issue.record("expected an object")
      return
    }
    #expect(fields.keys.sorted() == ["provenance", "routing"])
    #expect(r.scorecard.scalar("roi_mean") == nil)
    let capture = try #require(r.scorecard.scalar("routing.capture"))
    #expect(capture > 0 && capture < 1)
    #expect(r.scorecard.routing!.pools.count == 11)
    #expect(r.scorecard.routing!.churn > 0)
    #expect(
      r.scorecard.table.contains("per-pool diagnostics") && !r.scorecard.table.contains("roi_mean"))
  }

  static func hubOnly(shocks: [ConfigValue], extra: [String: ConfigValue] = [:]) throws -> Scenario {
    var pmm: [String: ConfigValue] = ["mode": .string("coupled"), "graph": .string("hub_only_3")]
    pmm.merge(extra) { $1 }
    let tree: ConfigValue = .object([
      "name": .string("hub3"), "paths": .number(20), "epochs": .number(40),
      "graphMode": .string("synthetic"),
      "pmm": .object(pmm), "shocks": .array(shocks),
    ])
    return try Scenario(tree, file: "test", policy: Policy())
  }

  @Test func depegOfThePegPoolsStableShowsAsHubPegDeviation() throws {
    let depeg = try Self.hubOnly(shocks: [
      shock("pool_depeg", ["at": 10, "price": 0.97, "epochs": 10]).with(token: "S1")
    ])
    let calm = try Self.hubOnly(shocks: [])
    let a = try Runner.run(depeg).scorecard.routing!
    let b = try Runner.run(calm).scorecard.routing!
    #expect(a.pegDeviationFrequency >= 10.0 / 40 - 1e-12)
    #expect(b.pegDeviationFrequency < 0.05)
    #expect(a.pegDeviationWorst > 0.029)
  }

  @Test func oracleLagMakesTheVolatilePoolCostly() throws {
    let extra: [String: ConfigValue] = ["oracle": .object(["volatileSigma": .number(0.8)])]
    let lagged = try Self.hubOnly(
      shocks: [shock("oracle_lag", ["at": 0, "epochs": 2])], extra: extra)
    let prompt = try Self.hubOnly(shocks: [], extra: extra)
    let a = try Runner.run(lagged).scorecard.routing!.pools.first { $0.id == "V1/HUB" }!
    let b = try Runner.run(prompt).scorecard.routing!.pools.first { $0.id == "V1/HUB" }!
    #expect(a.interventionCost > b.interventionCost)
    #expect(a.arbitrageVolume > b.arbitrageVolume)
  }

  @Test func calibrationFitsTheParametricConstantsFromACoupledRun() throws {
    let s = try projectLibrary.scenario("chain138_deployed_capital_efficiency").with([
      ("paths", .number(40)), ("epochs", .number(120)),
    ])
    let coupled = try Runner.run(s)
    let c = try Calibration.fit(coupled)
    let fitted = c.scenario
    #expect(fitted.pmmMode == .calibrated && fitted.routing == nil && fitted.graphMode == .none)
    #expect(fitted.name == "chain138_deployed_capital_efficiency_calibrated")
    let routing = coupled.scorecard.routing!
    #expect(fitted.capital!.capture0 == routing.capture)
    #expect(fitted.capital!.flowVol == routing.imbalanceVolatility)
    #expect(fitted.calibration?["fromHash"] == .string(s.contentHash))
    // The calibrated parametric run earns the coupled run's market making.
    let check = try #require(c.checks.first { $0.name == "market_making" })
    #expect(abs(check.calibrated / check.coupled - 1) < 0.1, "\(check)")
    // A parametric calibrated run is much faster than the coupled one, and it re-validates.
    #expect(try fitted.with([("paths", .number(10))]).pmmMode == .calibrated)
    // A routing-only or parametric result cannot be calibrated.
    let routingOnly = try Runner.run(
      projectLibrary.scenario("hub_only_11").with([("paths", .number(2)), ("epochs", .number(5))]))
    #expect(throws: ConfigError.self) { try Calibration.fit(routingOnly) }
  }
}

extension ConfigValue {
  /// A copy of a shock object with its `token` set.
  func with(token: String) -> ConfigValue {
    setting(.string(token), atPath: ["token"][...])
  }
}
