import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

@Suite struct IntervalsInTheHTMLReport {
  @Test func theFrontierHasBothErrorBarsOfEveryCandidateAroundItsPoint() throws {
    let library = try ConfigLibrary(directory: packageRoot + "/config")
    // 1000 paths: with no liquidation the Wilson upper bound is 0.38%, so the low-leverage
    // candidates pass the 1% gate; the high ones fail it or are undecided.
    let base = try library.scenario("leverage_sweep_1x_to_4x").with([("paths", .number(1000))], origin: "test")
    let spec = try SweepSpec(
      .object(["grid": .object(["leverage": .array([1, 1.5, 2, 2.5, 3, 4].map(ConfigValue.number))])]), file: "test")
    let r = try Sweep(base: base, spec: spec, evidence: DeploymentEvidence()).run(options: RunOptions(threads: 2))
    let m = try Markup(HTMLReport(sweep: r, leverageCap: 1.5).html)
    let bars = m.all("g", "errorbar", inSVG: "frontier")
    #expect(bars.count == r.candidates.count)
    let points = m.all("circle", "candidate", inSVG: "frontier")
    let roiBars = m.all("line", "roi", inSVG: "frontier").filter { !$0.classes.contains("cap") }
    let liqBars = m.all("line", "liquidation", inSVG: "frontier").filter { !$0.classes.contains("cap") }
    #expect(roiBars.count == r.candidates.count && liqBars.count == r.candidates.count)
    var verdicts: Set<String> = []
    for (i, c) in r.candidates.enumerated() {
      // Bars are in candidate order; points are drawn by ROI, so find this one's by its index.
      let point = try #require(points.first { $0.attributes["data-candidate"] == String(c.index) })
      let (cx, cy) = (m.number(point, "cx"), m.number(point, "cy"))
      let v = roiBars[i]
      let h = liqBars[i]
      #expect(m.number(v, "x1") == cx && m.number(v, "x2") == cx)
      // SVG y grows downwards: the upper bound of the ROI is the smaller y.
      #expect(m.number(v, "y2") <= cy + 0.05 && cy <= m.number(v, "y1") + 0.05, "\(c.label)")
      #expect(m.number(h, "y1") == cy && m.number(h, "y2") == cy)
      #expect(m.number(h, "x1") <= cx + 0.05 && cx <= m.number(h, "x2") + 0.05, "\(c.label)")
      let liq = try #require(c.intervals["liquidation_probability"])
      let gate = base.policy.gates.liquidationProbability
      let verdict = liq.upper <= gate ? "pass" : liq.lower > gate ? "fail" : "inconclusive"
      #expect(h.classes.contains("liq-" + verdict), "\(c.label): \(liq) against \(gate)")
      verdicts.insert(verdict)
      // An undecided candidate is never deployable.
      if verdict != "pass" { #expect(!c.deployable) }
    }
    #expect(verdicts.contains("pass") && verdicts.count >= 2, "\(verdicts)")
    // The ranked table shows each figure with its interval.
    let cells = m.all("td").map(\.text)
    for c in r.candidates {
      #expect(cells.contains(IntervalFormat.percent(c["roi_mean"], c.intervals["roi_mean"])))
    }
  }

  @Test func theRunReportShadesTheDrawdownIntervalByItsVerdictAndTabulatesIntervals() throws {
    let result = try runScenario("bank_run_redemption_spike", [("paths", .number(400))])
    let card = result.scorecard
    let m = try Markup(HTMLReport(run: result).html)
    let band = try #require(m.all("rect", "band", inSVG: "drawdown").first)
    let check = try #require(
      GateReport(card, policy: result.scenario.policy).checks.first { $0.gate == "max_drawdown_p95" })
    #expect(band.classes.contains(check.verdict.rawValue))
    // The band covers the p95 marker's line.
    let markerIndex = try #require(
      m.elements.firstIndex { $0.name == "g" && $0.classes.contains("marker") && $0.svgClass.contains("drawdown") })
    let line = m.elements[markerIndex + 1]
    #expect(line.name == "line")
    let x = m.number(line, "x1")
    #expect(m.number(band, "x") <= x + 0.05 && x <= m.number(band, "x") + m.number(band, "width") + 0.05)
    let table = m.all("td").map(\.text)
    #expect(table.contains(IntervalFormat.percent(card.roiMean, card.intervals["roi_mean"])))
    #expect(
      table.contains {
        $0.hasPrefix(IntervalFormat.number(card.tailRisk["pnl_es_99"]!, card.intervals["pnl_es_99"], fallback: 3))
      })
    #expect(m.all("th").contains { $0.text == "value [95% interval]" })
  }
}
