import Foundation
import TestSupport
import Testing

@testable import LuaHost
@testable import ScriptHost

/// Issue 12, items 6-8 in Lua: errors instead of empty values, shock mistakes
/// refused, and messages that say what to change.
@Suite struct ClearErrors {
  private let routingRun = "local h = cap.run(cap.scenario('hub_only_11'):with{ paths = 4, epochs = 10 })\n"

  @Test(arguments: [
    ("return h.roi_mean", "r.roi_mean: hub_only_11 is routing-only (no capital overlay"),
    ("return h.roi_mean_stderr", "r.roi_mean_stderr: hub_only_11 is routing-only"),
    ("return h:paths 'roi'", "r:paths \"roi\": hub_only_11 is routing-only"),
    (
      "return cap.gates(h)",
      "cap.gates: hub_only_11 is routing-only (no capital overlay: no capitalEfficiency block), so the policy gates (capital figures) need a capital run"
    ),
  ])
  func aRoutingOnlyResultRaisesForWhatItDoesNotHave(read: String, message: String) throws {
    let state = try makeState()
    #expect(try errorMessage(routingRun + read, in: state).contains(message))
    // What it does have still reads.
    let capture = try state.run(routingRun + "return math.type(h['routing.capture']), type(h.routing)")
    #expect(capture == ["float", "table"])
  }

  @Test(arguments: [
    ("cap.shock.asset_crash{ at = 30 }", "shocks[1].drop: is required: fall of the asset price ([0, 1])"),
    ("cap.shock.redemption_wave{ at = 30, epochs = 5 }", "shocks[1].rate: is required"),
    (
      "cap.shock.asset_crash{ at = 30.5, drop = 0.4 }",
      "shocks[1].at: 30.5 is not an integer; it must be a whole number"
    ),
    ("cap.shock.asset_crash{ from = 1.5, drop = 0.4 }", "shocks[1].from: 1.5 is not an integer"),
    ("cap.shock.flow_shock{ at = 3, imbalance = 0.1, epochs = 2.5 }", "shocks[1].epochs: 2.5 is not an integer"),
  ])
  func shockMistakesAreRefusedNamingTheField(shock: String, message: String) throws {
    let code = "return cap.scenario('crash_40pct_external_asset'):with{ shocks = { \(shock) } }"
    let got = try errorMessage(code)
    #expect(got.contains("crash_40pct_external_asset.json (with): " + message), "\(got)")
  }

  @Test func nanAndOpenRangesReadAsWords() throws {
    let s = "local s = cap.scenario('crash_40pct_external_asset')\n"
    #expect(
      try errorMessage(s + "return s:with{ leverage = 0/0 }").contains(
        "capitalEfficiency.leverage: expected a number, got NaN (not a number); the allowed range is at least 1"))
    #expect(
      try errorMessage(s + "return s:with{ leverage = 0.5 }").contains(
        "capitalEfficiency.leverage: 0.5 is outside the allowed range: it must be at least 1"))
  }

  @Test func aChainOfWithNamesItsOriginOnce() throws {
    let message = try errorMessage(
      "return cap.scenario('crash_40pct_external_asset'):with{ paths = 10 }:with{ seed = 5 }:with{ leverage = 9 }")
    #expect(message.contains("crash_40pct_external_asset.json (with): capitalEfficiency.leverage: 9 is above"))
    #expect(!message.contains("(with) (with)"))
  }

  @Test func compareTableAlignsEachHeaderOverItsColumn() throws {
    let state = try LuaState(
      context: HostContext(configDirectory: packageRoot + "/config", threads: 2),
      libraryPaths: [packageRoot + "/scripts/lib"])
    let out = try state.run(
      """
      local compare = require "compare"
      local base = cap.scenario("crash_40pct_external_asset"):with{ paths = 100 }
      return compare.table{ a = base, ["a longer name"] = base:with{ leverage = 2 } }
      """)
    let lines = out[0].split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    // Every column ends at the same character in the header and in each row.
    func ends(_ line: String) -> [Int] {
      let chars = Array(line)
      return chars.indices.filter { $0 > 0 && chars[$0] == " " && chars[$0 - 1] != " " }.map { $0 } + [chars.count]
    }
    let header = ends(lines[0])
    #expect(header.count == 6)
    for row in lines.dropFirst() {
      #expect(Array(ends(row).suffix(6)) == Array(header.suffix(6)), "\(lines)")
    }
  }
}
