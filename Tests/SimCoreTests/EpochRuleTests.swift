import Foundation
import Testing

@testable import SimCore

/// Per-epoch rules (docs/MODEL.md, "Per-epoch rules") through SimCore's hook.
@Suite struct EpochRules {
  /// The volatility throttle of step 3, written as a rule.
  struct ThrottleTwin: EpochRule {
    let p: CapitalParameters
    var calls = 0

    mutating func decide(_ st: EpochState) -> RuleAction? {
      calls += 1
      guard st.sigma > p.sigmaCrit else { return nil }
      return RuleAction(
        allocation: p.allocation * p.throttleAllocationFactor, leverage: min(p.leverage, p.stressLeverage),
        spread: min(st.spread * p.spreadWidenFactor, p.spreadCeilingBps), throttled: true)
    }

    static var isActive: Bool { true }
  }

  static func spiky(paths: Int = 300) throws -> Scenario {
    try projectLibrary.scenario("high_vol_sigma_spike").with([("paths", .number(Double(paths)))], origin: "test")
  }

  @Test func noRuleGivesTheNativeRunsRecords() throws {
    let s = try Self.spiky(paths: 100)
    var none = NoRule()
    let native = try Runner.run(s, options: RunOptions(threads: 2))
    let ruled = try Runner.run(s, rule: &none)
    #expect(native.records == ruled.records)
  }

  @Test func theThrottleAsARuleReproducesTheNativeThrottle() throws {
    let s = try Self.spiky()
    let native = try Runner.run(s, options: RunOptions(threads: 2))
    #expect(native.scorecard.volatilityThrottleEvents > 0)
    let off = try s.with([("sigmaCrit", .number(10))], origin: "test")
    var twin = ThrottleTwin(p: try #require(s.capital))
    let ruled = try Runner.run(off, rule: &twin)
    #expect(twin.calls == s.paths * s.epochs)
    #expect(native.records == ruled.records)
    // Without the rule the throttle is off, and the records differ.
    #expect(try Runner.run(off).records != native.records)
  }

  /// A rule that refuses every redemption: nothing is paid out.
  struct Gate: EpochRule {
    static var isActive: Bool { true }
    mutating func decide(_ st: EpochState) -> RuleAction? { RuleAction(redemptionFactor: 0) }
  }

  @Test func aRedemptionThrottleOfZeroPaysNothingOut() throws {
    let s = try projectLibrary.scenario("bank_run_redemption_spike").with([("paths", .number(20))], origin: "test")
    var gate = Gate()
    let r = try Runner.run(s, rule: &gate)
    #expect(r.records.allSatisfy { $0.redemptionsPaid == 0 && $0.attribution.redemptionDrag == 0 })
    #expect(try Runner.run(s).scorecard.redemptionsPaidMean > 0)
  }

  struct Failing: EpochRule {
    struct Stop: Error {}
    var calls = 0
    static var isActive: Bool { true }
    mutating func decide(_ st: EpochState) throws(Stop) -> RuleAction? {
      calls += 1
      if st.path == 1 && st.epoch == 5 { throw Stop() }
      return nil
    }
  }

  @Test func aRuleErrorEndsTheRunAtOnce() throws {
    var rule = Failing()
    #expect(throws: Failing.Stop.self) { try Runner.run(try Self.spiky(paths: 10), rule: &rule) }
    #expect(rule.calls == 365 + 6)
  }
}
