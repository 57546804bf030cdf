import Foundation
import Testing

@testable import SimCore

/// Importance sampling (docs/IMPORTANCE.md): the weights are likelihood
/// ratios, the weighted estimates agree with plain Monte Carlo within their
/// combined standard errors, and the run is deterministic.
@Suite struct ImportanceSamplingTests {
  /// The crash scenario cut to 60 epochs at leverage `leverage`: liquidations are
  /// a few percent of paths at 2.5, so plain Monte Carlo can check the weights.
  static func crash(leverage: Double, paths: Int) throws -> Scenario {
    try projectLibrary.scenario("crash_40pct_external_asset").with([
      ("epochs", .number(60)), ("paths", .number(Double(paths))), ("leverage", .number(leverage)),
    ])
  }

  @Test func aZeroTiltDrawsThePlainPathsWithWeightOne() throws {
    let s = try Self.crash(leverage: 2.5, paths: 500)
    let plain = try Runner.run(s, options: RunOptions(threads: 2))
    let zero = ImportanceSpec(method: .manual(asset: 0, volatility: 0, from: 0, to: 59))
    let tilted = try Runner.run(s, importance: zero, options: RunOptions(threads: 2))
    #expect(tilted.records == plain.records)
    let a = plain.scorecard
    let b = tilted.scorecard
    #expect(a.liquidationProbability == b.liquidationProbability)
    #expect(a.roiMean == b.roiMean)
    #expect(a.roiP05 == b.roiP05)
    #expect(a.maxDrawdownP95 == b.maxDrawdownP95)
    #expect(a.tailRisk["pnl_var_99"] == b.tailRisk["pnl_var_99"])
    #expect(b.importance?.effectiveSampleSize == 500)
  }

