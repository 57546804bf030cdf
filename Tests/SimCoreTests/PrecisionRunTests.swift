import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

/// Runs to a stated precision (`--until`, `cap.run(s, {precision = ...})`).
@Suite struct PrecisionRunTests {
  /// crash_40pct_external_asset at leverage 1.75: a liquidation probability near 3.5%.
  static func levered() throws -> Scenario {
    try projectLibrary.scenario("crash_40pct_external_asset").with(
      [("capitalEfficiency.leverage", .number(1.75))], origin: "test")
  }

  @Test func targetsParse() throws {
    let targets = try PrecisionTarget.parseList(
      "liquidation_probability:rse<0.1, roi_mean:halfwidth<1e-3,gates", origin: "--until")
    #expect(
      targets == [
        .relativeStandardError(field: "liquidation_probability", below: 0.1),
        .halfWidth(field: "roi_mean", below: 0.001), .gates,
      ])
    #expect(targets.map(\.description) == ["liquidation_probability:rse<0.1", "roi_mean:halfwidth<0.001", "gates"])
  }

  @Test(arguments: [
    ("liquidation_probabilty:rse<0.1", "did you mean \"liquidation_probability\""),
    ("roi_mean:stderr<0.1", "unknown measure \"stderr\"; allowed: rse, halfwidth"),
    ("roi_mean:rse<0", "the bound must be a positive finite number, got \"0\""),
    ("roi_mean:rse<abc", "the bound must be a positive finite number"),
    ("roi_mean", "expected FIELD:rse<X, FIELD:halfwidth<X or gates"),
    ("roi_mean:rse>0.1", "expected FIELD:rse<X"),
    ("roi_mean:rse<0.1,", "expected FIELD:rse<X"),
  ])
  func badTargetsSayWhy(text: String, message: String) {
    #expect {
      _ = try PrecisionTarget.parseList(text, origin: "--until")
    } throws: { error in
      let said = "\(error)"
      return said.hasPrefix("--until: ") && said.contains(message)
    }
  }

  /// Checkpoints start at 256, grow by 256 and then by at most 10% in steps of
  /// 256, and end at the budget exactly.
  @Test func checkpointSchedule() {
    let spec = PrecisionSpec(targets: [.gates], maxPaths: 100_000)
    var n = 0
    var points: [Int] = []
    while n < spec.maxPaths {
      let next = spec.checkpoint(after: n)
      #expect(next > n)
      #expect(next - n == 256 || (next % 256 == 0 && Double(next - n) <= 0.1 * Double(n)) || next == spec.maxPaths)
      points.append(next)
      n = next
    }
    #expect(points.prefix(3) == [256, 512, 768])
    #expect(points.last == 100_000)
    #expect(PrecisionSpec(targets: [.gates], maxPaths: 100).checkpoint(after: 0) == 100)
  }

  /// The acceptance: rse < 0.1 on a probability p stops within 25% of
  /// the (1 - p) / (p 0.1²) paths that the binomial standard error implies, with
  /// p from a 20,000-path run (its own relative error, about 3.7%, is small beside
  /// the 25% allowed; the stop itself is about 10% past the count); the stop is the first checkpoint where the target
  /// holds; and the bytes are the same on 1 and 2 threads and any block size.
  @Test func stopsNearTheImpliedPathCount() throws {
    let s = try Self.levered()
    let spec = PrecisionSpec(targets: [.relativeStandardError(field: "liquidation_probability", below: 0.1)])
    let one = try Runner.run(s, precision: spec, options: RunOptions(threads: 1))
    let two = try Runner.run(s, precision: spec, options: RunOptions(threads: 2, blockSize: 7))
    #expect(JSONText.pretty(one.tree) == JSONText.pretty(two.tree))
    let report = try #require(one.precision)
    #expect(report.met)
    let truth = try Runner.run(s.withPaths(20_000)).scorecard.liquidationProbability
    let implied = (1 - truth) / (truth * 0.01)
    let stopped = Double(report.paths)
    #expect(abs(stopped / implied - 1) < 0.25, "stopped at \(report.paths), implied \(implied) at p = \(truth)")
    // The checkpoint before the stop did not meet the target.
    var before = 0
    while spec.checkpoint(after: before) < report.paths { before = spec.checkpoint(after: before) }
    let earlier = try Runner.run(s.withPaths(before)).scorecard
    #expect(
      !PrecisionTarget.relativeStandardError(field: "liquidation_probability", below: 0.1).measure(
        earlier, policy: s.policy
      ).met)
  }

  /// A precision run's scorecard is that of a plain run at the paths it reached,
  /// byte for byte (the `precision` block aside), bands included.
  @Test func equalsAPlainRunAtThePathsReached() throws {
    let s = try Self.levered()
    let spec = PrecisionSpec(
      targets: [.relativeStandardError(field: "liquidation_probability", below: 0.2)], maxPaths: 20_000)
    var options = RunOptions(threads: 2)
    options.bandPaths = 300
    let run = try Runner.run(s, precision: spec, options: options)
    let plain = try Runner.run(s.withPaths(run.records.count), options: options)
    #expect(run.scenario.paths == run.records.count)
    #expect(run.records.count > 512)  // several checkpoints were needed
    #expect(JSONText.pretty(run.scorecard.tree) == JSONText.pretty(plain.scorecard.tree))
    #expect(run.records == plain.records)
    #expect(run.bands?.paths == 300)
    #expect(run.bands?.band("p50") == plain.bands?.band("p50"))
  }

  /// A target the budget cannot reach stops at the budget and says so.
  @Test func budgetSpentIsReportedUnmet() throws {
    let s = try projectLibrary.scenario("crash_40pct_external_asset")  // leverage 1.5: no liquidation
    let spec = PrecisionSpec(
      targets: [
        .relativeStandardError(field: "liquidation_probability", below: 0.1),
        .halfWidth(field: "roi_mean", below: 0.05),
      ], maxPaths: 1_000)
    let run = try Runner.run(s, precision: spec, options: RunOptions(threads: 2))
    let report = try #require(run.precision)
    #expect(report.paths == 1_000)
    #expect(run.records.count == 1_000)
    #expect(!report.met)
    #expect(report.targets.map(\.met) == [false, true])
    #expect(report.targets[0].value == .infinity)  // zero events: no relative error can be stated
  }

  /// `gates` runs until no gate is inconclusive.
  @Test func gatesTargetDecidesEveryGate() throws {
    let s = try Self.levered()
    let run = try Runner.run(
      s, precision: PrecisionSpec(targets: [.gates], maxPaths: 200_000), options: RunOptions(threads: 2))
    let report = try #require(run.precision)
    #expect(report.met)
    let checks = GateReport(run.scorecard, policy: s.policy).checks
    #expect(checks.allSatisfy { $0.verdict != .inconclusive })
  }
}
