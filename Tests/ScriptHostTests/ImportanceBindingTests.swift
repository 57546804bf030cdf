import TestSupport
import Testing

@testable import CapscriptIO
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// `cap.run(s, {importance = {...}})`: importance sampling from Lua, the same run as the native one.
@Suite struct ImportanceBindings {
  @Test func importanceRunMatchesTheNativeRunAndReportsItsDiagnostics() throws {
    let s = try ConfigLibrary(directory: packageRoot + "/config").scenario("crash_40pct_external_asset").with([
      ("epochs", .number(60)), ("paths", .number(800)), ("leverage", .number(1.8)),
    ])
    let native = try Runner.run(s, importance: ImportanceSpec(pilotPaths: 500, maxRounds: 3))
    let p = native.scorecard.liquidationProbability
    let state = try makeState()
    let out = try state.run(
      """
      local s = cap.scenario("crash_40pct_external_asset"):with{epochs = 60, paths = 800, leverage = 1.8}
      local r = cap.run(s, {importance = {target = "liquidation", pilot_paths = 500, rounds = 3}})
      local m = cap.run(s, {importance = {asset = -0.2, from = 0, to = 30}})
      return r.liquidation_probability == \(p), r.importance.target, r.importance.pilot_paths > 0,
        m.importance.method, m.importance.pilot_paths == 0, cap.run(s).importance == nil
      """)
    #expect(out == ["true", "liquidation", "true", "manual", "true", "true"])
  }

  @Test(arguments: [
    ("{importance = {target = \"crash\"}}", "importance.target expects liquidation, bad_debt"),
    ("{importance = {asset = -9}}", "asset"),
    ("{importance = {asset = -1, from = 0, to = 99}}", "to"),
    ("{importance = {pilot = 3}}", "pilot"),
  ])
  func badImportanceOptionsSayWhy(options: String, message: String) throws {
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
