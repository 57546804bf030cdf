import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

/// Coverage of the scorecard's own 95% intervals on a real scenario (issue 10), sized
/// down from `bench/interval_coverage.py` to run in a debug build: `seeds` runs of
/// `paths` paths each (seeds 1001 ... 1200) are held against a truth from one run of
/// `truthRatio` × `paths` paths with another seed (1). The scenario is
/// crash_40pct_external_asset at leverage 1.7 (liquidation probability about 1%), cut to
/// 32 epochs: the crash is at epoch 30 and decides the liquidations, so the liquidation
/// probability is that of the 365-epoch scenario (1.02% on the same 20,000 paths at 31, 32, 40
/// and 365 epochs) at an eleventh of the cost.
///
/// The band. The count of covering seeds is binomial(T, c), with c the coverage expected
/// against this truth, so the rate is accepted within c ± 3 √(c (1 - c) / T) (T = 200:
/// ± 0.046 at c = 0.95). The seeds are fixed, so the test is one draw that either always
/// passes or always fails; 3 s.d. makes a correct estimator fail that draw with
/// probability about 0.3%. The truth has its own Monte Carlo error, which moves c:
/// for each field, c is a function of where the truth really lies, and the band runs
/// from 3 s.d. below the least to 3 s.d. above the greatest c over the truth's ± 3
/// standard errors (`expectedCoverage`):
/// - `roi_mean`: a normal interval whose centre is off by δ run-standard-errors covers
///   with Φ(z - δ) - Φ(-z - δ); the truth is off by at most 3 √(paths / truth paths) = 0.3
///   of them (ratio 100), so c runs from 0.940 to 0.95;
/// - `liquidation_probability`: the seeds' event counts are binomial(paths, p) and a seed
///   covers when the truth's p̂ lies in its Wilson interval, so c(p) is the exact binomial
///   mass of those counts, for p over the truth's ± 3 s.e.;
/// - `roi_p05`: a seed's interval [X_(l), X_(u)] covers the truth x̂ when l <= B <= u - 1,
///   with B, the sample values below x̂, binomial(paths, F(x̂)); F(x̂) is within 3 s.e.
///   √(q (1 - q) / truth paths) of q = 0.05.
@Suite struct ScorecardCoverage {
  static let seeds = 200
  static let paths = 500
  static let truthRatio = 100
  static let truthSeed: UInt64 = 1
  static let firstSeed: UInt64 = 1001

  /// The scenario: crash_40pct_external_asset at leverage 1.7, 32 epochs.
  static func scenario(seed: UInt64, paths: Int) throws -> Scenario {
    try projectLibrary.scenario("crash_40pct_external_asset").with([
      ("leverage", .number(1.7)), ("epochs", .number(32)), ("seed", .number(Double(seed))),
      ("paths", .number(Double(paths))),
    ])
  }

  /// Runs the truth and every seed once, for all the fields.
  static let runs = Result { () throws -> (truth: Scorecard, seeds: [Scorecard]) in
    let truth = try Runner.run(scenario(seed: truthSeed, paths: truthRatio * paths)).scorecard
    let cards = try (0..<seeds).map { try Runner.run(scenario(seed: firstSeed + UInt64($0), paths: paths)).scorecard }
    return (truth, cards)
  }

