import Foundation
import TestSupport
import Testing

@testable import SimCore

/// The done-when on the benchmark scenario, with the pilot counted
/// (docs/IMPORTANCE.md, "Measured"): `--importance auto --until
/// liquidation_probability:rse<0.1` reaches a 10% relative standard error with
/// at most 1/50 of the paths plain Monte Carlo needs, pilot paths included.
@Suite struct ImportancePilotCostTests {
  /// crash_rare_liquidation's plain liquidation probability and its standard
  /// error from 2,000,000 paths (bench/importance.sh, docs/IMPORTANCE.md).
  static let plain = (p: 2.550e-4, se: 1.13e-5)

  @Test(arguments: [138, 7, 8])
  func theDefaultPilotCountedInNeedsAFiftiethOfPlainPaths(seed: Int) throws {
    let path = packageRoot + "/examples/scenarios/crash_rare_liquidation.json"
    let s = try projectLibrary.scenario(path).with([("seed", .number(Double(seed)))])
    let target = PrecisionTarget.relativeStandardError(field: "liquidation_probability", below: 0.1)
    let run = try Runner.run(
      s, importance: ImportanceSpec(), precision: PrecisionSpec(targets: [target], maxPaths: 400_000),
      options: RunOptions(threads: 2))
    let card = run.scorecard
    let d = try #require(card.importance)
    let se: Double = try #require(card.standardErrors["liquidation_probability"])
    let p: Double = card.liquidationProbability
    #expect(se / p <= 0.1)
    let need = (1 - Self.plain.p) / (Self.plain.p * 0.01)
    #expect(Double(d.paths + d.pilotPaths) <= need / 50, "paths \(d.paths) + pilot \(d.pilotPaths)")
    #expect(abs(p - Self.plain.p) < 3 * (se * se + Self.plain.se * Self.plain.se).squareRoot(), "p \(p)")
    #expect(d.warnings.isEmpty, "\(d.warnings)")
  }
}
