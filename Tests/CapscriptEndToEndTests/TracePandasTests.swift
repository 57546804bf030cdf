import Foundation
import TestSupport
import Testing

/// `capscript run NAME --trace N --out DIR` (issue 12): the per-epoch trace of the
/// first N paths, in long format, loads with one pandas call and agrees with the
/// run's per-path arrays (`Tests/Python/trace_check.py`; pandas comes from ./setup.sh).
@Suite struct TracePandasCheck {
  static let script = packageRoot + "/Tests/Python/trace_check.py"

  @Test func traceOfTenPathsLoadsWithOnePandasCallAndMatchesThePerPathArrays() throws {
    let dir = try temporaryFolder("trace")
    defer { removeFolder(dir) }
    let run = try capscript([
      "run", "crash_40pct_external_asset", "--paths", "200", "--epochs", "60", "--set", "leverage=2.5",
      "--trace", "10", "--out", dir, "--per-path", "--format", "csv", "--quiet",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    try run.stdout.write(toFile: dir + "/per-path.csv", atomically: true, encoding: .utf8)
    let name = dir + "/crash_40pct_external_asset"
    #expect(FileManager.default.fileExists(atPath: name + ".json"))
    let check = try runProcess(
      "/usr/bin/env",
      ["python3", Self.script, name + ".trace.csv", name + ".trace.json", dir + "/per-path.csv", "10", "60"],
      timeout: 120)
    #expect(check.status == 0, "trace_check.py failed (exit \(check.status)):\n\(check.stdout)\(check.stderr)")
    // The crash at epoch 30 liquidates traced paths at 2.5x, so the liquidation check is not vacuous.
    #expect(check.stdout.hasPrefix("ok: 600 rows") && !check.stdout.contains(" 0 traced path(s) liquidated"))
  }

  @Test(arguments: [
    (["--trace", "5"], "--out"), (["--trace", "0", "--out", "x"], "[1, 10000]"),
    (["--trace", "-3", "--out", "x"], "-3"),
  ])
  func traceOptionErrorsSayWhatToChange(arguments: [String], fragment: String) throws {
    let r = try capscript(["run", "crash_40pct_external_asset"] + arguments)
    #expect(r.status == 64, "\(r.stderr)")
    #expect(r.stderr.contains("--trace") && r.stderr.contains(fragment), "\(r.stderr)")
  }
}
