import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

/// `with` (Lua `s:with{...}`, `--set`, sweeps): objects merge, policy fields
/// override per scenario, and the provenance lists every override.
@Suite struct OverrideTests {
  static func crash() throws -> Scenario { try projectLibrary.scenario("crash_40pct_external_asset") }

  @Test func anObjectMergesFieldByField() throws {
    let s = try Self.crash()
    let nested = try s.with([("capitalEfficiency", .object(["leverage": .number(1.75)]))])
    let dotted = try s.with([("capitalEfficiency.leverage", .number(1.75))])
    #expect(nested.capital?.leverage == 1.75)
    #expect(nested.capital?.allocation == 0.6)  // the file's value, not the schema default
    #expect(nested.capital == dotted.capital)
    #expect(nested.contentHash == dotted.contentHash)
  }

  @Test func policyFieldsOverrideThisScenarioAlone() throws {
    let s = try Self.crash()
    let dotted = try s.with([("policy.externalLiquidityFloor", .number(0.1))])
    let nested = try s.with([("policy", .object(["gates": .object(["liquidationProbability": .number(0.02)])]))])
    #expect(dotted.policy.externalLiquidityFloor == 0.1)
    #expect(dotted.policy.gates == s.policy.gates)
    #expect(nested.policy.gates.liquidationProbability == 0.02)
    #expect(nested.policy.externalLiquidityFloor == s.policy.externalLiquidityFloor)
    #expect(dotted.policy.contentHash != s.policy.contentHash)
    #expect(s.policy.externalLiquidityFloor == 0.2)  // the original is unchanged
    // The floor is read by the model: floor violations change with it.
    let base = try Runner.run(s.withPaths(300)).scorecard
    let higher = try Runner.run(s.with([("policy.externalLiquidityFloor", .number(0.6)), ("paths", .number(300))]))
      .scorecard
    #expect(higher.externalLiquidityFloorViolations > base.externalLiquidityFloorViolations)
    #expect(higher.provenance.policyHash != base.provenance.policyHash)
  }

  @Test(arguments: [
    ("policy.externalLiquidityFloor", ConfigValue.number(2), "externalLiquidityFloor: 2 is outside the allowed range"),
    ("policy.gates.liquidationProbabilty", .number(0.1), "did you mean"),
    ("policy.gates.liquidationProbability", .string("x"), "gates.liquidationProbability"),
  ])
  func badPolicyOverridesNameTheField(key: String, value: ConfigValue, message: String) throws {
    let s = try Self.crash()
    #expect {
      _ = try s.with([(key, value)], origin: "--set")
    } throws: { error in
      let said = "\(error)"
      return said.contains("(--set) policy") && said.contains(message)
    }
  }

  @Test func provenanceListsEveryOverrideInOrder() throws {
    let s = try Self.crash()
    let derived = try s.with([("leverage", .number(1.25))]).with([
      ("policy.pegBand", .number(0.01)), ("paths", .number(200)),
    ])
    #expect(derived.overrides == ["leverage=1.25", "policy.pegBand=0.01", "paths=200"])
    #expect(derived.file.components(separatedBy: "(with)").count == 2)  // "(with)" once, however chained
    let tree = try Runner.run(derived).scorecard.tree
    #expect(
      tree["provenance"]?["overrides"]
        == .array(["leverage=1.25", "policy.pegBand=0.01", "paths=200"].map(ConfigValue.string)))
    let plain = try Runner.run(s.withPaths(1)).scorecard.tree
    #expect(plain["provenance"]?["overrides"] == .array([.string("paths=1")]))
    #expect(Scorecard.Provenance(scenario: s, paths: 1).tree["overrides"] == nil)  // as read from its file
    #expect(
      try Runner.run(projectLibrary.scenario("hub_only_11").withPaths(1)).scorecard.tree["provenance"]?["overrides"]
        != nil)
  }

  /// A sweep over a policy field: each candidate runs with its own floor.
  @Test func sweepsReachPolicyFields() throws {
    let s = try Self.crash().with([("paths", .number(200)), ("epochs", .number(60))])
    let spec = try SweepSpec(
      .object(["grid": .object(["policy.externalLiquidityFloor": .array([.number(0.1), .number(0.6)])])]),
      file: "test")
    let sweep = try Sweep(base: s, spec: spec, evidence: projectLibrary.evidence())
    #expect(sweep.candidates.map(\.policy.externalLiquidityFloor) == [0.1, 0.6])
    let result = try sweep.run(options: RunOptions(threads: 2))
    let byFloor = Dictionary(
      uniqueKeysWithValues: result.candidates.map { ($0.index, $0["external_liquidity_floor_violations"]) })
    #expect(byFloor[1, default: 0] > byFloor[0, default: 0])
  }
}
