import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

@Suite struct CommandLineRuns {
  @Test func jsonScorecardHasEveryFieldAndProvenance() throws {
    let r = try capscript(["run", "bank_run_redemption_spike", "--format", "json", "--paths", "500"])
    #expect(r.status == 0, "\(r.stderr)")
    let tree = try JSONText.parse(r.stdout, file: "stdout")
    for name in Scorecard.scalarFieldNames { #expect(tree[name] != nil, "missing \(name)") }
    for name in ["pnl_distribution", "pnl_attribution", "provenance"] { #expect(tree[name] != nil) }
    #expect(tree["pnl_distribution"]?["quantiles"]?["p99"] != nil)
    #expect(tree["pnl_distribution"]?["histogram"]?["edges"] != nil)
    for name in [
      "scenario", "scenario_hash", "policy_hash", "seed", "paths", "epochs", "model_version", "roi_mean_stderr",
    ] {
      #expect(tree["provenance"]?[name] != nil, "missing provenance.\(name)")
    }
    #expect(tree["provenance"]?["paths"] == .number(500))
  }

  @Test func jsonScorecardHasTheBadDebtBlockWithItsIntervals() throws {
    let r = try capscript(["run", "crash_40pct_external_asset", "--format", "json", "--paths", "400"])
    #expect(r.status == 0, "\(r.stderr)")
    let tree = try JSONText.parse(r.stdout, file: "stdout")
    for name in ["bad_debt_probability", "bad_debt_mean", "bad_debt_var_95", "bad_debt_es_99"] {
      guard case .number? = tree[name], case .array(let ci)? = tree[name + "_ci"] else {
        Issue.record("\(name) or \(name)_ci missing")
        continue
      }
      #expect(ci.count == 2, "\(name)_ci")
    }
    for name in ["bad_debt_mean_se", "bad_debt_es_99_se"] { #expect(tree[name] != nil, "missing \(name)") }
  }

  @Test func threadCountNeverChangesTheNumbers() throws {
    let args = ["run", "bank_run_redemption_spike", "--format", "json", "--paths", "700"]
    let one = try capscript(args + ["--threads", "1"])
    let two = try capscript(args + ["--threads", "2"])
    let three = try capscript(args + ["--threads", "3"])
    #expect(one.status == 0 && !one.stdout.isEmpty)
    #expect(one.stdout == two.stdout)
    #expect(one.stdout == three.stdout)
  }

  @Test func luaDriverPrintsWhatTheSubcommandPrints() throws {
    let native = try capscript(["run", "crash_40pct_external_asset", "--format", "json", "--paths", "300"])
    let scripted = try capscript([
      "scripts/run-scenario.lua", "crash_40pct_external_asset", "--format", "json", "--paths", "300",
    ])
    #expect(scripted.status == 0, "\(scripted.stderr)")
    #expect(native.stdout == scripted.stdout)
  }

  @Test func invalidScenarioExitsWith65AndNamesTheField() throws {
    let dir = try temporaryFolder("e2e")
    defer { removeFolder(dir) }
    let path = dir + "/bad.json"
    try #"{"name": "bad", "capitalEfficiency": {"leverage": 5}}"#.write(toFile: path, atomically: true, encoding: .utf8)
    let r = try capscript(["run", path])
    #expect(r.status == 65)
    #expect(
      r.stderr.contains(
        "bad.json: capitalEfficiency.leverage: 5 is above the hard limit of 4x (policy: hardLeverageMax)"))
    #expect(r.stdout.isEmpty)
  }

  @Test func badUsageExitsWith64() throws {
    #expect(try capscript(["run", "crash_40pct_external_asset", "--paths", "0"]).status == 64)
    #expect(try capscript(["run", "crash_40pct_external_asset", "--format", "xml"]).status == 64)
  }

  @Test func scriptErrorExitsWith1WithFileLineAndTraceback() throws {
    let r = try capscript(["Tests/ScriptHostTests/Fixtures/runtime_error.lua"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("Tests/ScriptHostTests/Fixtures/runtime_error.lua:3: boom"))
    #expect(r.stderr.contains("stack traceback:"))
  }

}

/// Every example runs from a fresh clone and prints what its snapshot holds.
/// Re-record with CAPSCRIPT_RECORD_SNAPSHOTS=1 swift test --filter ExampleSnapshots.
@Suite struct ExampleSnapshots {
  static let examples: [String] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot + "/examples")) ?? []
    return files.filter { $0.hasSuffix(".lua") }.sorted()
  }()

  @Test func thereAreAtLeastFiveExamples() {
    #expect(Self.examples.count >= 5)
  }

  @Test(arguments: examples)
  func exampleMatchesItsSnapshot(file: String) throws {
    let r = try capscript(["examples/" + file])
    #expect(r.status == 0, "\(r.stderr)")
    let snapshot = Snapshot(
      "Tests/CapscriptEndToEndTests/Snapshots/" + file.replacingOccurrences(of: ".lua", with: ".txt"))
    #expect(r.stdout == (try snapshot.expected(for: r.stdout)))
  }
}
