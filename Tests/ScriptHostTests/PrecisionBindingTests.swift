import Testing

@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// `cap.run(s, {precision = ..., max_paths = n})`: `until` is a Lua keyword.
@Suite struct PrecisionBindings {
  @Test func precisionRunStopsWhenTheTargetHoldsAndSaysSo() throws {
    let state = try makeState()
    let out = try state.run(
      """
      local s = cap.scenario("crash_40pct_external_asset"):with{epochs = 60, capitalEfficiency = {leverage = 1.75}}
      local r = cap.run(s, {precision = "roi_mean:halfwidth<0.002", max_paths = 20000})
      local t = r.precision.targets[1]
      local lo, hi = r:ci "roi_mean"
      local list = cap.run(s, {precision = {"roi_mean:halfwidth<0.002", "gates"}, max_paths = 2000})
      return r.precision.met, t.target, t.met, t.value < 0.002, (hi - lo) / 2 == t.value,
        r.provenance.paths == r.precision.paths, r.scenario.paths == r.precision.paths, #list.precision.targets,
        cap.run(s).precision == nil
      """)
    #expect(out == ["true", "roi_mean:halfwidth<0.002", "true", "true", "true", "true", "true", "2", "true"])
  }

  @Test(arguments: [
    ("{precision = 3}", "precision must be a string or a list of strings, got a number"),
    ("{precision = {true}}", "precision must be a string or a list of strings, got a boolean"),
    ("{precision = \"roi_mean:rse<-1\"}", "cap.run options: precision: \"roi_mean:rse<-1\": the bound must be"),
    ("{max_paths = 10}", "max_paths is the budget of a precision run"),
    ("{precision = \"gates\", max_paths = 0}", "max_paths"),
  ])
  func badPrecisionOptionsSayWhy(options: String, message: String) throws {
    let state = try makeState()
    let out = try state.run(
      """
      local ok, err = pcall(cap.run, cap.scenario("crash_40pct_external_asset"):with{paths = 10, epochs = 40}, \(options))
      return ok, err
      """)
    #expect(out.first == "false")
    #expect(out.last?.contains(message) == true, "\(out)")
  }
}
