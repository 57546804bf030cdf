import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

@Suite struct OrderStatisticIntervals {
  /// The classic median interval for n = 100: X_(40) to X_(61), coverage from SciPy.
  @Test func medianOfOneHundredUsesRanksFortyAndSixtyOne() {
    let r = OrderStatisticInterval(count: 100, quantile: 0.5)
    #expect(r.lowerRank == 40 && r.upperRank == 61)
    #expect(abs(r.coverage - 0.9647997997822952) < 1e-13)
    let values = (1...100).map(Double.init)
    #expect(OrderStatisticInterval.interval(sorted: values, quantile: 0.5) == Interval(lower: 40, upper: 61))
  }

  @Test func smallSamplesLeaveASideUnbounded() {
    let five = OrderStatisticInterval(count: 5, quantile: 0.5)  // 1/32 > 2.5% in each tail
    #expect(five.lowerRank == nil && five.upperRank == nil && five.coverage == 1)
    let six = OrderStatisticInterval(count: 6, quantile: 0.5)
    #expect(six.lowerRank == 1 && six.upperRank == 6 && abs(six.coverage - 62.0 / 64) < 1e-15)
    // A lower bound on the 1% quantile needs 0.99^n <= 0.025: n >= 368.
    #expect(OrderStatisticInterval(count: 367, quantile: 0.01).lowerRank == nil)
    #expect(OrderStatisticInterval(count: 368, quantile: 0.01).lowerRank == 1)
    let ci = OrderStatisticInterval.interval(sorted: [1, 2, 3], quantile: 0.5)
    #expect(ci == .unbounded && !ci.isBounded)
  }

  /// Exact tails against the binomial coefficients summed directly.
  @Test(arguments: [(40, 0.3), (60, 0.05), (25, 0.95)])
  func binomialTailsMatchDirectSums(n: Int, q: Double) {
    let law = BinomialTails(n: n, q: q)
    var pmf = [Double](repeating: 0, count: n + 1)
    var choose = 1.0
    for k in 0...n {
      pmf[k] = choose * pow(q, k) * pow(1 - q, n - k)
      choose = choose * Double(n - k) / Double(k + 1)
    }
    var cdf = 0.0
    for k in 0...n {
      cdf += pmf[k]
      #expect(abs(law.cdf(k) - cdf) <= 1e-13, "cdf(\(k))")
      let survival = pmf[k...].reduce(0, +)
      // Beyond 1e-40 of the mode's mass the law is truncated: an absolute 1e-35 allows for it.
      #expect(abs(law.survival(k) - survival) <= 1e-13 * survival + 1e-35, "survival(\(k))")
    }
  }

  /// The ranks are the tightest equal-tailed pair: each miss is at most (1 - c)/2, and
  /// moving either rank inward would exceed it.
  @Test(arguments: [(1000, 0.05), (4000, 0.95), (1_000_000, 0.01), (200, 0.5), (10_000, 0.999)])
  func ranksAreTheTightestEqualTailedPair(n: Int, q: Double) throws {
    let r = OrderStatisticInterval(count: n, quantile: q)
    let law = BinomialTails(n: n, q: q)
    let l = try #require(r.lowerRank)
    let u = try #require(r.upperRank)
    #expect(law.cdf(l - 1) <= 0.025 && law.cdf(l) > 0.025)
    #expect(law.survival(u) <= 0.025 && law.survival(u - 1) > 0.025)
    #expect(r.coverage >= 0.95 && l < u)
  }

  private func pow(_ x: Double, _ k: Int) -> Double {
    var r = 1.0
    for _ in 0..<k { r *= x }
    return r
  }
}

@Suite struct TailRiskEstimates {
  let oneToThousand = (1...1000).map(Double.init)

  @Test(arguments: [(0.95, 950.0, 975.5), (0.99, 990, 995.5), (0.999, 999, 1000)])
  func integerTailsAreTheMeanBeyondVaR(level: Double, valueAtRisk: Double, shortfall: Double) {
    let t = TailRisk(sortedLosses: oneToThousand, level: level)
    #expect(t.valueAtRisk == valueAtRisk && abs(t.expectedShortfall - shortfall) < 1e-12)
  }

  @Test func fractionalAtomEntersWithItsWeight() {
    // n = 30, α = 0.95: nα = 28.5, VaR = L_(29), ES = (0.5·29 + 30) / 1.5.
    let t = TailRisk(sortedLosses: (1...30).map(Double.init), level: 0.95)
    #expect(t.rank == 29 && t.valueAtRisk == 29 && abs(t.expectedShortfall - 44.5 / 1.5) < 1e-13)
  }

