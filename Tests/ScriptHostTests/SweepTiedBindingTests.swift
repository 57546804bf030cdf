import Testing

@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// The paired comparison to the leader reaches Lua: `res.tied`, and each
/// candidate's `score_diff_ci` and `tied`.
@Suite struct SweepTiedBindings {
  @Test func tiedListsTheCandidatesWhosePairedIntervalToTheLeaderIncludesZero() throws {
    let state = try makeState()
    // Two identical 1.5x candidates (a zero-width difference) and a far worse 4x.
    let out = try state.run(
      """
      local base = cap.scenario("leverage_sweep_1x_to_4x"):with{paths = 400}
      local res = cap.sweep{ base = base, grid = { leverage = {1.5, 1.5, 4} } }:run()
      local inside = true
      for _, c in ipairs(res.tied) do
        inside = inside and c.tied and c.score_diff_ci[1] <= 0 and 0 <= c.score_diff_ci[2]
      end
      local far = res.candidates[3]
      return #res.tied, inside, res.tied[1].label, res.tied[1].score_diff_ci[2], far.tied, far.score_diff_ci[1] > 0
      """)
    #expect(out == ["2", "true", "leverage=1.5", "0", "false", "true"])
  }
}