  @Test(arguments: ["roi_mean", "liquidation_probability", "roi_p05"])
  func ninetyFivePercentIntervalsCoverALargeRunsValue(field: String) throws {
    let (truthCard, cards) = try Self.runs.get()
    let truth = try #require(truthCard.scalar(field))
    let truthPaths = Self.truthRatio * Self.paths
    #expect(!cards.contains { $0.provenance.seed == truthCard.provenance.seed })
    let covered = try cards.filter { try #require($0.intervals[field]).contains(truth) }.count
    let rate = Double(covered) / Double(cards.count)
    let (least, greatest) = Self.expectedCoverage(field, truth: truth, paths: Self.paths, truthPaths: truthPaths)
    let t = Double(cards.count)
    let low = least - 3 * (least * (1 - least) / t).squareRoot()
    let high = greatest + 3 * (greatest * (1 - greatest) / t).squareRoot()
    print(
      "scorecard coverage \(field): \(covered)/\(cards.count) = \(rate), expected \(least) ... \(greatest), "
        + "band [\(low), \(high)], truth \(truth) from \(truthPaths) paths")
    #expect(low <= rate && rate <= high, "\(field): \(covered)/\(cards.count) covered, band [\(low), \(high)]")
  }

  /// The least and greatest coverage of a seed's interval against `truth`, over the
  /// truth's own ± 3 standard errors (see the suite's comment).
  static func expectedCoverage(_ field: String, truth: Double, paths n: Int, truthPaths m: Int)
    -> (least: Double, greatest: Double)
  {
    let z = ConfidenceLevel.standard.z
    let grid = (0...120).map { Double($0 - 60) / 20 }  // -3 ... 3 truth standard errors
    let values: [Double]
    switch field {
    case "roi_mean":
      let offset = (Double(n) / Double(m)).squareRoot()  // one truth s.e. in run s.e.
      values = grid.map { StandardNormal.cdf(z - $0 * offset) - StandardNormal.cdf(-z - $0 * offset) }
    case "liquidation_probability":
      let se = (truth * (1 - truth) / Double(m)).squareRoot()
      values = grid.map { k in
        binomialMass(n: n, p: truth + k * se) {
          ProportionEstimate(events: $0, trials: n).wilsonInterval().contains(truth)
        }
      }
    default:  // roi_p05
      let ranks = OrderStatisticInterval(count: n, quantile: 0.05)
      let l = ranks.lowerRank ?? 0
      let u = ranks.upperRank ?? n + 1
      let se = (0.05 * 0.95 / Double(m)).squareRoot()
      values = grid.map { k in binomialMass(n: n, p: 0.05 + k * se) { l <= $0 && $0 <= u - 1 } }
    }
    return (values.min() ?? .nan, values.max() ?? .nan)
  }

  /// P(accept(B)) for B binomial(n, p).
  static func binomialMass(n: Int, p: Double, accept: (Int) -> Bool) -> Double {
    let law = BinomialTails(n: n, q: p)
    var mass = 0.0
    for (i, w) in law.pmf.enumerated() where accept(law.low + i) { mass += w }
    return mass
  }

  /// The expected-coverage helper reproduces known values: the nominal 0.95 with an
  /// exact truth, the order-statistic ranks' own coverage, and Wilson's exact coverage.
  @Test func expectedCoverageMatchesKnownCases() {
    let exactMean = Self.expectedCoverage("roi_mean", truth: 0, paths: 1, truthPaths: Int.max)
    #expect(abs(exactMean.least - 0.95) < 1e-12 && abs(exactMean.greatest - 0.95) < 1e-12)
    let offMean = Self.expectedCoverage("roi_mean", truth: 0, paths: 1000, truthPaths: 100_000)
    // δ = 0.3: Φ(1.66) - Φ(-2.26) = 0.9396.
    #expect(abs(offMean.least - 0.9396) < 5e-4 && abs(offMean.greatest - 0.95) < 1e-12)
    let quantile = Self.expectedCoverage("roi_p05", truth: 0, paths: 1000, truthPaths: Int.max)
    let ranks = OrderStatisticInterval(count: 1000, quantile: 0.05).coverage
    // Int.max truth paths leave a truth s.e. near 1e-10, hence 1e-6 rather than rounding error.
    #expect(abs(quantile.least - ranks) < 1e-6 && abs(quantile.greatest - ranks) < 1e-6)
    let wilson = Self.expectedCoverage("liquidation_probability", truth: 0.01, paths: 1000, truthPaths: Int.max)
    #expect(abs(wilson.least - IntervalCoverage.exactWilsonCoverage(trials: 1000, p: 0.01)) < 1e-6)
  }
}
