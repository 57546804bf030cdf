import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

@Suite struct ConfidenceOnTheCommandLine {
  /// Every `<field>_ci` of a JSON scorecard (nil sides unbounded), and every scalar.
  func intervals(_ json: ConfigValue) -> [String: Interval] {
    guard case .object(let fields) = json else { return [:] }
    var out: [String: Interval] = [:]
    for (k, v) in fields where k.hasSuffix("_ci") {
      guard case .array(let pair) = v, pair.count == 2 else { continue }
      let lo: Double = if case .number(let x) = pair[0] { x } else { -.infinity }
      let hi: Double = if case .number(let x) = pair[1] { x } else { .infinity }
      out[String(k.dropLast(3))] = Interval(lower: lo, upper: hi)
    }
    if case .object(let terms)? = json["pnl_attribution_ci"] {
      for (k, v) in terms {
        if case .array(let pair) = v, case .number(let lo) = pair[0], case .number(let hi) = pair[1] {
          out["pnl_attribution." + k] = Interval(lower: lo, upper: hi)
        }
      }
    }
    return out
  }

  @Test func aHigherLevelWidensEveryIntervalAndKeepsEveryPoint() throws {
    let args = ["run", "crash_40pct_external_asset", "--format", "json", "--paths", "1500", "--quiet"]
    let plain = try capscript(args)
    let c95 = try capscript(args + ["--confidence", "0.95"])
    let c99 = try capscript(args + ["--confidence", "0.99"])
    #expect(plain.status == 0 && c95.status == 0 && c99.status == 0, "\(c99.stderr)")
    // The policy's own level changes nothing, not even the policy hash.
    #expect(c95.stdout == plain.stdout)
    let a = try JSONText.parse(c95.stdout, file: "95")
    let b = try JSONText.parse(c99.stdout, file: "99")
    #expect(a["confidence"] == .number(0.95) && b["confidence"] == .number(0.99))
    // The override is a different policy in force, and the provenance says so.
    #expect(a["provenance"]?["policy_hash"] != b["provenance"]?["policy_hash"])
    for name in Scorecard.scalarFieldNames { #expect(a[name] == b[name], "\(name) changed") }
    #expect(a["pnl_attribution"] == b["pnl_attribution"])
    let i95 = intervals(a)
    let i99 = intervals(b)
    #expect(i95.count >= Scorecard.scalarFieldNames.count && Set(i95.keys) == Set(i99.keys))
    for (name, narrow) in i95 {
      let wide = try #require(i99[name])
      #expect(wide.lower <= narrow.lower && narrow.upper <= wide.upper, "\(name): \(wide) does not hold \(narrow)")
      // Normal and Wilson intervals widen strictly; an order statistic may keep a bound among tied values.
      if narrow.width > 0 && narrow.isBounded { #expect(wide.width > narrow.width, "\(name) did not widen") }
    }
    for name in ["roi_mean", "liquidation_probability", "roi_p05", "pnl_es_99"] {
      #expect(i99[name]!.width > i95[name]!.width, "\(name)")
    }
  }

  @Test(arguments: [["run", "crash_40pct_external_asset"], ["validate"], ["table"], ["export"]])
  func aLevelOutsideThePolicyRangeIsRejectedNamingTheFlag(command: [String]) throws {
    let r = try capscript(command + ["--confidence", "1.5"])
    #expect(r.status == 64)
    #expect(
      r.stderr.contains("--confidence must be between 0.5 and 0.9999 (the policy's gateConfidence range), got 1.5"),
      "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test func theLevelReachesTheTableTheCSVAndTheExport() throws {
    let run = try capscript([
      "run", "bank_run_redemption_spike", "--paths", "300", "--confidence", "0.9", "--format", "csv", "--quiet",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains(",confidence,") && run.stdout.contains(",0.9,"))
    let text = try capscript(["run", "bank_run_redemption_spike", "--paths", "300", "--confidence", "0.999", "--quiet"])
    #expect(text.stdout.contains("[99.9% intervals;"), "\(text.stdout)")
    let export = try capscript([
      "export", "bank_run_redemption_spike", "--paths", "100", "--confidence", "0.99", "--quiet",
    ])
    #expect(export.stdout.contains("capscript_interval_confidence_ratio{scenario=\"bank_run_redemption_spike\"} 0.99"))
  }

  @Test func tableAsCSVHasARowPerCapitalScenarioWithIntervals() throws {
    let r = try capscript(["table", "--format", "csv", "--paths", "200"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    let header = lines[0].split(separator: ",").map(String.init)
    #expect(Array(header.prefix(3)) == ["scenario", "candidate", "roi_mean"])
    #expect(header.suffix(IntervalColumns.names.count).elementsEqual(IntervalColumns.names))
    #expect(lines.contains { $0.hasPrefix("crash_40pct_external_asset,,") })
    // The sweep's row names its top deployable candidate.
    #expect(lines.contains { $0.hasPrefix("leverage_sweep_1x_to_4x,leverage=") })
    let markdown = try capscript(["table", "--format", "json"])
    #expect(markdown.status == 64 && markdown.stderr.contains("capscript table prints markdown or csv, got json"))
  }
}
