import Foundation
import Testing

@testable import SimCore

/// A sweep ranked by a host objective (`SweepObjective`, a Lua function in
/// `cap.sweep`), without Lua: the judge is a Swift closure here.
@Suite struct SweepObjectiveRuns {
  static func sweep() throws -> Sweep {
    let base = try projectLibrary.scenario("crash_40pct_external_asset")
      .with([("paths", .number(200)), ("epochs", .number(60))], origin: "test")
    let spec = try SweepSpec(
      .object(["grid": .object(["leverage": .array([1.2, 2.0, 1.6].map(ConfigValue.number))])]), file: "test")
    var sweep = try Sweep(base: base, spec: spec, evidence: DeploymentEvidence())
    sweep.objective = SweepObjective(identity: "es99", minimize: true, constraints: 1)
    return sweep
  }

  @Test func aJournaledValueIsNotJudgedAgainAndAnEntryWithoutOneIs() throws {
    let sweep = try Self.sweep()
    var calls: [Double] = []
    let judge: Sweep.Judge = { run in
      calls.append(run.scenario.capital?.leverage ?? 0)
      return .init(value: run.scorecard.scalar("pnl_es_99"), constraints: [true], error: nil)
    }
    var journaled: [CandidateSummary] = []
    let straight = try sweep.run(options: RunOptions(threads: 2), finished: { journaled.append($0) }, judge: judge)
    #expect(calls == [1.2, 2.0, 1.6])
    #expect(straight.candidates.map(\.index) == [0, 2, 1], "smallest shortfall first")
    #expect(straight.candidates.allSatisfy { $0.scoreDifference == nil && $0.score == -($0.objective ?? 0) })
    // Journal lines restore the value and the verdicts exactly.
    for s in journaled { #expect(try CandidateSummary(s.tree, file: "journal") == s) }

    // A resume: candidate 0 journaled with its value, candidate 1 on a line that lacks it.
    var lacking = journaled[1]
    lacking.objective = nil
    let done = [Sweep.Key(index: 0, round: 0): journaled[0], Sweep.Key(index: 1, round: 0): lacking]
    calls = []
    var appended: [CandidateSummary] = []
    let resumed = try sweep.run(
      options: RunOptions(threads: 1), done: done, finished: { appended.append($0) }, judge: judge)
    #expect(calls == [2.0, 1.6])
    #expect(appended.map(\.index) == [1, 2])
    #expect(resumed.candidates == straight.candidates)
  }

  @Test func aFailedJudgementRanksLastWithItsErrorAndAFalseConstraintIsAFailedGate() throws {
    let sweep = try Self.sweep()
    let judge: Sweep.Judge = { run in
      let leverage = run.scenario.capital?.leverage ?? 0
      if leverage == 1.2 { return .init(value: nil, constraints: [], error: "objective: t.lua:3: boom") }
      return .init(value: leverage, constraints: [leverage < 1.8], error: nil)
    }
    let result = try sweep.run(options: RunOptions(threads: 2), judge: judge)
    #expect(result.candidates.map(\.index) == [2, 1, 0])
    #expect(result.failed.map(\.index) == [0])
    let failed = try #require(result.failed.first)
    #expect(failed.error == "objective: t.lua:3: boom" && failed.objective == nil && !failed.deployable)
    #expect(try CandidateSummary(failed.tree, file: "journal") == failed)
    let high = try #require(result.candidates.first { $0.index == 1 })
    #expect(high.constraints == [false] && high.failedGates.contains { $0.gate == "constraint 1" })
  }
}
