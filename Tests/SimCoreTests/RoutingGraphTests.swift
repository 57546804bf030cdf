import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

/// Pool graphs from config/deployment-status.json and hub_only_N, and the
/// scenario rules of graphMode, pmm.mode and pool-graph shocks.
@Suite struct RoutingGraphTests {
  @Test func deploymentFileGivesOnlyItsDeployedPools() throws {
    let path = packageRoot + "/config/" + PoolGraph.deploymentFile
    let g = try PoolGraph(deployment: ConfigLibrary.readJSON(path), file: path)
    #expect(g.tokens[g.hub].symbol == "cUSDC")
    #expect(
      g.pools.map(\.id) == [
        "cUSDT/cUSDC", "USDC.pol/cUSDC", "USDT.pol/cUSDC", "USDT.bsc/cUSDC", "WETH/cUSDC",
        "USDT.pol/cUSDT",
      ])
    #expect(g.pools[g.pegPool].id == "cUSDT/cUSDC")
    #expect(!g.tokens(from: 137).isEmpty && !g.tokens(from: 56).isEmpty)
    #expect(g.tokens.contains { $0.kind == .volatile })
    for p in g.pools where p.quote == g.hub { #expect(p.external != nil) }
    // The deployed scenario carries the file in its tree, so its hash covers the pools.
    let s = try projectLibrary.scenario("chain138_deployed_capital_efficiency")
    #expect(s.source.value(atPath: ["pmm", "deployment", "hub"]) == .string("cUSDC"))
    #expect(s.routing?.graph.pools.count == 6)
  }

  static let goodPool =
    #"{"id": "A/HUB", "base": "A", "quote": "HUB", "status": "deployed", "baseReserve": 1000, "quoteReserve": 1000, "oraclePrice": 1, "k": 0.1, "lpFeeBps": 3, "maintainerFeeBps": 1, "external": {"depthUSD": 5000, "feeBps": 3}}"#

  static func file(pools: String = goodPool, hub: String = "HUB", peg: String = "A/HUB") -> String {
    #"{"hub": "\#(hub)", "pegPool": "\#(peg)", "tokens": [{"symbol": "HUB", "kind": "stable"}, {"symbol": "A", "kind": "stable", "originChain": 137}, {"symbol": "V", "kind": "volatile", "priceUSD": 2000}], "pools": [\#(pools)]}"#
  }

