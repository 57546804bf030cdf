import Testing

@testable import CapscriptIO
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

@Suite struct TerminalCharts {
  @Test func columnsFillEighthsFromTheBottom() {
    // Peak 4 over 2 rows is 16 eighths: 1 -> 4 eighths, 2 -> 8, 4 -> 16; 0 stays blank.
    #expect(TerminalChart.columns([0, 1, 2, 4], rows: 2) == ["   █", " ▄██"])
    // A bin with a single path still shows a sliver.
    #expect(TerminalChart.columns([1000, 1], rows: 1) == ["█▁"])
  }

  @Test func sparklineSpansTheScale() {
    #expect(TerminalChart.sparkline([0, 0.5, 1], lo: 0, hi: 1) == "▁▅█")
    #expect(TerminalChart.sparkline([2, 2], lo: 2, hi: 2) == "▁▁")
  }

  @Test func resampleAveragesIntoBuckets() {
    #expect(TerminalChart.resample([1, 3, 5, 7], width: 2) == [2, 6])
    #expect(TerminalChart.resample([1, 2], width: 60) == [1, 2])
  }

  @Test func runChartHasTheHistogramAndTheFan() throws {
    let result = try runScenario(
      "bank_run_redemption_spike", [("paths", .number(300)), ("epochs", .number(90))], bands: 300)
    let lines = TerminalChart.run(result).split(separator: "\n", omittingEmptySubsequences: false)
    // Title, 6 rows of 40 columns, the range, the fan title and three sparklines.
    #expect(lines.count == 1 + 6 + 1 + 1 + 3)
    #expect(lines[1...6].allSatisfy { $0.count == 2 + result.scorecard.pnlHistogram.counts.count })
    for (i, label) in ["p95", "p50", "p05"].enumerated() {
      let line = lines[9 + i]
      #expect(line.hasPrefix("  \(label) "))
      #expect(line.filter { TerminalChart.blocks.contains($0) }.count == 60)
    }
    // The bank run's dip: the median's lowest block is after its start.
    let p50 = Array(lines[10].dropFirst(6).prefix(60))
    #expect(p50.first == "█" && p50.contains("▁"))
  }

  @Test func routingOnlyRunHasNoChart() throws {
    let result = try runScenario("hub_only_11", [("paths", .number(4)), ("epochs", .number(10))])
    #expect(TerminalChart.run(result).isEmpty)
  }
}
