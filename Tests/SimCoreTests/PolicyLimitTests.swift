import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

/// The policy's limits on spreads and on market making (issue 13, item 1): the
/// capture curve anchored to the market's reference spread, the target spread
/// band and the market-making share as gates, and validate's income warning.
@Suite struct PolicyLimitTests {
  static let curve = CaptureCurve(capture0: 0.35, elasticity: 1, referenceSpreadBps: 40)

  @Test func captureFallsAsTheSpreadWidensAndRisesAsItNarrows() {
    let c = Self.curve
    #expect(c.capture(atSpreadBps: 40) == 0.35)
    // Both ways from the reference, and monotone along the way.
    let spreads: [Double] = [5, 10, 20, 30, 40, 50, 80, 120, 1000]
    let captures = spreads.map(c.capture(atSpreadBps:))
    for (a, b) in zip(captures, captures.dropFirst()) { #expect(a > b) }
    #expect(c.capture(atSpreadBps: 30) > 0.35 && c.capture(atSpreadBps: 50) < 0.35)
    #expect(c.capture(atSpreadBps: 1000) < 1e-10)
    // A share of the flow: never above 1, however narrow the spread.
    let steep = CaptureCurve(capture0: 0.35, elasticity: 5, referenceSpreadBps: 40)
    #expect(steep.capture(atSpreadBps: 0) == 1)
  }

  @Test func marketMakingPerUnitOfVolumePeaksAtTheReferenceSpread() {
    let c = Self.curve
    let peak = c.income(atSpreadBps: 40)
    for s in [10.0, 30, 39, 41, 50, 120, 1000] { #expect(c.income(atSpreadBps: s) < peak, "spread \(s)") }
  }

  /// The mean market making (USD per path) of a short run at target spread `target`.
  static func marketMaking(target: Double, reference: Double = 40) throws -> Double {
    let s = try quietScenario(
      epochs: 30, paths: 20,
      capital: [
        "capture0": 0.35, "flowTurnover": 24, "volumeVol": 0.4, "targetSpreadBps": target,
        "spreadCeilingBps": 120, "referenceSpreadBps": reference,
      ])
    return try Runner.run(s, options: RunOptions(threads: 1)).scorecard.pnlAttribution.marketMaking
  }

  @Test func aTargetAwayFromTheReferenceEarnsLessOnBothSides() throws {
    let atReference = try Self.marketMaking(target: 40)
    // Same paths (common random numbers): only the spread differs.
    #expect(try Self.marketMaking(target: 50) < atReference)
    #expect(try Self.marketMaking(target: 30) < atReference)
    // The reference is a market fact: where the market quotes 50 bps, 50 earns more than 40 here
    // (about 50/40 of it, less the compounding of a smaller book).
    let moved = try Self.marketMaking(target: 50, reference: 50)
    #expect(abs(moved / atReference - 50.0 / 40) < 0.01)
  }

  static func check(_ capital: [String: Double], paths: Int = 40) throws -> ScenarioCheck {
    ScenarioCheck(try Runner.run(try quietScenario(epochs: 30, paths: paths, capital: capital)))
  }

  @Test func aTargetSpreadOutsideThePolicyBandFailsValidationNamingTheBand() throws {
    let wide = try Self.check(["targetSpreadBps": 1000, "spreadCeilingBps": 1000])
    #expect(!wide.passed && !wide.inconclusive)
    #expect(
      wide.failures.contains {
        $0.contains("targetSpreadBps 1000 is outside the policy target spread band [30, 50] bps")
      })
    let narrow = try Self.check(["targetSpreadBps": 20])
    #expect(narrow.failures.contains { $0.contains("targetSpreadBps 20 is outside") })
    // The band's ends are inside it (other gates may be undecided on 40 paths).
    for target in [30.0, 50] {
      #expect(!(try Self.check(["targetSpreadBps": target]).failures.contains { $0.contains("spread") }))
    }
  }

  @Test func aSpreadCeilingBelowTheTargetOrTheBandFails() throws {
    let below = try Self.check(["targetSpreadBps": 45, "spreadCeilingBps": 40])
    #expect(below.failures.contains { $0.contains("spreadCeilingBps 40 is below targetSpreadBps 45") })
    let under = try Self.check(["targetSpreadBps": 40, "spreadCeilingBps": 20])
    #expect(under.failures.contains { $0.contains("spreadCeilingBps 20 is below the policy target spread band") })
  }

  @Test func marketMakingShareIsMarketMakingOverTheGrossReturn() throws {
    let s = try quietScenario(
      epochs: 30, paths: 50,
      capital: ["capture0": 0.35, "flowTurnover": 24, "volumeVol": 0.4, "yieldRate": 0.1, "leverage": 1.5])
    let card = try Runner.run(s, options: RunOptions(threads: 1)).scorecard
    let a = card.pnlAttribution
    #expect(a.marketMaking > 0 && a.yield > 0)
    #expect(abs(card.marketMakingShare - a.marketMaking / (a.marketMaking + a.yield)) < 1e-12)
    #expect(card.scalar("market_making_share") == card.marketMakingShare)
    let ci = try #require(card.intervals["market_making_share"])
    #expect(ci.lower <= card.marketMakingShare && card.marketMakingShare <= ci.upper && ci.upper - ci.lower > 0)
    #expect(GateReport(card, policy: s.policy).checks.contains { $0.gate == "market_making_share" && $0.passed })
  }

  @Test func marketMakingAboveThePolicyShareFailsItsGate() throws {
    // Fee income ten times the yield: the PMM is the profit engine.
    let heavy = try Self.check(["capture0": 0.35, "flowTurnover": 300, "yieldRate": 0.05, "leverage": 1])
    #expect(heavy.failures.contains { $0.hasPrefix("gate market_making_share") })
  }

  @Test func validateWarnsWhenAScenarioReliesOnPMMIncome() throws {
    // No yield, costs from redemptions: only market making keeps the PnL positive.
    let relies = try Self.check([
      "capture0": 0.35, "flowTurnover": 24, "leverage": 1, "baseRedemptionRate": 0.01,
    ])
    #expect(relies.warnings.count == 1)
    #expect(relies.warnings.first?.contains("relies on PMM income") == true)
    // With a yield that pays for the costs by itself, no warning.
    let earns = try Self.check([
      "capture0": 0.35, "flowTurnover": 24, "leverage": 1, "yieldRate": 0.1, "baseRedemptionRate": 0.01,
    ])
    #expect(earns.warnings.isEmpty)
  }
}
