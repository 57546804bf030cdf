import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

@Suite struct PerPathData {
  @Test func csvHasProvenanceHeaderAndOneExactRowPerPath() throws {
    let result = try runScenario("crash_40pct_external_asset", [("paths", .number(120))])
    let lines = PathTable.csv(result).split(separator: "\n").map(String.init)
    #expect(lines.count == 2 + 120)
    #expect(
      lines[0].hasPrefix(
        "# capscript per-path arrays; scenario=crash_40pct_external_asset, scenario_hash=\(result.scenario.contentHash)"
      ))
    #expect(lines[1] == PathTable.columns(result).joined(separator: ","))
    let roi = try #require(result.column("roi"))
    let liquidated = try #require(result.column("liquidated"))
    for (i, line) in lines.dropFirst(2).enumerated() {
      let cells = line.split(separator: ",")
      #expect(cells.count == PathTable.columns(result).count)
      #expect(Int(cells[0]) == i)
      #expect(Double(cells[1]) == roi[i])
      #expect(Double(cells[4]) == liquidated[i])
    }
  }

  @Test func jsonIsATableSchemaDocumentWithProvenance() throws {
    let result = try runScenario("crash_40pct_external_asset", [("paths", .number(50))])
    let tree = try JSONText.parse(PathTable.json(result), file: "paths.json")
    #expect(tree["provenance"]?["scenario_hash"] == .string(result.scenario.contentHash))
    #expect(tree["provenance"]?["paths"] == .number(50))
    guard case .array(let fields)? = tree["schema"]?["fields"], case .array(let data)? = tree["data"] else {
      Issue.record("schema.fields or data missing")
      return
    }
    #expect(fields.compactMap { if case .string(let s)? = $0["name"] { s } else { nil } } == PathTable.columns(result))
    #expect(tree["schema"]?["primaryKey"] == .array([.string("path")]))
    #expect(data.count == 50)
    let pnl = try #require(result.column("pnl"))
    for (i, row) in data.enumerated() {
      #expect(row["path"] == .number(Double(i)))
      #expect(row["pnl"] == .number(pnl[i]))
      #expect(row["liquidated"] == .bool(false))
    }
  }

  @Test(.enabled(if: executable("python3") != nil, "needs python3"))
  func pythonReadsEveryOutputInOneCall() throws {
    let dir = try temporaryFolder("report")
    defer { removeFolder(dir) }
    let result = try runScenario("bank_run_redemption_spike", [("paths", .number(80))])
    try OutputFile.write(PathTable.csv(result), to: dir + "/paths.csv")
    try OutputFile.write(PathTable.json(result), to: dir + "/paths.json")
    try OutputFile.write(ResultFormat.csv.render(result), to: dir + "/card.csv")
    try OutputFile.write(ResultFormat.json.render(result), to: dir + "/card.json")
    let roiSum = (result.column("roi") ?? []).reduce(0, +)
    // The standard library always; pandas, the documented one-call loaders, when installed.
    let script = """
      import csv, json, sys
      d = sys.argv[1]
      rows = list(csv.DictReader(l for l in open(d + "/paths.csv") if not l.startswith("#")))
      assert len(rows) == 80, len(rows)
      assert abs(sum(float(r["roi"]) for r in rows) - \(roiSum)) < 1e-9
      doc = json.load(open(d + "/paths.json"))
      assert len(doc["data"]) == 80 and doc["provenance"]["paths"] == 80
      card = list(csv.DictReader(open(d + "/card.csv")))
      assert len(card) == 1 and float(card[0]["roi_mean"]) == \(result.scorecard.roiMean)
      assert json.load(open(d + "/card.json"))["provenance"]["seed"] == \(result.scenario.seed)
      try:
          import pandas as pd
      except ImportError:
          print("stdlib only"); sys.exit(0)
      a = pd.read_csv(d + "/paths.csv", comment="#")
      b = pd.read_json(d + "/paths.json", orient="table", precise_float=True)
      assert a.shape == (80, \(PathTable.columns(result).count)) and b.shape == (80, \(PathTable.columns(result).count - 1)), (a.shape, b.shape)
      assert abs(a["roi"].sum() - \(roiSum)) < 1e-9 and abs(b["roi"].sum() - \(roiSum)) < 1e-9
      assert str(b["liquidated"].dtype) == "bool" and str(b["bad_debt"].dtype) == "float64"
      c = pd.read_csv(d + "/card.csv")
      s = pd.read_json(d + "/card.json", typ="series")
      assert c.shape[0] == 1 and s["provenance"]["paths"] == 80
      print("pandas", pd.__version__)
      """
    let r = try runProcess(executable("python3")!, ["-c", script, dir])
    #expect(r.status == 0, "\(r.output)")
  }
}

