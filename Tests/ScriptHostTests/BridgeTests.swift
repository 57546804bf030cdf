import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

let fixtures = packageRoot + "/Tests/ScriptHostTests/Fixtures"

func makeState() throws -> LuaState {
  try LuaState(context: HostContext(configDirectory: packageRoot + "/config", threads: 2))
}

/// Runs `code` and returns the error message it raises.
func errorMessage(_ code: String, in state: LuaState? = nil) throws -> String {
  let state = try state ?? makeState()
  do {
    try state.run(code, name: "=test")
  } catch {
    return error.message
  }
  Issue.record("expected an error from: \(code)")
  return ""
}

@Suite struct BridgeErrors {
  @Test func runtimeErrorReportsFileLineAndTraceback() throws {
    let state = try makeState()
    let path = fixtures + "/runtime_error.lua"
    #expect(throws: ScriptError.self) { try state.runFile(path) }
    do { try state.runFile(path) } catch {
      #expect(error.code == .runtime)
      #expect(error.message.contains("runtime_error.lua:3: boom"))
      #expect(error.message.contains("stack traceback:"))
      #expect(error.message.contains("runtime_error.lua:5"))
    }
  }

  @Test func syntaxErrorReportsFileAndLine() throws {
    let path = fixtures + "/syntax_error.lua"
    let state = try makeState()
    do {
      try state.runFile(path)
      Issue.record("no error")
    } catch {
      #expect(error.code == .syntax)
      #expect(error.message.contains("syntax_error.lua:2:"))
    }
  }

  @Test func binaryChunksAreRefused() throws {
    let message = try errorMessage("assert(load(string.dump(function() end), 'b', 't'))")
    #expect(message.contains("attempt to load a binary chunk"))
  }

  @Test(arguments: [
    ("cap.run(42)", "test:1: bad argument #1 to 'run' (scenario expected, got number)"),
    ("cap.run()", "test:1: bad argument #1 to 'run' (scenario expected, got no value)"),
    ("cap.scenario(true)", "test:1: bad argument #1 to 'scenario' (scenario name or table expected, got boolean)"),
    (
      "local r = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 10}); cap.run(r)",
      "test:1: bad argument #1 to 'run' (scenario expected, got userdata)"
    ),
    (
      "cap.scenario('crash_40pct_external_asset'):with{levrage = 2}",
      #"test:1: with: levrage: unknown field; did you mean "leverage"?"#
    ),
    (
      "cap.scenario('crash_40pct_external_asset'):with{leverage = 5}",
      "capitalEfficiency.leverage: 5 is above the hard limit of 4x (policy: hardLeverageMax)"
    ),
    (
      "cap.scenario('crash_40pct_external_asset'):with(7)",
      "test:1: bad argument #2 to 'with' (table expected, got number)"
    ),
    ("cap.scenario('no_such_scenario')", "no such scenario"),
    (
      "local s = cap.scenario('crash_40pct_external_asset'); return s.leverag",
      #"test:1: scenario has no field "leverag"; did you mean "leverage"?"#
    ),
    (
      "cap.scenario('crash_40pct_external_asset'):with{shocks = {cap.shock.asset_crash{at = 1, drop = 2}}}",
      "shocks[1].drop: 2 is outside the allowed range [0, 1]"
    ),
    (
      "cap.scenario('crash_40pct_external_asset'):with{paths = print}",
      "test:1: lua table: paths: cannot use a function value in a scenario"
    ),
  ])
  func wrongArgumentsAreErrorsNotCrashes(code: String, expected: String) throws {
    let message = try errorMessage(code)
    #expect(message.contains(expected), "got: \(message)")
  }

  @Test func theStateStaysUsableAfterAnError() throws {
    let state = try makeState()
    _ = try errorMessage("cap.run(1)", in: state)
    #expect(try state.run("return 1 + 1") == ["2"])
  }
}

@Suite struct BridgeValues {
  @Test func resultFieldsUseScorecardNames() throws {
    let state = try makeState()
    let out = try state.run(
      """
      local r = cap.run(cap.scenario("crash_40pct_external_asset"):with{paths = 200})
      return r.roi_mean, r.liquidation_probability, r.provenance.seed, r.pnl_attribution.yield > 0, #r:paths("roi")
      """)
    #expect(out.count == 5)
    #expect(Double(out[0]) != nil)
    #expect(out[1] == "0.0")
    #expect(out[2] == "138")
    #expect(out[3] == "true")
    #expect(out[4] == "200")
  }

