import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

/// `capscript run --until ... --max-paths N`.
@Suite struct PrecisionCommandLine {
  /// crash_40pct_external_asset at leverage 1.75 (liquidation probability about
  /// 3.5%), written as a scenario file in `dir`.
  static func leveredScenario(in dir: String) throws -> String {
    let text = try String(
      contentsOfFile: packageRoot + "/config/scenarios/crash_40pct_external_asset.json", encoding: .utf8)
    let path = dir + "/crash_40pct_levered.json"
    try text.replacingOccurrences(of: "\"leverage\": 1.5", with: "\"leverage\": 1.75")
      .write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// The issue's acceptance: rse < 0.1 stops within 25% of (1 - p) / (p 0.1²)
  /// paths (p from a 200,000-path run), with the same bytes on 1 and 2 threads.
  @Test func untilStopsNearTheImpliedCountOnAnyThreadCount() throws {
    let dir = try temporaryFolder("until")
    defer { removeFolder(dir) }
    let path = try Self.leveredScenario(in: dir)
    let args = ["run", path, "--until", "liquidation_probability:rse<0.1", "--format", "json", "--quiet"]
    let runs = try runProcesses([
      (capscriptBinary, args + ["--threads", "1"]), (capscriptBinary, args + ["--threads", "2"]),
      (capscriptBinary, ["run", path, "--paths", "200000", "--format", "json", "--quiet"]),
    ])
    #expect(runs.allSatisfy { $0.status == 0 }, "\(runs.map(\.stderr))")
    #expect(runs[0].stdout == runs[1].stdout)
    let tree = try JSONText.parse(runs[0].stdout, file: "stdout")
    let truth = try #require(number(JSONText.parse(runs[2].stdout, file: "truth")["liquidation_probability"]))
    let paths = try #require(number(tree["precision"]?["paths"]))
    #expect(number(tree["provenance"]?["paths"]) == paths)
    #expect(tree["precision"]?["met"] == .bool(true))
    let implied = (1 - truth) / (truth * 0.01)
    #expect(abs(paths / implied - 1) < 0.25, "stopped at \(paths), implied \(implied) at p = \(truth)")
  }

  /// The issue's acceptance: a 1,000,000-path run with no liquidation reports a
  /// 95% upper bound between 2.9e-6 and 3.9e-6 (the two-sided Wilson bound
  /// z²/(n + z²) = 3.8414e-6), never 0. The crash scenario unlevered (no debt, so
  /// no liquidation) over 40 epochs keeps it fast.
  @Test func millionPathsWithoutLiquidationBoundTheProbability() throws {
    let dir = try temporaryFolder("million")
    defer { removeFolder(dir) }
    let text = try String(
      contentsOfFile: packageRoot + "/config/scenarios/crash_40pct_external_asset.json", encoding: .utf8)
    let path = dir + "/crash_unlevered.json"
    try text.replacingOccurrences(of: "\"leverage\": 1.5", with: "\"leverage\": 1")
      .write(toFile: path, atomically: true, encoding: .utf8)
    let r = try capscript(["run", path, "--paths", "1000000", "--epochs", "40", "--format", "json", "--quiet"])
    #expect(r.status == 0, "\(r.stderr)")
    let tree = try JSONText.parse(r.stdout, file: "stdout")
    #expect(number(tree["liquidation_probability"]) == 0)
    guard case .array(let ci)? = tree["liquidation_probability_ci"], ci.count == 2 else {
      Issue.record("no liquidation_probability_ci")
      return
    }
    let z = 1.959963984540054
    #expect(number(ci[0]) == 0)
    let upper = try #require(number(ci[1]))
    #expect(upper > 2.9e-6 && upper < 3.9e-6)
    #expect(abs(upper - z * z / (1e6 + z * z)) < 1e-15)
  }

  /// The table says for each target whether it was met, and at how many paths.
  @Test func tableReportsEachTarget() throws {
    let r = try capscript([
      "run", "crash_40pct_external_asset", "--until", "liquidation_probability:rse<0.1,roi_mean:halfwidth<0.01",
      "--max-paths", "1000", "--quiet",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(
      r.stdout.contains("until liquidation_probability:rse<0.1  NOT met (rse unbounded) at 1000 paths (budget 1000)"))
    #expect(r.stdout.contains("until roi_mean:halfwidth<0.01  met (half-width"))
  }

  @Test(arguments: [
    (["--max-paths", "500"], "--max-paths is the budget of --until"),
    (["--until", "liquidation_probabilty:rse<0.1"], "did you mean \"liquidation_probability\""),
    (["--until", "roi_mean:rse<0.1", "--max-paths", "0"], "outside the allowed range 1...10000000"),
  ])
  func badPrecisionOptionsAreUsageErrors(extra: [String], message: String) throws {
    let r = try capscript(["run", "crash_40pct_external_asset"] + extra)
    #expect(r.status == 64)
    #expect(r.stderr.contains(message), "\(r.stderr)")
  }

  @Test func untilRefusesASweep() throws {
    let r = try capscript(["run", "leverage_sweep_1x_to_4x", "--until", "gates"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--until applies to a plain run"), "\(r.stderr)")
  }
}

private func number(_ value: ConfigValue?) -> Double? {
  if case .number(let x)? = value { return x }
  return nil
}
