import TestSupport
import Testing

@testable import LuaHost
@testable import ScriptHost

/// The shipped Lua library in scripts/lib, exercised through the host.
@Suite struct StressLibrary {
  func state() throws -> LuaState {
    try LuaState(
      context: HostContext(configDirectory: packageRoot + "/config", threads: 2),
      libraryPaths: [packageRoot + "/scripts/lib"])
  }

  @Test func crashThenRunAddsItsShocksToACopy() throws {
    let out = try state().run(
      """
      local stress = require "stress"
      local base = cap.scenario("crash_40pct_external_asset")
      local s = stress.crash_then_run(base, { at = 20, lag = 3 })
      local shocks = s.shocks
      return #base.shocks, #shocks, shocks[2].type, shocks[3].at, shocks[4].type
      """)
    #expect(out == ["1", "4", "asset_crash", "23", "liquidity_shock"])
  }

  @Test func crashThenRunCostsMoreThanTheCrashAlone() throws {
    let out = try state().run(
      """
      local stress = require "stress"
      local base = cap.scenario("crash_40pct_external_asset"):with{ paths = 300 }
      return cap.run(stress.crash_then_run(base)).roi_mean < cap.run(base).roi_mean
      """)
    #expect(out == ["true"])
  }

  @Test func depegLadderGrowsThePegDeviation() throws {
    let out = try state().run(
      """
      local stress = require "stress"
      local base = cap.scenario("crash_40pct_external_asset"):with{ paths = 300 }
      local rungs = stress.depeg_ladder(base, { from = 0.01, to = 0.05, step = 0.02 })
      local last = -1
      for _, rung in ipairs(rungs) do
        local dev = cap.run(rung.scenario).peg_deviation_frequency
        if dev <= last then return "not increasing at " .. rung.delta end
        last = dev
      end
      return #rungs
      """)
    #expect(out == ["3"])
  }

  @Test func volRegimeThrottlesAndBridgeOutageCosts() throws {
    let out = try state().run(
      """
      local stress = require "stress"
      local base = cap.scenario("crash_40pct_external_asset"):with{ paths = 300, shocks = {} }
      local calm = cap.run(base)
      local regime = cap.run(stress.vol_regime(base))
      local outage = cap.run(stress.bridge_outage(base))
      return regime.volatility_throttle_events > calm.volatility_throttle_events,
             outage.roi_mean < calm.roi_mean,
             outage.external_liquidity_floor_violations > calm.external_liquidity_floor_violations
      """)
    #expect(out == ["true", "true", "true"])
  }

  @Test func randomCrashHitsAboutItsShareOfPaths() throws {
    let out = try state().run(
      """
      local stress = require "stress"
      local base = cap.scenario("crash_40pct_external_asset"):with{ paths = 2000, shocks = {}, leverage = 2 }
      return cap.run(stress.random_crash(base, { p = 0.25, drop = 0.5 })).liquidation_probability
      """)
    let p = try #require(Double(out[0]))
    // Binomial(2000, 0.25): s.d. about 0.0097.
    #expect(abs(p - 0.25) < 5 * 0.0097)
  }

  @Test func compareTabulatesEveryScenarioOnTheSamePaths() throws {
    let out = try state().run(
      """
      local compare = require "compare"
      local base = cap.scenario("crash_40pct_external_asset"):with{ paths = 200 }
      local rows = compare.run{ b = base:with{ leverage = 1.2 }, a = base }
      return rows[1].name, rows[2].name, select(2, compare.table{ a = base }:gsub("\\n", "\\n"))
      """)
    #expect(out == ["a", "b", "1"])
  }
}
