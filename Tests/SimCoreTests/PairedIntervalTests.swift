import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

/// The optimizer's paired intervals: per-path score contributions, paired
/// differences to the leader, the tied set and halving by paired intervals.
@Suite struct PairedIntervals {
  func base(paths: Int) throws -> Scenario {
    try projectLibrary.scenario("leverage_sweep_1x_to_4x").with([("paths", .number(Double(paths)))])
  }

  func sweep(_ json: String, paths: Int) throws -> Sweep {
    let spec = try SweepSpec(JSONText.parse(json, file: "s"), file: "s")
    return try Sweep(base: base(paths: paths), spec: spec, evidence: DeploymentEvidence())
  }

  func contributions(_ s: Scenario) throws -> (card: Scorecard, values: [Double], sparsity: Double) {
    let run = try Runner.run(s)
    let c = ScoreContributions(
      records: run.records, epochs: s.epochs, weights: s.policy.weights, confidence: run.scorecard.confidence)
    return (run.scorecard, c.values, c.drawdownSparsity)
  }

  func mean(_ x: [Double]) -> Double { x.reduce(0, +) / Double(x.count) }

  func standardError(_ x: [Double]) -> Double { MeanEstimate(values: x).standardError }

  /// 1x and 1.5x have no drawdown at their 95th percentile (an atom: sparsity 0); 2.5x and 4x do.
  @Test(arguments: [1.0, 2.5, 4.0])
  func contributionsAverageToTheScore(leverage: Double) throws {
    let s = try base(paths: 1500).with([("leverage", .number(leverage))])
    let (card, values, sparsity) = try contributions(s)
    let score = GateReport.score(card, weights: s.policy.weights)
    #expect(values.count == 1500)
    #expect(abs(mean(values) - score) <= 1e-12 * abs(score), "\(mean(values)) vs \(score)")
    if leverage > 2 { #expect(sparsity > 0 && card.maxDrawdownP95 > 0) }
  }

  @Test func sparsityOfALinearQuantileFunctionIsItsSlopeAndAnAtomHasNone() {
    // Evenly spaced values: Q_n is linear with slope 1/(n - 1) per rank, that is about 1 in probability.
    let n = 4000
    let even = (0..<n).map { Double($0) / Double(n - 1) }
    #expect(abs(ScoreContributions.sparsity(sorted: even, quantile: 0.95, confidence: .standard) - 1) < 1e-9)
    let atom = [Double](repeating: 0.2, count: n)
    #expect(ScoreContributions.sparsity(sorted: atom, quantile: 0.95, confidence: .standard) == 0)
    // Exponential(1) quantiles: 1/f(x_0.95) = 20; the difference quotient's bias is Q'''(p) h²/6 = 16000 h²/6.
    let expo = (0..<n).map { -log(1 - (Double($0) + 0.5) / Double(n)) }
    let h = ScoreContributions.bandwidth(count: n, quantile: 0.95, confidence: .standard)
    let s = ScoreContributions.sparsity(sorted: expo, quantile: 0.95, confidence: .standard)
    #expect(abs(s - 20) <= 1.2 * 16000 * h * h / 6, "sparsity \(s), h \(h)")
  }

  @Test func pairingNarrowsTheIntervalOfPositivelyCorrelatedCandidates() throws {
    let b = try base(paths: 2000)
    let a = try contributions(b.with([("leverage", .number(2))]))
    let c = try contributions(b.with([("leverage", .number(2.5))]))
    let ma = mean(a.values)
    let mc = mean(c.values)
    let covariance = zip(a.values, c.values).reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mc) } / Double(a.values.count - 1)
    #expect(covariance > 0)
    let paired = PairedDifference(leader: a.values, leaderScore: ma, candidate: c.values, candidateScore: mc)
    let unpaired = (pow(standardError(a.values), 2) + pow(standardError(c.values), 2)).squareRoot()
    #expect(paired.standardError < unpaired, "paired \(paired.standardError), unpaired \(unpaired)")
    // The paired standard error is sd(d)/sqrt(n), computed apart.
    let d = zip(a.values, c.values).map { $0 - $1 }
    #expect(abs(paired.standardError - standardError(d)) <= 1e-12 * standardError(d))
  }

  @Test func identicalCandidatesDifferByAZeroWidthIntervalAndAreTied() throws {
    let result = try sweep(#"{"grid": {"leverage": [1.5, 1.5, 4]}}"#, paths: 600).run(options: RunOptions())
    let twins = result.candidates.filter { $0.leverage == 1.5 }
    #expect(twins.count == 2)
    for t in twins { #expect(t.scoreDifference == Interval(lower: 0, upper: 0) && t.tied) }
    #expect(Set(result.tied.map(\.index)) == [0, 1])
    let far = try #require(result.candidates.first { $0.leverage == 4 })
    #expect(!far.tied && (far.scoreDifference?.lower ?? 0) > 0)
  }

  @Test func halvingKeepsACandidateTiedWithTheLeaderInTheLowerHalfAndDropsAFarWorseOne() throws {
    // Three identical 1x candidates and a 4x: the lower half by rank holds the third 1x (rank 3,
    // tied [0, 0] with the leader, its twin) and the 4x (far worse). Only the 4x is dropped.
    let s = try sweep(
      #"{"grid": {"leverage": [1, 1, 1, 4]}, "halving": true, "initialPaths": 200}"#, paths: 800)
    #expect(s.rounds == [200, 400, 800])
    var evaluated: [Int: [Int]] = [:]
    let result = try s.run(options: RunOptions()) { evaluated[$0.round, default: []].append($0.index) }
    #expect(evaluated[0] == [0, 1, 2, 3])
    #expect(evaluated[1] == [0, 1, 2], "the tied candidate of rank 3 is kept, the 4x dropped")
    let dropped = try #require(result.candidates.first { $0.index == 3 })
    #expect(dropped.round == 0 && !dropped.tied && (dropped.scoreDifference?.lower ?? 0) > 0)
    #expect(Set(result.tied.map(\.index)) == [0, 1, 2])
    #expect(result.leader?.index == 0)
  }

  /// A store that keeps contributions in memory, as the journal's side file does on disk.
  final class MemoryStore {
    var values: [Sweep.Key: [Double]] = [:]
    var store: Sweep.ContributionStore {
      Sweep.ContributionStore(load: { self.values[$0] }, save: { self.values[$0] = $1 })
    }
  }

  @Test(arguments: [true, false])
  func resumingGivesTheBytesOfAnUninterruptedSweep(withContributions: Bool) throws {
    let s = try sweep(
      #"{"grid": {"leverage": [1, 1.5, 2, 2.5, 3]}, "halving": true, "initialPaths": 150}"#, paths: 600)
    let memory = MemoryStore()
    var journal: [CandidateSummary] = []
    let straight = try s.run(options: RunOptions(threads: 1), store: memory.store) { journal.append($0) }
    #expect(journal.count > 6, "the sweep has several rounds")
    var done: [Sweep.Key: CandidateSummary] = [:]
    let cut = journal.count - 2
    for summary in journal.prefix(cut) {
      let restored = try CandidateSummary(JSONText.parse(JSONText.canonical(summary.tree), file: "j"), file: "j")
      done[Sweep.Key(index: restored.index, round: restored.round)] = restored
    }
    let resumedStore = MemoryStore()
    if withContributions { resumedStore.values = memory.values }
    var rerun = 0
    let resumed = try s.run(options: RunOptions(threads: 2), done: done, store: resumedStore.store) { _ in rerun += 1 }
    #expect(rerun == journal.count - cut)
    #expect(SweepOutput.json(resumed) == SweepOutput.json(straight))
    #expect(resumed.candidates == straight.candidates)
  }

  @Test func theThreadCountDoesNotChangeTheBytes() throws {
    let s = try sweep(#"{"grid": {"leverage": [1, 1.5, 2, 3]}}"#, paths: 700)
    let one = try s.run(options: RunOptions(threads: 1))
    let two = try s.run(options: RunOptions(threads: 2))
    #expect(SweepOutput.json(one) == SweepOutput.json(two))
    #expect(one.table() == two.table())
  }

  @Test func theJournalSideFileRestoresContributionsAndSkipsADamagedRecord() throws {
    let dir = NSTemporaryDirectory() + "capscript-contributions-\(getpid())"
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let path = dir + "/x.contributions"
    let file = try ContributionFile(path: path, identity: "00000000000000aa", fresh: true)
    let a: [Double] = [0.1, -2.5, .pi, 0]
    let b: [Double] = [1, 2, 3]
    try file.save(Sweep.Key(index: 0, round: 0), a)
    try file.save(Sweep.Key(index: 1, round: 2), b)
    #expect(file.load(Sweep.Key(index: 1, round: 2)) == b)
    let reopened = try ContributionFile(path: path, identity: "00000000000000aa", fresh: false)
    #expect(reopened.load(Sweep.Key(index: 0, round: 0)) == a)
    #expect(reopened.load(Sweep.Key(index: 1, round: 2)) == b)
    // A kill in the middle of the second record's write: the first stays, the second is gone.
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    try data.prefix(data.count - 5).write(to: URL(fileURLWithPath: path))
    let cut = try ContributionFile(path: path, identity: "00000000000000aa", fresh: false)
    #expect(cut.load(Sweep.Key(index: 0, round: 0)) == a)
    #expect(cut.load(Sweep.Key(index: 1, round: 2)) == nil)
    // The cut record is dropped on reopening, so a record saved after it is found on the next reopening.
    try cut.save(Sweep.Key(index: 2, round: 1), b)
    let again = try ContributionFile(path: path, identity: "00000000000000aa", fresh: false)
    #expect(again.load(Sweep.Key(index: 2, round: 1)) == b && again.load(Sweep.Key(index: 0, round: 0)) == a)
  }
}
