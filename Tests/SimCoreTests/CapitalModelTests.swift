import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

/// Small cases worked out by hand from MODEL.md section 3.
@Suite struct CapitalModelByHand {
  @Test func crashPastTheThresholdLiquidatesWithThePenalty() throws {
    // C*S = 1e6 at S = 1, D = 5e5; a 50% crash: LTV = 5e5 / 5e5 = 1 >= 0.8.
    let r = try onePath(quietScenario(shocks: [shock("asset_crash", ["at": 0, "drop": 0.5])]))
    #expect(r.liquidated)
    #expect(r.pnl == -0.05 * 500_000)
    #expect(r.attribution.liquidationLoss == -25_000)
    #expect(r.badDebt == 0)  // the collateral covers the debt exactly
    #expect(abs(r.roi - -0.025) < 1e-15)
  }

  @Test func liquidationBelowTheDebtAddsBadDebt() throws {
    // S = 0.4: C*S = 4e5 < D = 5e5, so the loss is 0.05 * 4e5 + 1e5.
    let r = try onePath(quietScenario(shocks: [shock("asset_crash", ["at": 0, "drop": 0.6])]))
    #expect(r.liquidated)
    #expect(abs(r.pnl - -(0.05 * 400_000 + 100_000)) < 1e-6)
    #expect(abs(r.badDebt - 100_000) < 1e-6)
  }

  @Test func ltvBetweenMaxAndThresholdDeleveragesToTarget() throws {
    // S = 0.7: LTV = 5e5 / 7e5 = 0.714 > 0.65; target (2-1)/2 = 0.5;
    // x = (5e5 - 0.5 * 7e5) / 0.5 = 3e5, cost 15 bps of x.
    let r = try onePath(quietScenario(shocks: [shock("asset_crash", ["at": 0, "drop": 0.3])]))
    #expect(!r.liquidated)
    #expect(r.deleverageEvents == 1)
    #expect(abs(r.pnl - -(15e-4 * 300_000)) < 1e-6)
  }

  @Test func leverageAboveWhatMaxLTVAllowsDeleveragesToMaxLTV() throws {
    // L = 4 sets LTV 0.75 > maxLTV 0.65: sold down to 0.65 in epoch 0, once.
    let s = try quietScenario(epochs: 3, capital: ["leverage": 4])
    let r = try onePath(s)
    let value = 4 * 0.5 * 1_000_000.0
    let debt = 3 * 0.5 * 1_000_000.0
    let x = (debt - 0.65 * value) / (1 - 0.65)
    #expect(r.deleverageEvents == 1)
    #expect(abs(r.pnl - -(15e-4 * x)) < 1e-6)
  }

  @Test func volatilityAboveCriticalThrottlesOnceAndWidensTheSpread() throws {
    // sigma jumps to 1 > 0.6 and stays (no reversion); spread 40 -> 60 -> 90 -> 120 -> 120.
    let s = try quietScenario(epochs: 4, shocks: [shock("vol_spike", ["at": 0, "level": 1])])
    let r = try onePath(s)
    #expect(r.throttleEvents == 1)
    #expect(r.spreadAdjustments == 3)
  }

  @Test func liquidityBelowTheFloorCountsEveryEpochAndClampsAllocation() throws {
    // ell = 0.1 < 0.2 every epoch; a_e = 0.5 * 0.1 / 0.2 = 0.25 at L = 1, yield 10%/year.
    let s = try quietScenario(
      epochs: 5, capital: ["ell0": 0.1, "ellBar": 0.1, "leverage": 1, "yieldRate": 0.1])
    let r = try onePath(s)
    #expect(r.floorViolations == 5)
    let perEpoch = 0.25 * 0.1 / 365
    #expect(abs(r.roi - (pow(1 + perEpoch, 5) - 1)) < 1e-12)
  }

  @Test func redemptionWavePaysPrincipalAndFees() throws {
    // rho = 0.01 for 2 epochs, fee 10 bps, liquidity 0.5 covers it (no haircut).
    let s = try quietScenario(
      epochs: 3, capital: ["leverage": 1], shocks: [shock("redemption_wave", ["at": 0, "rate": 0.01, "epochs": 2])])
    let r = try onePath(s)
    #expect(abs(r.roi - (pow(1 - 0.01 * 1.001, 2) - 1)) < 1e-12)
  }

  @Test func redemptionBeyondLiquidityIsSoldAtAHaircut() throws {
    // ell = 0.005: after step 4 ell = max(0, 0.005 - 0.01) = 0; haircut 10% on the 0.01 uncovered.
    let s = try quietScenario(
      capital: ["leverage": 1, "ell0": 0.005, "ellBar": 0.005],
      shocks: [shock("redemption_wave", ["at": 0, "rate": 0.01, "epochs": 1])])
    let r = try onePath(s)
    #expect(abs(r.roi - -(0.01 * 1.001 + 0.1 * 0.01)) < 1e-12)
  }

  @Test func pegShockTriggersAnInterventionPaidFromLiquidity() throws {
    // P = 1.05; no arbitrage; q = min(0.5, 1 * (0.05 - 0.002)) = 0.048; P = 1.05 - 0.048 * 0.5.
    let s = try quietScenario(
      capital: ["leverage": 1, "arbLiquidityCoefficient": 0], shocks: [shock("peg_shock", ["at": 0, "delta": 0.05])])
    let r = try onePath(s)
    let q = 0.048
    let gap = 0.05 - q * 0.5
    #expect(abs(r.roi - -(q * (5e-4 + gap))) < 1e-12)
    #expect(r.pegDeviationEpochs == 1)
  }