  @Test func luaRunMatchesTheNativeRun() throws {
    let state = try makeState()
    let out = try state.run(
      "return string.format('%.17g', cap.run(cap.scenario('bank_run_redemption_spike'):with{paths = 300}).roi_mean)")
    let s = try ConfigLibrary(directory: packageRoot + "/config").scenario("bank_run_redemption_spike")
      .with([("paths", .number(300))])
    #expect(Double(out[0]) == (try Runner.run(s).scorecard.roiMean))
  }

  @Test func scenariosAreImmutableValues() throws {
    let out = try makeState().run(
      """
      local s = cap.scenario("crash_40pct_external_asset")
      local t = s:with{leverage = 2, allocation = 0.4}
      return s.leverage, t.leverage, t.allocation, s.hash ~= t.hash, tostring(t):match("leverage 2x") ~= nil
      """)
    #expect(out == ["1.5", "2.0", "0.4", "true", "true"])
  }

  @Test func tableScenariosGoThroughTheSameSchema() throws {
    let message = try errorMessage("cap.scenario{name = 'x', capitalEfficiency = {allocation = 2}}")
    #expect(message.contains("lua table: capitalEfficiency.allocation: 2 is outside the allowed range [0, 1]"))
    let out = try makeState().run("return cap.scenario{name = 'x', paths = 5, capitalEfficiency = {}}.paths")
    #expect(out == ["5"])
  }

  @Test func argTableAndVarargsAreSetLikeLua() throws {
    let state = try makeState()
    try state.runFile(fixtures + "/args.lua", arguments: ["a", "b"])
    let out = try state.run("return result.first, result.count, result.second, result.script:match('args.lua$') ~= nil")
    #expect(out == ["a", "2", "b", "true"])
  }

  @Test func saveWritesWholeFilesOnly() throws {
    let dir = try temporaryFolder()
    defer { removeFolder(dir) }
    let state = try makeState()
    try state.run(
      """
      local r = cap.run(cap.scenario("crash_40pct_external_asset"):with{paths = 50})
      r:save("\(dir)/a.json"); r:save("\(dir)/a.csv")
      """)
    let json = try String(contentsOfFile: dir + "/a.json", encoding: .utf8)
    let tree = try JSONText.parse(json, file: "a.json")
    #expect(tree["provenance"]?["paths"] == .number(50))
    #expect(try String(contentsOfFile: dir + "/a.csv", encoding: .utf8).hasPrefix("scenario,roi_mean,"))
    _ = try errorMessage(
      "cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 5}):save('\(dir)/b.xlsx')", in: state)
    #expect(!FileManager.default.fileExists(atPath: dir + "/b.xlsx"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["a.csv", "a.json"])
  }
}

@Suite struct BridgeLifetime {
  @Test func objectsOwnedByLuaAreReleasedAfterCollection() throws {
    let state = try makeState()
    try state.run("held = cap.scenario('crash_40pct_external_asset'); other = held:with{paths = 5}")
    weak let box = state.box(ofGlobal: "held")
    weak let derived = state.box(ofGlobal: "other")
    #expect(box != nil && derived != nil)
    try state.run("held = nil; collectgarbage(); collectgarbage()")
    #expect(box == nil)
    #expect(derived != nil)
    try state.run("other = nil; collectgarbage(); collectgarbage()")
    #expect(derived == nil)
  }

  @Test func closingTheStateReleasesEverything() throws {
    var state: LuaState? = try makeState()
    try state!.run("keep = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 10})")
    weak let box = state!.box(ofGlobal: "keep")
    #expect(box != nil)
    state = nil
    #expect(box == nil)
  }

  @Test func aResurrectedObjectReportsThatItWasCollected() throws {
    let state = try makeState()
    // The table's finalizer (marked later, so run first) resurrects the scenario,
    // whose own __gc then runs in the same cycle: using it afterwards is a clear error.
    try state.run(
      """
      do
        local s = cap.scenario('crash_40pct_external_asset')
        setmetatable({ s = s }, { __gc = function(t) zombie = t.s end })
      end
      collectgarbage(); collectgarbage()
      """)
    #expect(try state.run("return tostring(zombie)") == ["(collected capscript object)"])
    let message = try errorMessage("return zombie.name", in: state)
    #expect(message.contains("this object was already collected"))
    #expect(try state.run("return cap.scenario('crash_40pct_external_asset').name") == ["crash_40pct_external_asset"])
  }
}