  @Test(arguments: [
    (
      file(pools: goodPool.replacingOccurrences(of: #""k": 0.1"#, with: #""k": 1.5"#)),
      "deployment-status.json: pools[1].k: 1.5 is outside the allowed range [0, 1]"
    ),
    (
      file(pools: goodPool.replacingOccurrences(of: "deployed", with: "live")),
      #"deployment-status.json: pools[1].status: "live" is not one of "deployed", "pending", "paused", "deprecated", "planned""#
    ),
    (
      file(pools: goodPool.replacingOccurrences(of: #""base": "A""#, with: #""base": "AA""#)),
      #"deployment-status.json: pools[1].base: "AA" is not one of the listed tokens; did you mean "A"?"#
    ),
    (
      file(
        pools: goodPool.replacingOccurrences(of: #""oraclePrice": 1"#, with: #""oraclePrice": 1.2"#)
      ),
      "deployment-status.json: pools[1].oraclePrice: 1.2 disagrees with the token prices (A 1 USD / HUB 1 USD = 1) by more than 2%"
    ),
    (
      file(
        pools: goodPool.replacingOccurrences(
          of: #", "external": {"depthUSD": 5000, "feeBps": 3}"#, with: "")),
      #"deployment-status.json: pools[1].external: hub pair "A/HUB" needs an external venue (depthUSD, feeBps)"#
    ),
    (
      file(pools: goodPool.replacingOccurrences(of: "deployed", with: "paused")),
      #"deployment-status.json: pegPool: the peg pool "A/HUB" has status "paused", not "deployed""#
    ),
    (
      file(pools: goodPool.replacingOccurrences(of: #""baseReserve": 1000, "#, with: "")),
      "deployment-status.json: pools[1].baseReserve: is required"
    ),
    (file(hub: "V"), #"deployment-status.json: hub: the hub "V" must be a stable token"#),
    (
      file(pools: goodPool.replacingOccurrences(of: #""lpFeeBps""#, with: #""lpFeeBP""#)),
      #"deployment-status.json: pools[1].lpFeeBP: unknown field; did you mean "lpFeeBps"?"#
    ),
  ])
  func malformedDeploymentNamesFileFieldAndValue(json: String, message: String) throws {
    do {
      _ = try PoolGraph(
        deployment: JSONText.parse(json, file: "deployment-status.json"),
        file: "deployment-status.json")
      Issue.record("expected an error: \(message)")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func aBrokenDeploymentFileIsReportedAgainstThatFile() throws {
    let dir = try temporaryFolder("deploy")
    try FileManager.default.createDirectory(atPath: dir + "/scenarios", withIntermediateDirectories: true)
    defer { removeFolder(dir) }
    for f in [ConfigLibrary.policyFile, "scenarios/chain138_deployed_capital_efficiency.json"] {
      try FileManager.default.copyItem(atPath: packageRoot + "/config/" + f, toPath: dir + "/" + f)
    }
    try Self.file(pools: Self.goodPool.replacingOccurrences(of: #""k": 0.1"#, with: #""k": -1"#))
      .write(toFile: dir + "/" + PoolGraph.deploymentFile, atomically: true, encoding: .utf8)
    let library = try ConfigLibrary(directory: dir)
    do {
      _ = try library.scenario("chain138_deployed_capital_efficiency")
      Issue.record("expected an error")
    } catch {
      #expect(
        error.description
          == "\(dir)/deployment-status.json: pools[1].k: -1 is outside the allowed range [0, 1]")
    }
  }

  @Test(arguments: [1, 11, 40])
  func hubOnlyGraphPairsEachSpokeWithTheHub(spokes n: Int) throws {
    let g = try PoolGraph.hubOnly(spokes: n, SyntheticGraphParameters(), file: "t", field: "pmm")
    #expect(g.tokens.count == n + 1 && g.pools.count == n)
    for p in g.pools {
      #expect(p.quote == g.hub && p.external != nil)
      #expect(abs(p.pool.quoteReserve - 2_000_000) < 1e-6)
    }
    #expect(g.tokens.filter { $0.kind == .volatile }.count == min(1, n - 1))
  }

  func scenario(_ json: String) throws(ConfigError) -> Scenario {
    try Scenario(JSONText.parse(json, file: "s.json"), file: "s.json", policy: Policy())
  }

  @Test(arguments: [
    (
      #"{"name": "x", "pmm": {"mode": "coupled"}, "capitalEfficiency": {}}"#,
      #"s.json: pmm.mode: "coupled" steps the pool graph: set graphMode to "synthetic" or "deployed""#
    ),
    (
      #"{"name": "x", "graphMode": "synthetic", "pmm": {"mode": "parametric", "graph": "hub_only_3"}, "capitalEfficiency": {}}"#,
      #"s.json: graphMode: "synthetic" needs pmm.mode "coupled"; a "parametric" scenario does not step a pool graph (use graphMode "none")"#
    ),
    (
      #"{"name": "x"}"#,
      #"s.json: capitalEfficiency: is required unless the scenario steps a pool graph (a routing-only scenario: graphMode "synthetic" or "deployed")"#
    ),
    (
      #"{"name": "x", "graphMode": "synthetic", "pmm": {"graph": "hub_and_spoke"}}"#,
      #"s.json: pmm.graph: "hub_and_spoke" is not a synthetic graph; expected hub_only_N (N >= 1)"#
    ),
    (
      #"{"name": "x", "capitalEfficiency": {}, "shocks": [{"type": "bridge_halt", "at": 1, "chains": [137]}]}"#,
      #"s.json: shocks[1].type: "bridge_halt" needs the pool graph: set graphMode to "synthetic" or "deployed" (pmm.mode "coupled")"#
    ),
    (
      #"{"name": "x", "graphMode": "synthetic", "pmm": {"graph": "hub_only_3"}, "shocks": [{"type": "vol_spike", "at": 1, "level": 1}]}"#,
      #"s.json: shocks[1].type: "vol_spike" acts on the capital overlay, which this routing-only scenario does not have (add capitalEfficiency)"#
    ),
    (
      #"{"name": "x", "graphMode": "synthetic", "pmm": {"graph": "hub_only_3"}, "shocks": [{"type": "pool_depeg", "at": 1, "token": "S7", "price": 0.9}]}"#,
      #"s.json: shocks[1].token: "S7" is not a token of the graph; did you mean "S1"?"#
    ),
    (
      #"{"name": "x", "graphMode": "synthetic", "pmm": {"graph": "hub_only_3"}, "shocks": [{"type": "bridge_halt", "at": 1, "chains": [137]}]}"#,
      "s.json: shocks[1].chains[1]: no token of the graph \"hub_only_3\" is bridged from chain 137; origins present: 138"
    ),
    (
      #"{"name": "x", "graphMode": "synthetic", "pmm": {"graph": "hub_only_3", "oracle": {"volatileSigma": 0.5}}, "capitalEfficiency": {}}"#,
      "s.json: pmm.oracle.volatileSigma: is for routing-only scenarios; a coupled run takes S from the capital overlay (capitalEfficiency.sigma0, sigmaBar, ...)"
    ),
    (
      #"{"name": "x", "pmm": {"flow": {"ordersPerEpoch": 10}}, "capitalEfficiency": {}}"#,
      #"s.json: pmm.flow: needs a pool graph; set graphMode to "synthetic" or "deployed""#
    ),
  ])
  func scenarioRulesNameTheFieldAndTheFix(json: String, message: String) {
    do {
      _ = try scenario(json)
      Issue.record("expected an error: \(message)")
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func routingOnlyAndCoupledScenariosDecode() throws {
    let hub = try projectLibrary.scenario("hub_only_11")
    #expect(hub.capital == nil && hub.pmmMode == .coupled && hub.routing?.graph.pools.count == 11)
    let bridge = try projectLibrary.scenario("bridge_shock_137_56")
    #expect(bridge.capital == nil && bridge.routing?.graphMode == .deployed)
    guard case .bridgeHalt(let chains, _, _, _, _) = bridge.shocks[0].kind else {
      Issue.record("expected a bridge_halt")
      return
    }
    #expect(chains == [137, 56])
    let coupled = try projectLibrary.scenario("chain138_deployed_capital_efficiency")
    #expect(coupled.capital != nil && coupled.pmmMode == .coupled)
    // `with` keeps the graph (it is in the tree).
    #expect(try coupled.with([("paths", .number(10))]).routing?.graph.pools.count == 6)
  }
}
