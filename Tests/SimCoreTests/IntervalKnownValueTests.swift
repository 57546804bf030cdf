import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

@Suite struct StandardNormalQuantile {
  @Test(
    arguments: [
      (0.95, 1.959963984540054), (0.99, 2.5758293035489004), (0.9, 1.6448536269514722),
    ])
  func twoSidedCriticalValuesMatchTables(confidence: Double, z: Double) throws {
    let level = try #require(ConfidenceLevel(confidence))
    #expect(abs(level.z - z) <= 4e-15)
  }

  /// Reference values from SciPy's `norm.ppf` (Cephes `ndtri`).
  @Test(
    arguments: [
      (1e-300, -37.0470962993612), (1e-10, -6.361340902404056), (0.001, -3.090232306167813),
      (0.3, -0.5244005127080409), (0.975, 1.959963984540054), (0.5, 0),
    ])
  func quantileMatchesReference(p: Double, x: Double) {
    #expect(abs(StandardNormal.quantile(p) - x) <= 4e-15 * max(1, abs(x)))
  }

  @Test func quantileInvertsTheCDFAcrossTheRange() {
    var p = 1e-250
    while p < 0.5 {
      let x = StandardNormal.quantile(p)
      // The error in x that the CDF residual implies, (Φ(x) - p) / φ(x): a few ulps of x.
      let density = exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
      #expect(abs(StandardNormal.cdf(x) - p) / density <= 1e-14 * max(1, abs(x)), "p = \(p)")
      p *= 3.7
    }
  }

  @Test func levelsOutsideTheOpenUnitIntervalAreRejected() {
    #expect(ConfidenceLevel(0) == nil && ConfidenceLevel(1) == nil && ConfidenceLevel(.nan) == nil)
    #expect(StandardNormal.quantile(0) == -.infinity && StandardNormal.quantile(1) == .infinity)
  }
}

@Suite struct MeanIntervals {
  @Test func normalIntervalIsMeanPlusMinusZTimesStandardError() {
    let values = [2.0, 4, 4, 4, 5, 5, 7, 9]  // mean 5, sample variance 32/7
    let e = MeanEstimate(values: values)
    let se = (32.0 / 7 / 8).squareRoot()
    #expect(abs(e.mean - 5) < 1e-15 && abs(e.standardError - se) < 1e-15)
    let ci = e.interval()
    #expect(abs(ci.lower - (5 - 1.959963984540054 * se)) < 1e-14)
    #expect(abs(ci.upper - (5 + 1.959963984540054 * se)) < 1e-14)
    let fromSums = MeanEstimate(count: 8, sum: 40, sumOfSquares: values.reduce(0) { $0 + $1 * $1 })
    #expect(abs(fromSums.standardDeviation - e.standardDeviation) < 1e-14)
  }

  @Test func mergedMomentsEqualSequentialMoments() {
    let values = (0..<1000).map { Double($0 % 17) * 1.5 + 1e6 }
    var all = RunningMoments()
    var left = RunningMoments()
    var right = RunningMoments()
    for (i, v) in values.enumerated() {
      all.add(v)
      if i < 300 { left.add(v) } else { right.add(v) }
    }
    left.merge(right)
    #expect(left.count == all.count && abs(left.mean - all.mean) < 1e-9)
    #expect(abs(left.sumOfSquaredDeviations - all.sumOfSquaredDeviations) < 1e-9 * all.sumOfSquaredDeviations)
  }

  @Test func oneValueGivesAnUnboundedInterval() {
    #expect(MeanEstimate(values: [3]).interval() == .unbounded)
  }

  @Test func pathsToDecideIsWhereTheHalfWidthMeetsTheDistance() throws {
    let e = MeanEstimate(count: 100, mean: 0.2, standardDeviation: 0.5)
    let z = 1.959963984540054
    let n = try #require(e.pathsToDecide(threshold: 0.25))
    #expect(n == Int((z * z * 0.25 / 0.0025).rounded(.down)) + 1)
    #expect(z * 0.5 / Double(n).squareRoot() < 0.05 && z * 0.5 / Double(n - 1).squareRoot() >= 0.05)
    #expect(e.pathsToDecide(threshold: 0.2) == nil)
    // The generic 1/√n scaling rule gives the same figure from the interval alone.
    let generic = PathsToDecide.scaling(estimate: 0.2, interval: e.interval(), threshold: 0.25, paths: 100)
    #expect(generic.map { abs($0 - n) <= 1 } == true)
  }
}