@Suite struct ReportFunctionsInLua {
  @Test func bandsOnRequestAndPerPathSaves() throws {
    let dir = try temporaryFolder("report")
    defer { removeFolder(dir) }
    let state = try makeState()
    try state.run(
      """
      local s = cap.scenario("crash_40pct_external_asset"):with{paths = 60, epochs = 40}
      local r = cap.run(s, {bands = true})
      assert(r.bands.paths == 60 and #r.bands.p50 == 40 and #r.bands.p05 == 40, "bands")
      assert(r.bands.p05[40] <= r.bands.p50[40] and r.bands.p50[40] <= r.bands.p95[40], "band order")
      assert(cap.run(s, {bands = 7}).bands.paths == 7)
      assert(cap.run(s).bands == nil)
      r:save("\(dir)/paths.csv", {paths = true})
      r:save("\(dir)/paths.json", {paths = true})
      r:save("\(dir)/card.csv")
      """, name: "=test")
    let csv = try String(contentsOfFile: dir + "/paths.csv", encoding: .utf8)
    #expect(csv.split(separator: "\n").count == 62)
    #expect(try String(contentsOfFile: dir + "/paths.json", encoding: .utf8).contains("\"primaryKey\": [\"path\"]"))
    #expect(try String(contentsOfFile: dir + "/card.csv", encoding: .utf8).split(separator: "\n").count == 2)
  }

  @Test(arguments: [
    (
      "cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 5}, {bands = 'yes'})",
      "cap.run: bands must be true, false or a number of paths, got a string"
    ),
    (
      "cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 5}):save('x.md', {paths = true})",
      "per-path arrays are saved as .csv or .json, not \"x.md\""
    ),
    (
      "cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 5}):save('x.csv', {path = true})",
      "did you mean \"paths\"?"
    ),
    (
      "cap.report(cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 5}), 'x.json')",
      "cap.report writes HTML: give a path ending in .html, got \"x.json\""
    ),
    ("cap.report(42, 'x.html')", "bad argument #1 to 'report' (result or sweep result expected, got number)"),
    (
      "cap.run(cap.scenario('hub_only_11'):with{paths = 2, epochs = 5}):save('x.csv', {paths = true})",
      "hub_only_11 is routing-only: it has no per-path capital arrays"
    ),
  ])
  func mistakesSayWhatToChange(code: String, message: String) throws {
    let m = try errorMessage(code)
    #expect(m.contains(message), "\(m)")
  }

  @Test func reportOfAResultAndOfASweep() throws {
    let dir = try temporaryFolder("report")
    defer { removeFolder(dir) }
    let state = try makeState()
    try state.run(
      """
      local s = cap.scenario("leverage_sweep_1x_to_4x"):with{paths = 200}
      assert(cap.report(cap.run(s), "\(dir)/run.html") == "\(dir)/run.html")
      local res = cap.sweep{ base = s, grid = { leverage = {1, 2, 3} } }:run()
      cap.report(res, "\(dir)/sweep.html")
      """, name: "=test")
    // A result without bands is run again with them: the fan chart is there.
    let run = try Markup(String(contentsOfFile: dir + "/run.html", encoding: .utf8))
    #expect(run.all("svg").count == 3)
    #expect(run.all("polyline", "p50", inSVG: "fan").first?.attributes["points"]?.split(separator: " ").count == 365)
    let sweep = try Markup(String(contentsOfFile: dir + "/sweep.html", encoding: .utf8))
    #expect(sweep.all("circle", "candidate", inSVG: "frontier").count == 3)
    #expect(sweep.all("svg").count == 4)
  }

  @Test func reportRespectsTheWritableRoot() throws {
    let dir = try temporaryFolder("report")
    defer { removeFolder(dir) }
    let context = HostContext(configDirectory: packageRoot + "/config", threads: 2)
    context.writableRoot = dir
    let state = try LuaState(context: context)
    let m = try errorMessage(
      "cap.report(cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 5}), '\(NSTemporaryDirectory())/elsewhere.html')",
      in: state)
    #expect(m.contains("file writes are allowed only under"), "\(m)")
    #expect(!FileManager.default.fileExists(atPath: NSTemporaryDirectory() + "/elsewhere.html"))
  }
}
