import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

@Suite struct HTMLReportStructure {
  @Test func runReportIsWellFormedAndHasEveryChart() throws {
    let result = try runScenario("bank_run_redemption_spike", [("paths", .number(400))], bands: 400)
    let html = HTMLReport(run: result).html
    let m = try Markup(html)
    let card = result.scorecard
    #expect(
      m.all("svg").map { $0.attributes["class"] ?? "" } == [
        "chart histogram pnl", "chart histogram drawdown", "chart fan",
      ])
    let pnlBars = m.all("rect", "bar", inSVG: "pnl")
    #expect(pnlBars.count == card.pnlHistogram.counts.count)
    #expect(m.all("rect", "bar", inSVG: "drawdown").count == 40)
    // The tallest bar is the most populated bin.
    let heights = pnlBars.map { m.number($0, "height") }
    let counts = card.pnlHistogram.counts
    #expect(heights.firstIndex(of: heights.max()!) == counts.firstIndex(of: counts.max()!))
    #expect(zip(heights, counts).allSatisfy { ($0 == 0) == ($1 == 0) })
    // The fan chart: both bands, and p05, p50, p95 as lines with one point per epoch.
    #expect(m.all("path", "band-outer", inSVG: "fan").count == 1)
    #expect(m.all("path", "band-inner", inSVG: "fan").count == 1)
    for label in ["p05", "p50", "p95"] {
      let line = try #require(m.all("polyline", label, inSVG: "fan").first)
      #expect(line.attributes["points"]!.split(separator: " ").count == result.scenario.epochs)
    }
    // The scorecard table holds every scalar and attribution term.
    let rows = m.elements.filter { $0.name == "tr" }.count - m.all("thead").count
    #expect(rows == Scorecard.scalarFieldNames.count + card.pnlAttribution.terms.count)
    // Provenance footer and the governance line.
    let footer = m.all("dd").map(\.text)
    let p = card.provenance
    for value in [p.scenario, p.scenarioHash, p.policyHash, String(p.seed), "400", String(p.epochs), p.modelVersion] {
      #expect(footer.contains(value), "footer lacks \(value)")
    }
    #expect(
      m.all("p", "disclaimer").first?.text
        == "Simulator output is evidence for governance; it never authorises leverage.")
  }

  @Test func reportLoadsNothingFromOutside() throws {
    let html = HTMLReport(run: try runScenario("crash_40pct_external_asset", [("paths", .number(200))], bands: 200))
      .html
    for banned in ["<script", "<link", "@import", "url(", "src=", "<img", "<iframe"] {
      #expect(!html.contains(banned), "report contains \(banned)")
    }
    // The SVG namespace is a name, not a fetch; no other address appears.
    #expect(html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains("://") == false)
    #expect(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""))
  }

  @Test func withoutBandsTheReportSaysHowToGetThem() throws {
    let html = HTMLReport(run: try runScenario("crash_40pct_external_asset", [("paths", .number(200))])).html
    let m = try Markup(html)
    #expect(m.all("svg").count == 2)
    #expect(html.contains("cap.run(s, {bands = true})"))
  }

  @Test func textFromTheScenarioIsEscaped() throws {
    let description = "a <b> & \"c\" 'd'"
    let result = try runScenario(
      "crash_40pct_external_asset", [("paths", .number(50)), ("description", .string(description))])
    let m = try Markup(HTMLReport(run: result).html)
    #expect(m.all("p", "subtitle").first?.text == "a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;")
  }

  @Test func sweepReportMarksTheDeployableRegionAndLabelsCandidates() throws {
    let library = try ConfigLibrary(directory: packageRoot + "/config")
    let base = try library.scenario("leverage_sweep_1x_to_4x").with([("paths", .number(400))], origin: "test")
    let spec = try SweepSpec(
      .object(["grid": .object(["leverage": .array([1, 1.5, 2.5, 4].map(ConfigValue.number))])]), file: "test")
    let sweep = try Sweep(base: base, spec: spec, evidence: DeploymentEvidence())
    let r = try sweep.run(options: RunOptions(threads: 2))
    let detail = try #require(try HTMLReport.detailRun(r, options: RunOptions(threads: 2)))
    #expect(detail.candidate.deployable && detail.run.bands != nil)
    let m = try Markup(HTMLReport(sweep: r, leverageCap: 1.5, detail: detail).html)
    let points = m.all("circle", "candidate", inSVG: "frontier")
    #expect(points.count == r.candidates.count)
    #expect(m.all("circle", "candidate deployable").count == r.candidates.filter(\.deployable).count)
    #expect(r.candidates.contains { !$0.deployable } && r.candidates.contains(where: \.deployable))
    // Deployable points sit inside the shaded region, points above the gate outside it.
    let region = try #require(m.all("rect", "region", inSVG: "frontier").first)
    let gateX = m.number(try #require(m.all("line", "gate-line").first), "x1")
    #expect(abs(m.number(region, "x") + m.number(region, "width") - gateX) < 0.2)
    for p in points {
      if p.classes.contains("outside") {
        #expect(m.number(p, "cx") > gateX)
      } else {
        #expect(m.number(p, "cx") <= gateX)
      }
    }
    let labels = Set(m.all("text", "label", inSVG: "frontier").map { $0.text.replacingOccurrences(of: " *", with: "") })
    #expect(labels == Set(r.candidates.map(\.label)))
    #expect(m.all("table", "candidates").count == 1)
    // The top deployable candidate's distributions follow the frontier.
    #expect(m.all("svg").count == 4)
    #expect(m.all("svg").last?.attributes["class"] == "chart fan")
  }

  @Test func coupledRunHasPerPoolDiagnostics() throws {
    let coupled = try runScenario(
      "chain138_deployed_capital_efficiency", [("paths", .number(8)), ("epochs", .number(20))], bands: 8)
    let routing = try #require(coupled.scorecard.routing)
    let m = try Markup(HTMLReport(run: coupled).html)
    #expect(m.all("svg").count == 3)
    #expect(m.all("table", "health").count == 1)
    let pools = m.elements.filter { $0.name == "td" }.count
    #expect(pools > 0)
    let rowsInPoolTable = try poolRows(HTMLReport(run: coupled).html)
    #expect(rowsInPoolTable == routing.pools.count)

    let routingOnly = try runScenario("hub_only_11", [("paths", .number(8)), ("epochs", .number(20))])
    let html = HTMLReport(run: routingOnly).html
    let r = try Markup(html)
    #expect(r.all("svg").isEmpty)
    #expect(try poolRows(html) == routingOnly.scorecard.routing?.pools.count)
    #expect(html.contains("routing-only run"))
  }

  @Test(arguments: [(0.0, 0.00025), (0.132, 0.143), (-0.12, 0.016), (0.0, 1.0), (0.0, 0.04)])
  func tickLabelsAreRoundAndDistinct(lo: Double, hi: Double) {
    let ticks = SVG.ticks(lo, hi)
    #expect(ticks.count >= 2 && ticks.count <= 11)
    #expect(ticks.allSatisfy { $0 >= lo - 1e-12 && $0 <= hi + 1e-12 })
    let labels = ticks.map { SVG.percent($0, step: ticks[1] - ticks[0]) }
    #expect(Set(labels).count == labels.count, "\(labels)")
  }

  /// Body rows of the per-pool table.
  func poolRows(_ html: String) throws -> Int {
    let start = try #require(html.range(of: "<table class=\"data pools\">"))
    let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
    return html[start.upperBound..<end.lowerBound].components(separatedBy: "<tr>").count - 2
  }
}
