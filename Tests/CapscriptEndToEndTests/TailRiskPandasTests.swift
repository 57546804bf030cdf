import Foundation
import TestSupport
import Testing

@testable import SimCore

/// VaR and ES of the JSON scorecard against pandas (issue 10): `Tests/Python/tail_risk_check.py`
/// recomputes `pnl_var_95/99/999` and `pnl_es_95/99/999` from the `--per-path --format csv` PnL of the
/// same run, with docs/INTERVALS.md's definitions written in pandas/NumPy, and requires 1e-12 relative.
/// pandas is installed, pinned, by ./setup.sh; without it the script exits 2 and these tests fail.
@Suite struct TailRiskPandasCheck {
  static let script = packageRoot + "/Tests/Python/tail_risk_check.py"

  /// The per-path CSV and the JSON scorecard of one run, written to `dir`.
  static func writeRun(_ arguments: [String], to dir: String) throws -> (csv: String, json: String) {
    let csv = try capscript(["run"] + arguments + ["--per-path", "--format", "csv", "--quiet"])
    let json = try capscript(["run"] + arguments + ["--format", "json", "--quiet"])
    #expect(csv.status == 0, "\(csv.stderr)")
    #expect(json.status == 0, "\(json.stderr)")
    try csv.stdout.write(toFile: dir + "/per-path.csv", atomically: true, encoding: .utf8)
    try json.stdout.write(toFile: dir + "/scorecard.json", atomically: true, encoding: .utf8)
    return (dir + "/per-path.csv", dir + "/scorecard.json")
  }

  static func check(csv: String, json: String) throws -> ProcessOutput {
    try runProcess("/usr/bin/env", ["python3", script, csv, json], timeout: 120)
  }

  /// 4,321 paths put every VaR atom at a fractional weight (n α = 4104.95, 4277.79, 4316.679);
  /// 4,000 paths make every n α a whole number (weight 0).
  @Test(arguments: [
    ["crash_40pct_external_asset", "--paths", "4321"], ["high_vol_sigma_spike", "--paths", "4000", "--seed", "11"],
  ])
  func valueAtRiskAndExpectedShortfallMatchPandas(arguments: [String]) throws {
    let dir = try temporaryFolder("pandas")
    defer { removeFolder(dir) }
    let (csv, json) = try Self.writeRun(arguments, to: dir)
    let r = try Self.check(csv: csv, json: json)
    #expect(r.status == 0, "tail_risk_check.py failed (exit \(r.status)):\n\(r.stdout)\(r.stderr)")
    let matched = r.stdout.split(separator: "\n").filter { $0.hasSuffix(" ok") }
    #expect(matched.count == 6, "expected 6 matching fields:\n\(r.stdout)")
    for level in ["95", "99", "999"] {
      #expect(matched.contains { $0.hasPrefix("pnl_var_\(level) ") })
      #expect(matched.contains { $0.hasPrefix("pnl_es_\(level) ") })
    }
  }

  /// The check is not vacuous: ES 99% moved by 1e-11 relative in the JSON is reported as a mismatch.
  @Test func checkerReportsAMismatchBeyondTheTolerance() throws {
    let dir = try temporaryFolder("pandas")
    defer { removeFolder(dir) }
    let (csv, json) = try Self.writeRun(["crash_40pct_external_asset", "--paths", "1000"], to: dir)
    let text = try String(contentsOfFile: json, encoding: .utf8)
    guard case .number(let es)? = try JSONText.parse(text, file: json)["pnl_es_99"] else {
      Issue.record("no pnl_es_99 number in the JSON scorecard")
      return
    }
    let field = "\"pnl_es_99\": \(JSONText.number(es)),"
    #expect(text.contains(field))
    let moved = text.replacingOccurrences(of: field, with: "\"pnl_es_99\": \(JSONText.number(es * (1 + 1e-11))),")
    try moved.write(toFile: json, atomically: true, encoding: .utf8)
    let r = try Self.check(csv: csv, json: json)
    #expect(r.status == 1, "exit \(r.status):\n\(r.stdout)\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("pnl_es_99 ") && $0.hasSuffix(" MISMATCH") }, "\(r.stdout)")
    #expect(lines.filter { $0.hasSuffix(" ok") }.count == 5, "\(r.stdout)")
  }
}