  /// A manual shift of the asset normals down before the crash: the weights
  /// average 1, and the weighted liquidation probability and mean ROI agree
  /// with plain Monte Carlo on other paths within 4 combined standard errors.
  @Test func manualTiltWeightsAgreeWithPlainMonteCarlo() throws {
    let plain = try Runner.run(Self.crash(leverage: 2.5, paths: 20_000), options: RunOptions(threads: 2)).scorecard
    let spec = ImportanceSpec(method: .manual(asset: -0.3, volatility: 0.2, from: 0, to: 30))
    let run = try Runner.run(Self.crash(leverage: 2.5, paths: 5_000), importance: spec, options: RunOptions(threads: 2))
    let card = run.scorecard
    let d = try #require(card.importance)
    #expect(abs(d.meanWeight - 1) < 4 * d.meanWeightStandardError)
    // Defensive paths bound every weight by 1/λ.
    #expect(run.records.allSatisfy { $0.weight <= 1 / spec.defensiveShare })
    #expect(run.records.contains { $0.weight > 1 } && run.records.contains { $0.weight < 1 })
    let p = plain.liquidationProbability
    var plainErrors = plain.standardErrors
    plainErrors["liquidation_probability"] = (p * (1 - p) / 20_000).squareRoot()
    for field in ["liquidation_probability", "roi_mean", "bad_debt_mean", "deleverage_events"] {
      let se = try #require(card.standardErrors[field]).squareRoot2(with: try #require(plainErrors[field]))
      let gap = abs(try #require(card.scalar(field)) - (try #require(plain.scalar(field))))
      #expect(gap < 4 * se, "\(field): weighted \(card.scalar(field) ?? .nan), plain \(plain.scalar(field) ?? .nan)")
    }
    #expect(card.liquidationProbability > 0)
  }

  /// The automatic tilt on a rarer event (leverage 1.8): the estimate agrees
  /// with a larger plain run, and its standard error is smaller than plain
  /// Monte Carlo's at the same paths (the pilot paths not counted).
  @Test func autoTiltAgreesAndReducesTheVariance() throws {
    let paths = 4_000
    let plain = try Runner.run(Self.crash(leverage: 1.8, paths: 100_000), options: RunOptions(threads: 2)).scorecard
    let spec = ImportanceSpec(pilotPaths: 2_000)
    let card = try Runner.run(
      Self.crash(leverage: 1.8, paths: paths), importance: spec, options: RunOptions(threads: 2)
    )
    .scorecard
    let p = plain.liquidationProbability
    let sePlain = (p * (1 - p) / 1e5).squareRoot()
    let se = try #require(card.standardErrors["liquidation_probability"])
    #expect(p > 0)
    #expect(abs(card.liquidationProbability - p) < 4 * (se * se + sePlain * sePlain).squareRoot())
    #expect(se < (p * (1 - p) / Double(paths)).squareRoot())
    #expect(card.importance?.warnings.isEmpty == true)
  }

  /// `--until` on an importance-sampled run stops on the weighted standard error,
  /// and its scorecard is the fixed-paths run's at the paths reached.
  @Test func precisionRunsStopOnTheWeightedStandardError() throws {
    let s = try Self.crash(leverage: 1.8, paths: 100)
    let spec = ImportanceSpec(pilotPaths: 1_000, maxRounds: 4)
    let target = PrecisionTarget.relativeStandardError(field: "liquidation_probability", below: 0.1)
    let run = try Runner.run(
      s, importance: spec, precision: PrecisionSpec(targets: [target], maxPaths: 50_000),
      options: RunOptions(threads: 2))
    let report = try #require(run.precision)
    let card = run.scorecard
    let se = try #require(card.standardErrors["liquidation_probability"])
    #expect(report.met)
    #expect(se / card.liquidationProbability < 0.1)
    #expect(report.paths < 50_000)
    let fixed = try Runner.run(s.withPaths(report.paths), importance: spec, options: RunOptions(threads: 1))
    #expect(fixed.records == run.records)
    #expect(fixed.scorecard.liquidationProbability == card.liquidationProbability)
  }

  /// A tilt aimed away from the event (the asset pushed up before the crash)
  /// leaves the rare liquidation unsampled, and the diagnostics say so.
  @Test func aTiltThatMissesTheEventIsFlagged() throws {
    let s = try Self.crash(leverage: 1.6, paths: 2_000)
    let away = ImportanceSpec(method: .manual(asset: 0.3, volatility: -0.3, from: 0, to: 30))
    let d = try #require(try Runner.run(s, importance: away, options: RunOptions(threads: 2)).scorecard.importance)
    #expect(d.targetEffectiveSampleSize < ImportanceDiagnostics.minimumTargetESS)
    #expect(d.warnings.contains { $0.contains("effective paths with the target event") })
  }

  @Test func importanceRunsAreIdenticalForAnyThreadCount() throws {
    let s = try Self.crash(leverage: 1.8, paths: 1_000)
    let spec = ImportanceSpec(pilotPaths: 500, maxRounds: 3)
    let one = try Runner.run(s, importance: spec, options: RunOptions(threads: 1, blockSize: 64))
    let two = try Runner.run(s, importance: spec, options: RunOptions(threads: 2, blockSize: 100))
    #expect(one.records == two.records)
    #expect(JSONText.pretty(one.scorecard.tree) == JSONText.pretty(two.scorecard.tree))
    #expect(one.records.contains { $0.weight != 1 })
  }

  @Test func weightedEstimatorsReduceToThePlainOnesWithUnitWeights() {
    let x = (0..<101).map { Double(($0 * 37) % 101) / 7 }
    let w = WeightedSample(weights: Array(repeating: 1, count: x.count))
    let plain = MeanEstimate(values: x)
    let m = w.mean(x)
    #expect(abs(m.value - plain.mean) < 1e-12)
    #expect(abs(m.standardError - plain.standardError) < 1e-12)
    let sorted = x.sorted()
    for alpha in [0.05, 0.5, 0.95, 0.999] {
      #expect(w.quantile(x, order: w.order(x), alpha) == Quantiles.sorted(sorted, alpha))
      #expect(w.lowerQuantile(x, order: w.order(x), alpha) == TailRisk.valueAtRisk(sortedLosses: sorted, level: alpha))
    }
    let losses = x
    let tail = TailRisk(sortedLosses: sorted, level: 0.95)
    let weighted = w.tail(losses, order: w.order(losses), level: 0.95)
    #expect(weighted.valueAtRisk == tail.valueAtRisk)
    #expect(abs(weighted.expectedShortfall - tail.expectedShortfall) < 1e-9 * abs(tail.expectedShortfall))
  }

  @Test func badTiltsAreRefusedNamingTheValueAndRange() throws {
    let s = try Self.crash(leverage: 1.8, paths: 100)
    let wide = ImportanceSpec(method: .manual(asset: -9, volatility: 0, from: 0, to: 10))
    #expect(throws: ConfigError.self) { try wide.validate(for: s, origin: "--importance") }
    do {
      try ImportanceSpec(method: .manual(asset: -1, volatility: 0, from: 5, to: 60)).validate(
        for: s, origin: "--importance")
      Issue.record("a window past the last epoch must be refused")
    } catch {
      #expect("\(error)".contains("to=60"))
      #expect("\(error)".contains("0...59"))
    }
    #expect(throws: ConfigError.self) {
      try ImportanceSpec.parse("asset=-1,from=x", target: .liquidation, origin: "--importance")
    }
    #expect(ImportanceTarget.parse("drawdown>0.25") == .drawdown(above: 0.25))
    #expect(ImportanceTarget.parse("roi<-0.1") == .roi(below: -0.1))
    #expect(ImportanceTarget.parse("drawdown>2") == nil)
  }
}

extension Double {
  /// √(self² + other²): the standard error of a difference of independent estimates.
  fileprivate func squareRoot2(with other: Double) -> Double { (self * self + other * other).squareRoot() }
}
