import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// The header and the rows of a CSV text with no quoted commas, as dictionaries.
func csvRecords(_ text: String) -> [[String: String]] {
  let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
  guard let header = lines.first else { return [] }
  #expect(Set(header).count == header.count, "duplicate column names")
  return lines.dropFirst().map { cells in
    #expect(cells.count == header.count)
    return Dictionary(uniqueKeysWithValues: zip(header.map(String.init), cells.map(String.init)))
  }
}

/// A JSON `_ci` side as the CSV writes it: null is the unbounded side.
func side(_ v: ConfigValue?, unbounded: Double) -> Double? {
  switch v {
  case .number(let x)?: return x
  case .null?: return unbounded
  default: return nil
  }
}

@Suite struct IntervalColumnsInCSV {
  @Test func runCSVKeepsItsColumnsAndItsBoundsAreTheJSONIntervals() throws {
    // 300 paths: the 99.9% VaR's upper side is unbounded (null in JSON, inf in CSV).
    let result = try runScenario("crash_40pct_external_asset", [("paths", .number(300))])
    let card = result.scorecard
    let csv = ResultFormat.csv.render(result)
    let header = csv.split(separator: "\n")[0].split(separator: ",").map(String.init)
    // Today's columns first, unchanged, then the interval columns.
    let today =
      ["scenario"] + Scorecard.scalarFieldNames + [
        "roi_mean_stderr", "seed", "paths", "epochs", "scenario_hash", "policy_hash",
      ]
    #expect(Array(header.prefix(today.count)) == today)
    #expect(Array(header.dropFirst(today.count)) == IntervalColumns.names)
    let row = try #require(csvRecords(csv).first)
    let json = try JSONText.parse(ResultFormat.json.render(result), file: "card.json")
    #expect(Double(row["confidence"] ?? "") == 0.95 && json["confidence"] == .number(0.95))
    var unbounded = 0
    for name in Scorecard.scalarFieldNames {
      guard case .array(let ci)? = json[name + "_ci"], ci.count == 2 else {
        Issue.record("\(name)_ci missing from the JSON")
        continue
      }
      let lower = try #require(
        Double(row[name + "_ci_lower"] ?? ""), "\(name)_ci_lower: \(row[name + "_ci_lower"] ?? "-")")
      let upper = try #require(Double(row[name + "_ci_upper"] ?? ""), "\(name)_ci_upper")
      #expect(lower == side(ci[0], unbounded: -.infinity), "\(name) lower")
      #expect(upper == side(ci[1], unbounded: .infinity), "\(name) upper")
      #expect(lower == card.intervals[name]?.lower && upper == card.intervals[name]?.upper)
      if !upper.isFinite || !lower.isFinite { unbounded += 1 }
      if case .number(let se)? = json[name + "_se"] {
        #expect(Double(row[name + "_se"] ?? "") == se, "\(name)_se")
      } else if let cell = row[name + "_se"] {
        // JSON null: a standard error the sample cannot give (inf, or empty for NaN).
        #expect(cell == "" || Double(cell)?.isFinite == false, "\(name)_se: \(cell)")
        #expect(IntervalColumns.standardErrorFields.contains(name))
      }
    }
    #expect(unbounded > 0, "expected an unbounded side at 300 paths")
    #expect(row["pnl_var_999_ci_upper"] == "inf")
  }

  @Test func theStandardErrorColumnsAreTheFieldsWithAStandardError() throws {
    let card = try runScenario("bank_run_redemption_spike", [("paths", .number(100))]).scorecard
    #expect(IntervalColumns.standardErrorFields == Set(card.standardErrors.keys))
  }

  @Test func aRoutingOnlyRunHasNoIntervalColumns() throws {
    let result = try runScenario("hub_only_11", [("paths", .number(4)), ("epochs", .number(10))])
    let header = ResultFormat.csv.render(result).split(separator: "\n")[0]
    #expect(!header.contains("_ci_lower") && !header.contains("confidence"))
  }

  @Test func sweepCSVAndJournalCSVCarryEachCandidatesIntervals() throws {
    let dir = try temporaryFolder("intervals")
    defer { removeFolder(dir) }
    let library = try ConfigLibrary(directory: packageRoot + "/config")
    let base = try library.scenario("leverage_sweep_1x_to_4x").with([("paths", .number(300))], origin: "test")
    let spec = try SweepSpec(
      .object(["grid": .object(["leverage": .array([1, 2, 3].map(ConfigValue.number))])]), file: "test")
    let sweep = try Sweep(base: base, spec: spec, evidence: DeploymentEvidence())
    let (journal, _) = try SweepJournal.open(directory: dir, name: "s", sweep: sweep, resume: false)
    let result = try sweep.run(options: RunOptions(threads: 2)) { try journal.append($0) }
    let ranked = csvRecords(SweepOutput.csv(result))
    let journaled = csvRecords(try String(contentsOfFile: journal.csvPath, encoding: .utf8))
    #expect(ranked.count == 3 && journaled.count == 3)
    for (rank, c) in result.candidates.enumerated() {
      #expect(!c.intervals.isEmpty)
      let journalRow = try #require(journaled.first { $0["index"] == String(c.index) })
      for row in [ranked[rank], journalRow] {
        #expect(row["confidence"] == "0.95")
        for name in ["roi_mean", "liquidation_probability", "max_drawdown_p95", "pnl_es_99"] {
          let ci = try #require(c.intervals[name])
          #expect(
            Double(row[name + "_ci_lower"] ?? "") == ci.lower && Double(row[name + "_ci_upper"] ?? "") == ci.upper)
          #expect(ci.contains(c[name]), "\(c.label) \(name) \(c[name]) outside \(ci)")
        }
        #expect(Double(row["roi_mean_se"] ?? "") == c.standardErrors["roi_mean"])
      }
    }
    // The sweep JSON has `_ci` beside each candidate's metrics, null for an unbounded side.
    let json = try JSONText.parse(SweepOutput.json(result), file: "sweep.json")
    guard case .array(let candidates)? = json["candidates"] else {
      Issue.record("no candidates")
      return
    }
    for (tree, c) in zip(candidates, result.candidates) {
      guard case .array(let ci)? = tree["liquidation_probability_ci"] else {
        Issue.record("no liquidation_probability_ci")
        continue
      }
      #expect(side(ci[0], unbounded: -.infinity) == c.intervals["liquidation_probability"]?.lower)
      #expect(side(ci[1], unbounded: .infinity) == c.intervals["liquidation_probability"]?.upper)
    }
  }
}
