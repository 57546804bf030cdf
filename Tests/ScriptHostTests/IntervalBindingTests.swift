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
