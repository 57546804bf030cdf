@testable import CapscriptIO
@testable import SimCore

/// Small pool graphs for routing tests, built through the same decoding as
/// config/deployment-status.json.
enum RoutingFixture {
  /// A deployment object: `tokens` as (symbol, kind, origin chain, USD price),
  /// `pools` as JSON objects (without the common `status`).
  static func deployment(
    tokens: [(String, String, Int, Double)] = [
      ("HUB", "stable", 138, 1), ("A", "stable", 138, 1), ("B", "stable", 138, 1),
    ],
    pools: [String], pegPool: String = "A/HUB"
  ) throws -> ConfigValue {
    let t = tokens.map {
      #"{"symbol": "\#($0.0)", "kind": "\#($0.1)", "originChain": \#($0.2), "priceUSD": \#($0.3)}"#
    }
    let json =
      #"{"hub": "HUB", "pegPool": "\#(pegPool)", "tokens": [\#(t.joined(separator: ","))], "pools": [\#(pools.joined(separator: ","))]}"#
    return try JSONText.parse(json, file: "fixture")
  }

  /// A hub pool `base/HUB` at price 1 (or `price`), with an external venue.
  static func hubPool(
    _ base: String, depth: Double = 1_000_000, k: Double = 0.01, lpBps: Double = 5,
    mtBps: Double = 1,
    externalDepth: Double = 2_000_000, externalBps: Double = 3, price: Double = 1
  ) -> String {
    #"{"id": "\#(base)/HUB", "base": "\#(base)", "quote": "HUB", "status": "deployed", "baseReserve": \#(depth / price), "quoteReserve": \#(depth), "oraclePrice": \#(price), "k": \#(k), "lpFeeBps": \#(lpBps), "maintainerFeeBps": \#(mtBps), "external": {"depthUSD": \#(externalDepth), "feeBps": \#(externalBps)}}"#
  }

  /// A routing-only scenario on `deployment` with quiet oracles.
  static func scenario(
    _ deployment: ConfigValue, paths: Int = 1, epochs: Int = 1, extra: [String: ConfigValue] = [:],
    shocks: [ConfigValue] = []
  ) throws -> Scenario {
    var pmm: [String: ConfigValue] = [
      "mode": .string("coupled"), "deployment": deployment,
      "oracle": .object(["stableNoise": .number(0), "volatileSigma": .number(0)]),
    ]
    pmm.merge(extra) { $1 }
    let tree: ConfigValue = .object([
      "name": .string("routing fixture"), "paths": .number(Double(paths)),
      "epochs": .number(Double(epochs)),
      "graphMode": .string("deployed"), "pmm": .object(pmm), "shocks": .array(shocks),
    ])
    return try Scenario(tree, file: "fixture", policy: Policy())
  }

  /// A worker state for `scenario`, at the start of a path with the oracle
  /// and venues set for epoch 0.
  static func state(_ scenario: Scenario) -> RoutingState {
    var s = RoutingState(model: RoutingModel(scenario: scenario, spec: scenario.routing!))
    s.startPath()
    var words = WordStream(s.model.random.philox, path: 0, epoch: 0, stream: .orderFlow)
    s.moveOracle(epoch: 0, assetPrice: 1, words: &words)
    return s
  }
}
