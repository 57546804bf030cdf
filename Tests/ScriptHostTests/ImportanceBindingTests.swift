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

  /// cap.sweep{..., importance = {...}}: every candidate runs under the tilt found
  /// on the base, as the native sweep does (same liquidation probabilities, to the bit);
  /// a bad importance option is refused naming it.
  @Test func aSweepTakesImportanceSamplingAsTheNativeSweepDoes() throws {
    let base = try ConfigLibrary(directory: packageRoot + "/config").scenario("crash_40pct_external_asset").with([
      ("epochs", .number(60)), ("paths", .number(600)), ("leverage", .number(1.65)),
    ])
    let spec = try SweepSpec(
      .object(["grid": .object(["leverage": .array([1.6, 1.7].map(ConfigValue.number))])]), file: "test")
    var native = try Sweep(base: base, spec: spec, evidence: DeploymentEvidence())
    try native.sample(importance: ImportanceSpec(pilotPaths: 500, maxRounds: 3), options: RunOptions())
    let result = try native.run(options: RunOptions())
    let p = try #require(result.candidates.first { $0.leverage == 1.6 }?.metrics["liquidation_probability"])
    #expect(p > 0)
    let state = try makeState()
    let out = try state.run(
      """
      local s = cap.scenario("crash_40pct_external_asset"):with{epochs = 60, paths = 600, leverage = 1.65}
      local res = cap.sweep{base = s, grid = {leverage = {1.6, 1.7}},
                            importance = {target = "liquidation", pilot_paths = 500, rounds = 3}}:run()
      local p
      for _, c in ipairs(res.candidates) do if c.leverage == 1.6 then p = c.liquidation_probability end end
      local ok, err = pcall(cap.sweep, {base = s, grid = {leverage = {1.6}}, importance = {target = "crash"}})
      return p == \(p), ok, err
      """)
    #expect(out.prefix(2) == ["true", "false"])
    #expect(out.last?.contains("importance.target expects liquidation") == true, "\(out)")
  }

  /// The per-path arrays carry each path's weight under importance sampling
  /// (`r:paths "weight"`, the `weight` column of `r:save{paths = true}`), and
  /// their weighted mean of `liquidated` is the scorecard's probability; a
  /// plain run has no `weight` array.
  @Test func perPathArraysCarryTheWeightsOnlyWhenImportanceSampled() throws {
    let s = try ConfigLibrary(directory: packageRoot + "/config").scenario("crash_40pct_external_asset").with([
      ("epochs", .number(60)), ("paths", .number(400)), ("leverage", .number(1.8)),
    ])
    let spec = ImportanceSpec(method: .manual(asset: -0.3, volatility: 0, from: 0, to: 30))
    let native = try Runner.run(s, importance: spec)
    #expect(native.pathColumnNames.last == "weight")
    #expect(native.column("weight") == native.records.map(\.weight))
    #expect(native.records.contains { $0.weight != 1 })
    let plain = try Runner.run(s)
    #expect(!plain.pathColumnNames.contains("weight"))
    #expect(plain.column("weight") == nil)
    let csv = PathTable.csv(native).split(separator: "\n")
    #expect(csv[1].hasSuffix(",weight"))
    #expect(!PathTable.csv(plain).contains("weight"))
    #expect(PathTable.json(native).contains("{\"name\": \"weight\", \"type\": \"number\"}"))
    let state = try makeState()
    let out = try state.run(
      """
      local s = cap.scenario("crash_40pct_external_asset"):with{epochs = 60, paths = 400, leverage = 1.8}
      local r = cap.run(s, {importance = {asset = -0.3, from = 0, to = 30}})
      local w, l, sum = r:paths "weight", r:paths "liquidated", 0
      for i = 1, #w do sum = sum + w[i] * l[i] end
      return #w, math.abs(sum / #w - r.liquidation_probability) < 1e-12, (pcall(cap.run(s).paths, cap.run(s), "weight"))
      """)
    #expect(out == ["400", "true", "false"])
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
