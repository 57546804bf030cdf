import Synchronization
import Testing

@testable import CapscriptIO
@testable import SimCore

/// What a progress bar wrote, in order.
final class BarTranscript: Sendable {
  let lines = Mutex<[String]>([])
  var all: [String] { lines.withLock { $0 } }
  var write: @Sendable (String) -> Void { { [self] text in lines.withLock { $0.append(text) } } }
  /// A bar drawn from the first update (no one-second wait) into this transcript.
  func bar(_ label: String) -> ProgressBar { ProgressBar(label: label, enabled: true, delay: 0, write: write) }
}

@Suite struct ProgressBars {
  @Test func aBarDrawsItsLabelAndPercentOnOneLineThenClearsIt() {
    let t = BarTranscript()
    let bar = t.bar("crash")
    bar.setStatus("roi_mean rse 1%")
    bar.update(50, 100)
    bar.finish()
    bar.update(100, 100)  // after finish: nothing
    #expect(t.all.count == 2)
    let line = t.all[0]
    #expect(line.hasPrefix("\rcrash [###############...............] 50%"), "\(line.debugDescription)")
    #expect(line.hasSuffix("roi_mean rse 1%\u{1B}[K"))
    #expect(t.all[1] == "\r\u{1B}[K")
  }

  @Test func aDisabledOrUndrawnBarWritesNothing() {
    let t = BarTranscript()
    let off = ProgressBar(label: "off", enabled: false, delay: 0, write: t.write)
    off.update(1, 2)
    off.finish()
    let late = ProgressBar(label: "late", enabled: true, delay: 3600, write: t.write)
    late.update(1, 2)
    late.finish()
    #expect(t.all.isEmpty)
  }

  @Test func aSweepStepSaysTheRoundAndTheCandidate() {
    #expect(Sweep.Step(round: 1, rounds: 3, position: 4, count: 8, index: 9).text == "round 2/3, candidate 5/8")
    #expect(Sweep.Step(round: 0, rounds: 1, position: 0, count: 2, index: 0).text == "candidate 1/2")
  }

  @Test func aSweepReportsEachCandidateAndCountsTheRoundsPaths() throws {
    let b = try projectLibrary.scenario("leverage_sweep_1x_to_4x").with([("paths", .number(512))])
    let spec = try SweepSpec(
      JSONText.parse(#"{"grid": {"leverage": [1, 2, 3]}, "halving": true, "initialPaths": 256}"#, file: "s"),
      file: "s")
    let sweep = try Sweep(base: b, spec: spec, evidence: DeploymentEvidence())
    let seen = Mutex<[(Int, Int)]>([])
    let options = RunOptions(threads: 1, progress: { done, total in seen.withLock { $0.append((done, total)) } })
    var steps: [Sweep.Step] = []
    _ = try sweep.run(options: options, starting: { steps.append($0) })
    #expect(steps.map(\.round) == [0, 0, 0, 1, 1])
    #expect(steps.map(\.position) == [0, 1, 2, 0, 1])
    #expect(steps.allSatisfy { $0.rounds == 2 })
    let reports = seen.withLock { $0 }
    // Round 0: three candidates of 256 paths, one bar of 768; round 1: two of 512, one bar of 1024.
    #expect(Set(reports.map(\.1)) == [768, 1024])
    #expect(reports.contains { $0 == (768, 768) })
    #expect(reports.contains { $0 == (1024, 1024) })
  }

  @Test func aSuiteLabelsEachScenarioWithItsPlace() throws {
    let names = ["crash_40pct_external_asset", "hub_only_11"]
    let suite = try ScenarioSuite(library: projectLibrary, names: names, overrides: [("paths", .number(300))])
    var started: [String] = []
    _ = try suite.run(options: { _ in RunOptions(threads: 1) }, starting: { i, s in started.append("\(i) \(s.name)") })
    #expect(started == ["0 crash_40pct_external_asset", "1 hub_only_11"])
    let t = BarTranscript()
    _ = try suite.run(options: RunOptions(threads: 1), progress: t.bar("validate"), label: "validate")
    let lines = t.all
    #expect(lines.contains { $0.hasPrefix("\rvalidate 1/2 crash_40pct_external_asset [") })
    #expect(lines.contains { $0.hasPrefix("\rvalidate 2/2 hub_only_11 [") })
    #expect(lines.last == "\r\u{1B}[K")
  }

  @Test func aCancelledSuiteClearsTheLine() throws {
    let suite = try ScenarioSuite(
      library: projectLibrary, names: ["crash_40pct_external_asset"], overrides: [("paths", .number(4096))])
    let t = BarTranscript()
    let token = CancellationToken()
    var options = RunOptions(threads: 1, cancellation: token)
    options.progress = { _, _ in token.cancel() }
    #expect(throws: RunError.self) {
      try suite.run(options: options, progress: t.bar("validate"), label: "validate")
    }
    #expect(t.all.first?.hasPrefix("\rvalidate 1/1 crash_40pct_external_asset [") == true)
    #expect(t.all.last == "\r\u{1B}[K")
  }
}