  /// ES equals (1/(1-α)) ∫_α^1 F_n⁻¹(u) du, integrated piece by piece.
  @Test(arguments: [0.95, 0.99, 0.999, 0.937])
  func shortfallIsTheIntegralOfTheEmpiricalQuantile(level: Double) {
    let losses = (0..<777).map { Double(($0 * 7919) % 1009) - 300 }.sorted()
    let n = Double(losses.count)
    var integral = 0.0
    for (i, x) in losses.enumerated() {
      let from = max(level, Double(i) / n)
      let to = Double(i + 1) / n
      if to > from { integral += x * (to - from) }
    }
    let t = TailRisk(sortedLosses: losses, level: level)
    #expect(abs(t.expectedShortfall - integral / (1 - level)) <= 1e-12 * abs(t.expectedShortfall))
    #expect(t.expectedShortfall >= t.valueAtRisk)
  }

  @Test func standardErrorIsTheTailMeanDeltaMethod() {
    // Tail 950 ... 1000: 51 values, sample variance 51·52/12 = 221; ES - VaR = 25.5.
    let t = TailRisk(sortedLosses: oneToThousand, level: 0.95)
    let se = ((221 + 0.95 * 25.5 * 25.5) / (1000 * 0.05)).squareRoot()
    #expect(abs(t.expectedShortfallStandardError - se) <= 1e-12 * se)
    let tiny = TailRisk(sortedLosses: [1, 2, 3], level: 0.999)
    #expect(tiny.expectedShortfall == 3 && tiny.expectedShortfallInterval() == .unbounded)
  }

  /// ES is the mean of the n influence values ψ_i = VaR + (L_i - VaR)_+ / (1 - α), and
  /// `influenceSkewness` is their sample skewness, both computed here over all n values
  /// (n = 777: nα fractional, the VaR atom weighted).
  @Test(arguments: [0.95, 0.99, 0.937])
  func shortfallIsTheMeanOfTheInfluenceValuesAndTheSkewnessIsTheirs(level: Double) {
    let losses = (0..<777).map { exp(Double(($0 * 7919) % 1009) / 200) }.sorted()
    let t = TailRisk(sortedLosses: losses, level: level)
    let psi: [Double] = losses.map { t.valueAtRisk + max(0, $0 - t.valueAtRisk) / (1 - level) }
    let n = Double(psi.count)
    let mean: Double = psi.reduce(0, +) / n
    #expect(abs(t.expectedShortfall - mean) <= 1e-12 * mean)
    var m2 = 0.0
    var m3 = 0.0
    for x in psi {
      let d = x - mean
      m2 += d * d / n
      m3 += d * d * d / n
    }
    let skewness = m3 / (m2 * m2.squareRoot())
    #expect(skewness > 1)
    #expect(abs(t.influenceSkewness - skewness) <= 1e-9 * skewness, "\(t.influenceSkewness) vs \(skewness)")
    // The Manistre-Hancock variance is Var(ψ)/n to first order: here within 1 + 2/m.
    let ratio = t.expectedShortfallStandardError / (m2 / n).squareRoot()
    #expect(abs(ratio - 1) <= 2 / (n * (1 - level)), "\(ratio)")
  }

  /// The interval is Hall's with a = γ̂/(3√n) around the tail-mean standard error, so
  /// it is longer above ES than below for a right-skewed tail; equal losses give the
  /// single point (standard error 0, skewness 0).
  @Test func intervalIsHallsAroundTheTailMeanStandardError() {
    let t = TailRisk(sortedLosses: oneToThousand, level: 0.95)
    let ci = t.expectedShortfallInterval()
    let hall = HallTransformation(skewness: t.influenceSkewness, count: 1000)
    let se = t.expectedShortfallStandardError
    let z = ConfidenceLevel.standard.z
    let es = t.expectedShortfall
    #expect(ci == Interval(lower: es - se * hall.inverse(z), upper: es - se * hall.inverse(-z)))
    #expect(t.influenceSkewness > 0 && ci.upper - t.expectedShortfall > t.expectedShortfall - ci.lower)
    let flat = TailRisk(
      sortedLosses: [Double](repeating: 0, count: 989) + [Double](repeating: 7, count: 11), level: 0.99)
    #expect(
      flat.expectedShortfall == 7 && flat.influenceSkewness == 0
        && flat.expectedShortfallInterval() == Interval(lower: 7, upper: 7))
  }
}
