import Testing

@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// Intervals and undecided gates reach Lua.
@Suite struct IntervalBindings {
  @Test func ciReturnsTheScorecardIntervalAndNamesTheFieldsWhenAsked() throws {
    let state = try makeState()
    let out = try state.run(
      """
      local r = cap.run(cap.scenario("crash_40pct_external_asset"):with{paths = 500, epochs = 60})
      local lo, hi = r:ci "roi_mean"
      local plo, phi = r:ci "liquidation_probability"
      return lo < r.roi_mean and r.roi_mean < hi, plo, phi > 0, select(2, pcall(r.ci, r, "roi_meen")):match("no interval for")
      """)
    #expect(out == ["true", "0.0", "true", "no interval for"])
  }

  @Test func theBadDebtBlockReachesLuaWithItsIntervalsAndPerPathArray() throws {
    let state = try makeState()
    // At 2x a 50% crash leaves debt unpaid on about half the paths (examples/derive_and_run.lua).
    let out = try state.run(
      """
      local s = cap.scenario("crash_40pct_external_asset"):with{
        paths = 400, epochs = 60, leverage = 2, shocks = { cap.shock.asset_crash{ at = 30, drop = 0.5 } } }
      local r = cap.run(s)
      local lo, hi = r:ci "bad_debt_mean"
      local plo, phi = r:ci "bad_debt_probability"
      local sum, liquidatedOnly = 0, true
      local bad, liquidated = r:paths "bad_debt", r:paths "liquidated"
      for i = 1, #bad do
        sum = sum + bad[i]
        liquidatedOnly = liquidatedOnly and (bad[i] == 0 or liquidated[i] == 1)
      end
      return r.bad_debt_mean > 0, lo <= r.bad_debt_mean and r.bad_debt_mean <= hi,
        plo <= r.bad_debt_probability and r.bad_debt_probability <= phi,
        math.abs(sum / #bad - r.bad_debt_mean) <= 1e-9 * r.bad_debt_mean, liquidatedOnly
      """)
    #expect(out == ["true", "true", "true", "true", "true"])
  }

  @Test func gatesListUndecidedGatesApartFromFailedOnes() throws {
    let state = try makeState()
    // 0 liquidations in 40 paths: the Wilson bound straddles the 1% gate.
    let out = try state.run(
      """
      local g = cap.gates(cap.run(cap.scenario("crash_40pct_external_asset"):with{paths = 40, epochs = 60}))
      local liquidation = false
      for _, d in ipairs(g.inconclusive) do
        liquidation = liquidation or d:match("^liquidation_probability inconclusive") ~= nil
      end
      return g.passed, #g.failed, liquidation
      """)
    #expect(out == ["false", "0", "true"])
  }
}
