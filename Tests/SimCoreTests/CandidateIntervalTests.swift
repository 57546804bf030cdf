import Foundation
import Testing

@testable import SimCore

@Suite struct CandidateIntervals {
  func summary(_ intervals: [String: Interval]) -> CandidateSummary {
    var s = CandidateSummary(
      index: 2, round: 1, paths: 400, assignments: [("leverage", .number(2))], leverage: 2,
      metrics: ["roi_mean": 0.05, "pnl_var_999": 1000], score: 0.01, failedGates: [])
    s.intervals = intervals
    s.standardErrors = ["roi_mean": 0.001]
    return s
  }

  @Test func aJournalLineKeepsTheIntervalsAndTheirUnboundedSides() throws {
    let s = summary([
      "roi_mean": Interval(lower: 0.048, upper: 0.052), "pnl_var_999": Interval(lower: 900, upper: .infinity),
      "roi_p05": .unbounded,
    ])
    let line = JSONText.canonical(s.tree)
    #expect(line.contains("\"pnl_var_999\":[900,null]"))
    let restored = try CandidateSummary(JSONText.parse(line, file: "j"), file: "j")
    #expect(restored == s)
    #expect(restored.intervals["pnl_var_999"]?.upper == .infinity)
    #expect(restored.intervals["roi_p05"] == .unbounded)
    #expect(restored.standardErrors == ["roi_mean": 0.001])
  }

  @Test func aJournalLineWrittenBeforeIntervalsStillResumes() throws {
    let old = """
      {"assignments":[["leverage",2]],"deployable":true,"failed_gates":[],"index":2,"leverage":2,\
      "metrics":{"roi_mean":0.05},"paths":400,"round":1,"score":0.01}
      """
    let restored = try CandidateSummary(JSONText.parse(old, file: "j"), file: "j")
    #expect(restored.intervals.isEmpty && restored.standardErrors.isEmpty)
    #expect(restored["roi_mean"] == 0.05 && restored.index == 2)
  }

  @Test func anEvaluatedCandidateCarriesItsScorecardsIntervals() throws {
    let b = try projectLibrary.scenario("leverage_sweep_1x_to_4x").with([("paths", .number(200))], origin: "test")
    let sweep = try Sweep(base: b, spec: b.sweep!, evidence: DeploymentEvidence())
    let c = try sweep.evaluate(3, round: 0, options: RunOptions(threads: 2))
    let card = try Runner.run(sweep.candidates[3], options: RunOptions(threads: 2)).scorecard
    #expect(c.intervals == card.intervals)
    #expect(c.standardErrors == card.standardErrors.filter { $0.value.isFinite })
    for name in Scorecard.scalarFieldNames { #expect(c.intervals[name] != nil, "\(name)") }
  }
}
