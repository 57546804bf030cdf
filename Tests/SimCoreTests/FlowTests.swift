import Foundation
import Testing

@testable import SimCore

/// Flow-adjusted returns (docs/MODEL.md, "Flows: paid out and lost"): the
/// time-weighted return, the drawdown of the value per unit, and the redemption
/// principal paid out, checked against a hand computation.
@Suite struct Flows {
  /// A 1x, fully allocated book with every random term switched off: each
  /// epoch earns the same return and pays out the same share of capital.
  static func calmBook(shocks: [ConfigValue] = [], paths: Int = 4) throws -> Scenario {
    try projectLibrary.scenario("bank_run_redemption_spike")
      .with(
        [
          ("paths", .number(Double(paths))), ("epochs", .number(365)), ("shocks", .array(shocks)),
          ("leverage", .number(1)), ("allocation", .number(1)), ("eta", .number(0)), ("etaL", .number(0)),
          ("volumeVol", .number(0)), ("flowVol", .number(0)), ("redemptionImbalance", .number(0)),
          ("sigma0", .number(0.2)), ("sigmaBar", .number(0.2)), ("baseRedemptionRate", .number(0.5)),
        ],
        origin: "test")
  }

  @Test func twrOfACalmOneTimesBookMatchesAHandComputation() throws {
    let s = try Self.calmBook()
    let c = try #require(s.capital)
    let dt = 1 / Double(s.epochsPerYear)
    // Per epoch: yield + market making - the redemption fee; the principal rho
    // leaves T but not the value per unit (no drag at 1x, no peg move, ell > rho).
    let rho = c.baseRedemptionRate * dt
    let r =
      c.yieldRate * dt + c.flowTurnover * dt * c.capture0 * c.targetSpreadBps * 1e-4 - rho * c.redemptionFeeBps * 1e-4
    var t = c.capital
    var paid = 0.0
    for _ in 0..<s.epochs {
      paid += rho * t
      t *= 1 + r - rho
    }
    let twr = pow(1 + r, Double(s.epochs)) - 1
    let result = try Runner.run(s, options: RunOptions(threads: 1))
    for record in result.records {
      #expect(abs(record.twr - twr) <= 1e-12 * abs(twr))
      #expect(abs(record.roi - (t / c.capital - 1)) <= 1e-12)
      #expect(abs(record.redemptionsPaid - paid) <= 1e-9 * paid)
      #expect(record.navMaxDrawdown == 0)
      #expect(record.maxDrawdown > 0.3)  // half the capital a year is paid out: a drawdown of T, not a loss
    }
    let card = result.scorecard
    #expect(abs(card.twrMean - twr) <= 1e-12 * abs(twr))
    #expect(card.navDrawdownP95 == 0)
    #expect(abs(card.redemptionsPaidMean - paid) <= 1e-9 * paid)
    #expect(abs(card.pnlExRedemptionsMean - (t - c.capital + paid)) <= 1e-6)
    #expect(card.twrMean > 0 && card.roiMean < 0)
  }

  @Test(arguments: [0.4, 0.9])
  func aCrashDoesNotMoveAnUnleveredBook(drop: Double) throws {
    let crash: ConfigValue = .object(["type": .string("asset_crash"), "at": .number(30), "drop": .number(drop)])
    let calm = try Runner.run(Self.calmBook(), options: RunOptions(threads: 1))
    let crashed = try Runner.run(Self.calmBook(shocks: [crash]), options: RunOptions(threads: 1))
    #expect(calm.records == crashed.records)
  }

  @Test func withoutRedemptionsTwrEqualsRoi() throws {
    let s = try Self.calmBook().with([("baseRedemptionRate", .number(0)), ("eta", .number(0.3))], origin: "test")
    for record in try Runner.run(s, options: RunOptions(threads: 1)).records {
      #expect(abs(record.twr - record.roi) <= 1e-12)
      #expect(abs(record.navMaxDrawdown - record.maxDrawdown) <= 1e-12)
      #expect(record.redemptionsPaid == 0)
    }
  }

  @Test func flowFieldsHaveIntervalsAndStandardErrors() throws {
    let card = try Runner.run(projectLibrary.scenario("bank_run_redemption_spike").with([("paths", .number(200))]))
      .scorecard
    for name in Scorecard.flowFieldNames {
      let value = try #require(card.scalar(name))
      let ci = try #require(card.intervals[name])
      #expect(ci.lower <= value && value <= ci.upper, "\(name)")
    }
    // The bank run: the drop in capital is mostly paid out, not lost.
    #expect(card.redemptionsPaidMean > 0.14 * 10_000_000)
    #expect(card.navDrawdownP95 < card.maxDrawdownP95 / 10)
    #expect(card.standardErrors["twr_mean"] != nil && card.standardErrors["redemptions_paid_mean"] != nil)
  }
}