@Suite struct WilsonIntervals {
  /// Newcombe (1998, Statistics in Medicine 17, table I, method 3) to four decimals;
  /// the full digits come from the closed form evaluated in Python.
  @Test(
    arguments: [
      (81, 263, 0.2552885198782742, 0.36620957698280004), (15, 148, 0.0623863995307363, 0.16048724172330803),
      (1, 29, 0.006113214292762653, 0.17175521879320288), (0, 20, 0, 0.16112515805281938),
      (3, 1_000_000, 1.0202712409681223e-06, 8.821149774312436e-06),
    ])
  func boundsMatchNewcombe(events: Int, trials: Int, lower: Double, upper: Double) {
    let ci = ProportionEstimate(events: events, trials: trials).wilsonInterval()
    #expect(abs(ci.lower - lower) <= 1e-12 * max(lower, 1e-300) || (lower == 0 && ci.lower == 0))
    #expect(abs(ci.upper - upper) <= 1e-12 * upper)
  }

  @Test func zeroEventsGiveZSquaredOverNPlusZSquared() {
    let n = 1_000_000
    let ci = ProportionEstimate(events: 0, trials: n).wilsonInterval()
    let z2 = 1.959963984540054 * 1.959963984540054
    #expect(ci.lower == 0 && abs(ci.upper - z2 / (Double(n) + z2)) <= 1e-15 * ci.upper)
    #expect(ci.upper > 3.84e-6 && ci.upper < 3.85e-6)  // not the rule of three's 3.0e-6: two-sided
    let all = ProportionEstimate(events: n, trials: n).wilsonInterval()
    #expect(all.upper == 1 && abs(all.lower - (1 - ci.upper)) < 1e-15)
  }

  @Test(arguments: [7, 50, 333])
  func mirroredCountsGiveMirroredIntervals(trials n: Int) {
    for k in 0...n {
      let a = ProportionEstimate(events: k, trials: n).wilsonInterval()
      let b = ProportionEstimate(events: n - k, trials: n).wilsonInterval()
      #expect(abs(a.lower - (1 - b.upper)) < 1e-14 && abs(a.upper - (1 - b.lower)) < 1e-14)
    }
  }

  /// The interval is the score test's acceptance set, the fact `pathsToDecide` inverts.
  @Test func intervalContainsExactlyTheUnrejectedProportions() {
    let z = ConfidenceLevel.standard.z
    for (k, n) in [(0, 40), (3, 40), (12, 100), (10, 1000)] {
      let ci = ProportionEstimate(events: k, trials: n).wilsonInterval()
      let p = Double(k) / Double(n)
      for t in stride(from: 0.0005, to: 0.6, by: 0.0011) {
        let accepted = Double(n) * (p - t) * (p - t) <= z * z * t * (1 - t)
        let margin = abs(Double(n) * (p - t) * (p - t) - z * z * t * (1 - t))
        if margin > 1e-9 { #expect(ci.contains(t) == accepted, "k \(k) n \(n) t \(t)") }
      }
    }
  }

  @Test func pathsToDecideInvertsTheScoreTest() throws {
    let z = ConfidenceLevel.standard.z
    // p̂ = 0.0107 against the 1% gate (the leverage-2 figure of issue 10).
    let n = try #require(ProportionEstimate(events: 107, trials: 10_000).pathsToDecide(threshold: 0.01))
    let bound = z * z * 0.01 * 0.99 / (0.0007 * 0.0007)
    #expect(Double(n) > bound && Double(n - 1) <= bound)
    #expect(ProportionEstimate(events: 1, trials: 100).pathsToDecide(threshold: 0.01) == nil)
    #expect(ProportionEstimate(events: 1, trials: 100).pathsToDecide(threshold: 0) == 1)
  }
}
