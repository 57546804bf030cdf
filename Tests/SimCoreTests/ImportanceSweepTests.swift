import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

/// Optimizer sweeps under importance sampling (docs/IMPORTANCE.md, "Optimizer
/// sweeps"): one tilt found on the base scenario, every candidate drawn under
/// it, the liquidation gate decided on the weighted estimate.
@Suite struct ImportanceSweepTests {
  /// Plain liquidation probabilities (100,000 paths): 2.6e-4, 1.7e-3, 3.5e-2 about the 1% gate.
  static let leverages = [1.6, 1.65, 1.75]

  /// A leverage grid on the 60-epoch crash, `paths` per candidate, base leverage 1.65.
  static func sweep(paths: Int) throws -> Sweep {
    let base = try ImportanceSamplingTests.crash(leverage: 1.65, paths: paths)
    let spec = try SweepSpec(
      .object(["grid": .object(["leverage": .array(leverages.map(ConfigValue.number))])]), file: "test")
    return try Sweep(base: base, spec: spec, evidence: DeploymentEvidence())
  }

  static func liquidationGate(_ c: CandidateSummary) -> GateReport.Failure? {
    c.failedGates.first { $0.gate == "liquidation_probability" }
  }

  /// The liquidation gate (1%) of each candidate, decided from 3,000 importance-sampled
  /// paths (+ the pilot), is the decision plain Monte Carlo makes from 60,000 paths, and the
  /// weighted probabilities lie within 4 combined standard errors of the plain ones.
  @Test func theLiquidationGateUnderImportanceSamplingMatchesALargePlainSweep() throws {
    var sampled = try Self.sweep(paths: 3_000)
    try sampled.sample(importance: ImportanceSpec(pilotPaths: 1_000), options: RunOptions(threads: 2))
    let weighted = try sampled.run(options: RunOptions(threads: 2))
    let plain = try Self.sweep(paths: 60_000).run(options: RunOptions(threads: 2))
    var failures = 0
    for lev in Self.leverages {
      let a = try #require(weighted.candidates.first { $0.leverage == lev })
      let b = try #require(plain.candidates.first { $0.leverage == lev })
      let gateA = Self.liquidationGate(a)
      let gateB = Self.liquidationGate(b)
      #expect(gateB?.inconclusive != true, "plain leverage \(lev): \(gateB?.detail ?? "")")
      #expect(gateA?.inconclusive != true, "importance leverage \(lev): \(gateA?.detail ?? "")")
      #expect(
        (gateA == nil) == (gateB == nil), "leverage \(lev): \(gateA?.detail ?? "pass") / \(gateB?.detail ?? "pass")")
      if gateB != nil { failures += 1 }
      let p = try #require(b.metrics["liquidation_probability"])
      let q = try #require(a.metrics["liquidation_probability"])
      // The weighted interval is q ± z·se, its lower bound clipped at 0: the upper half gives se.
      let seA = (try #require(a.intervals["liquidation_probability"]).upper - q) / sampled.confidence.z
      let seB = (p * (1 - p) / 60_000).squareRoot()
      #expect(abs(q - p) < 4 * (seA * seA + seB * seB).squareRoot(), "leverage \(lev): \(q) vs \(p)")
    }
    // The grid straddles the gate: at least one candidate passes it and one fails it.
    #expect(failures > 0 && failures < Self.leverages.count)
  }

  @Test func anImportanceSampledSweepIsTheSameForAnyThreadCount() throws {
    var one = try Self.sweep(paths: 800)
    try one.sample(importance: ImportanceSpec(pilotPaths: 500, maxRounds: 3), options: RunOptions(threads: 1))
    var two = try Self.sweep(paths: 800)
    try two.sample(importance: ImportanceSpec(pilotPaths: 500, maxRounds: 3), options: RunOptions(threads: 2))
    let a = try one.run(options: RunOptions(threads: 1, blockSize: 64))
    let b = try two.run(options: RunOptions(threads: 2, blockSize: 100))
    #expect(SweepOutput.json(a) == SweepOutput.json(b))
    // Every candidate's paired interval is set, on the same (weighted) paths.
    #expect(a.candidates.allSatisfy { $0.scoreDifference != nil })
  }

  /// The journal identity holds the importance spec: a journal of the plain
  /// sweep (or of another spec) is not resumed from.
  @Test func theSweepIdentityHoldsTheImportanceSpec() throws {
    let plain = try Self.sweep(paths: 300)
    var auto = plain
    try auto.sample(importance: ImportanceSpec(pilotPaths: 300, maxRounds: 2), options: RunOptions(threads: 2))
    var manual = plain
    let shift = ImportanceSpec(method: .manual(asset: -0.2, volatility: 0, from: 0, to: 30))
    try manual.sample(importance: shift, options: RunOptions(threads: 2))
    #expect(Set([plain.identity, auto.identity, manual.identity]).count == 3)
    var again = plain
    try again.sample(importance: ImportanceSpec(pilotPaths: 300, maxRounds: 2), options: RunOptions(threads: 1))
    #expect(again.identity == auto.identity)
  }
}
