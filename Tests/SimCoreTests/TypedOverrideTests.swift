import Testing

@testable import CapscriptIO
@testable import SimCore

/// `with`'s typed path (sweeps, halving rounds): the scenario it makes is the one
/// the full decode makes, and anything the decoder would refuse goes to the decoder.
@Suite struct TypedOverrideTests {
  /// The full decode of `s` with `overrides`, as `with` made it before the typed path.
  static func decoded(_ s: Scenario, _ overrides: [(key: String, value: ConfigValue)]) throws -> Scenario {
    var tree = s.source
    for (key, value) in overrides {
      tree = tree.merging(value, atPath: try Scenario.resolve(field: key, file: "test")[...])
    }
    return try Scenario(tree, file: s.file, policy: s.policy)
  }

  @Test(arguments: [
    [("leverage", ConfigValue.number(1.7))],
    [("capitalEfficiency.allocation", .number(0.55)), ("maxLTV", .number(0.5)), ("paths", .number(123))],
    [("seed", .number(9)), ("sigma0", .number(0.9)), ("leverage", .number(4))],
    [("capitalEfficiency.stressLeverage", .number(1)), ("flowTurnover", .number(0))],
  ])
  func theTypedPathMakesTheDecodedScenario(overrides: [(String, ConfigValue)]) throws {
    for name in ["crash_40pct_external_asset", "high_vol_sigma_spike", "chain138_deployed_capital_efficiency"] {
      let s = try projectLibrary.scenario(name)
      let overrides = overrides.map { (key: $0.0, value: $0.1) }
      let typed = try #require(s.withTypedOverrides(overrides), "\(name)")
      let full = try Self.decoded(s, overrides)
      #expect(typed.capital == full.capital, "\(name)")
      #expect(typed.paths == full.paths && typed.seed == full.seed && typed.epochs == full.epochs)
      #expect(typed.source == full.source)
      #expect(typed.contentHash == full.contentHash)
      #expect(
        typed.shocks.count == full.shocks.count && typed.routing?.graph.pools.count == full.routing?.graph.pools.count)
      // And `with` records the same file name and provenance overrides either way.
      let derived = try s.with(overrides, origin: "sweep candidate 1")
      #expect(derived.overrides == overrides.map { "\($0.key)=\(JSONText.canonical($0.value))" })
      #expect(derived.file == s.file + " (sweep candidate 1)")
      #expect(derived.contentHash == full.contentHash)
    }
  }

  @Test(arguments: [
    ("leverage", ConfigValue.number(4.5), "above the hard limit"),
    ("maxLTV", .number(0.9), "above the hard LTV ceiling"),
    ("liquidationThreshold", .number(0.6), "must be below liquidationThreshold"),
    ("allocation", .number(-0.1), "outside the allowed range"),
    ("paths", .number(0), "outside the allowed range"),
    ("paths", .number(2.5), "integer"),
    ("leverage", .string("2"), "expected a number"),
    ("levrage", .number(2), "did you mean \"leverage\""),
  ])
  func refusedValuesGoToTheDecoderAndKeepItsErrors(key: String, value: ConfigValue, message: String) throws {
    let s = try projectLibrary.scenario("crash_40pct_external_asset")
    #expect(s.withTypedOverrides([(key, value)]) == nil)
    #expect {
      _ = try s.with([(key, value)])
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test func otherOverridesTakeTheFullDecode() throws {
    let s = try projectLibrary.scenario("crash_40pct_external_asset")
    #expect(s.withTypedOverrides([("epochs", .number(30))]) == nil)
    #expect(s.withTypedOverrides([("policy.pegBand", .number(0.01))]) == nil)
    #expect(s.withTypedOverrides([("capitalEfficiency", .object(["leverage": .number(2)]))]) == nil)
  }
}