  @Test func attributionAddsUpToThePnL() throws {
    let s = try projectLibrary.scenario("bank_run_redemption_spike").with([("paths", .number(200))])
    for r in try Runner.run(s).records {
      #expect(abs(r.attribution.total - r.pnl) < 1e-6 * s.capital!.capital)
    }
  }
}

@Suite struct CapitalModelStatistics {
  /// With every other term off, T compounds i.i.d. market-making returns whose
  /// mean per epoch is turnover * dt * capture0 * s; E[roi] = (1 + m)^E - 1.
  @Test(arguments: [2_000, 20_000])
  func marketMakingMeanMatchesTheClosedForm(paths: Int) throws {
    let s = try quietScenario(
      epochs: 50, paths: paths, capital: ["leverage": 1, "capture0": 0.35, "flowTurnover": 24, "volumeVol": 0.4])
    let card = try Runner.run(s).scorecard
    let m = 24.0 / 365 * 0.35 * 40e-4
    let expected = pow(1 + m, 50) - 1
    #expect(abs(card.roiMean - expected) < 5 * card.roiMeanStderr)
    #expect(card.roiMeanStderr > 0)
  }
}

@Suite struct Determinism {
  @Test(arguments: [(1, 256), (2, 256), (3, 7), (2, 1), (5, 1000), (7, 3)])
  func recordsAreIdenticalForAnyThreadsAndBlockSize(threads: Int, blockSize: Int) throws {
    let s = try projectLibrary.scenario("high_vol_sigma_spike").with([("paths", .number(300)), ("epochs", .number(90))])
    let reference = try Runner.run(s, options: RunOptions(threads: 1, blockSize: 64)).records
    let other = try Runner.run(s, options: RunOptions(threads: threads, blockSize: blockSize)).records
    #expect(reference == other)
  }

  @Test func pathPOfASmallRunEqualsPathPOfALargeRun() throws {
    let base = try projectLibrary.scenario("crash_40pct_external_asset").with([("epochs", .number(60))])
    let small = try Runner.run(base.with([("paths", .number(50))])).records
    let large = try Runner.run(base.with([("paths", .number(500))])).records
    #expect(Array(large.prefix(50)) == small)
  }

  @Test func aDifferentSeedGivesDifferentPaths() throws {
    let base = try projectLibrary.scenario("crash_40pct_external_asset").with([
      ("paths", .number(20)), ("epochs", .number(60)),
    ])
    let a = try Runner.run(base).records
    let b = try Runner.run(base.with([("seed", .number(139))])).records
    #expect(a != b)
  }

  @Test func cancellationStopsTheRun() throws {
    let s = try projectLibrary.scenario("crash_40pct_external_asset").with([("paths", .number(5000))])
    let token = CancellationToken()
    token.cancel()
    #expect(throws: RunError.self) { try Runner.run(s, options: RunOptions(cancellation: token)) }
  }
}

@Suite struct ShippedScenarioConclusions {
  @Test func crashLiquidatesMostPathsAtTwoTimesAndAboveButNoneAtOnePointFive() throws {
    let s = try projectLibrary.scenario("crash_40pct_external_asset").with([("paths", .number(500))])
    #expect(try Runner.run(s).scorecard.liquidationProbability == 0)
    for leverage in [2.0, 3.0, 4.0] {
      let levered = try s.with([("leverage", .number(leverage))])
      #expect(try Runner.run(levered).scorecard.liquidationProbability > 0.5)
    }
  }

  @Test func bankRunLosesMoneyWithinTheDrawdownGate() throws {
    let s = try projectLibrary.scenario("bank_run_redemption_spike").with([("paths", .number(500))])
    let card = try Runner.run(s).scorecard
    #expect(card.roiMean < 0)
    #expect(card.maxDrawdownP95 < s.policy.gates.maxDrawdownP95)
  }

  @Test func volatilitySpikeThrottlesEveryPath() throws {
    let s = try projectLibrary.scenario("high_vol_sigma_spike").with([("paths", .number(500))])
    let card = try Runner.run(s).scorecard
    #expect(card.volatilityThrottleEvents >= 1)
    #expect(card.liquidationProbability == 0)
  }
}

@Suite struct FanChartBands {
  @Test func bandsEndAtTheTerminalROIQuantilesAndChangeNoNumber() throws {
    let s = try projectLibrary.scenario("bank_run_redemption_spike").with([
      ("paths", .number(400)), ("epochs", .number(120)),
    ])
    let plain = try Runner.run(s, options: RunOptions(threads: 1))
    var options = RunOptions(threads: 2, blockSize: 17)
    options.bandPaths = 400
    let banded = try Runner.run(s, options: options)
    #expect(plain.records == banded.records)
    let bands = try #require(banded.bands)
    #expect(bands.quantiles.allSatisfy { $0.count == 120 })
    let sorted = banded.records.map(\.roi).sorted()
    // Bands are kept in single precision.
    #expect(abs(bands.band("p50")!.last! - Quantiles.sorted(sorted.map { Double(Float($0)) }, 0.5)) < 1e-12)
    for t in 0..<120 {
      #expect(bands.band("p05")![t] <= bands.band("p50")![t] && bands.band("p50")![t] <= bands.band("p95")![t])
    }
    #expect(plain.bands == nil)
  }
}
