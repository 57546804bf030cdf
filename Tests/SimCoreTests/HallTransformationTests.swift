import Foundation
import Testing

@testable import SimCore

/// Hall's (1992) skewness-removing transformation g(t) = t + a t² + a² t³ / 3 + a / 2,
/// its closed-form inverse and the interval it gives (docs/INTERVALS.md).
@Suite struct HallTransformationInverse {
  /// a over the whole range a sample can give (|γ̂| < √n, so |a| < 1/3), including the
  /// points where the cube root's argument 1 + 3a(x - a/2) crosses 0 for x = ±z.
  static let slopes: [Double] = [-1 / 3, -0.2, -0.05, -1e-6, 1e-12, 1e-6, 0.01, 0.1, 0.164, 0.2, 0.3, 1 / 3]

  @Test(arguments: slopes)
  func inverseUndoesTheTransformation(a: Double) {
    let g = HallTransformation(skewness: 3 * a * 100, count: 10_000)
    #expect(abs(g.a - a) <= 1e-15 * abs(a))
    for i in -80...80 {
      let x = Double(i) / 10
      #expect(abs(g(g.inverse(x)) - x) <= 1e-13 * max(1, abs(x)), "a = \(a), x = \(x)")
    }
  }

  @Test(arguments: [-0.3, -0.1, 0.05, 0.1, 0.3])
  func stableInverseEqualsTheCubeRootFormula(a: Double) {
    let g = HallTransformation(skewness: 3 * a * 10, count: 100)
    for x in [-3.0, -1.959963984540054, -0.5, 0, 0.7, 1.959963984540054, 3] {
      let direct = (cbrt(1 + 3 * g.a * (x - g.a / 2)) - 1) / g.a
      #expect(abs(g.inverse(x) - direct) <= 1e-13 * max(1, abs(direct)), "a = \(a), x = \(x)")
    }
  }

  /// To first order in a, g⁻¹(x) = x - a(x² + 1/2): the Edgeworth correction
  /// (γ / 6√n)(2x² + 1) of the studentized mean. The a² term is below 15 a² for |x| <= z
  /// (14.5 at x = ±z, by mpmath). At a = 1e-9 the stable form keeps the correction to
  /// a few ulps, where the textbook form (∛(1 + 3a y) - 1) / a is off by about 1e-7.
  @Test func smallSkewnessGivesTheEdgeworthCorrection() {
    for a in [1e-9, 1e-6] {
      let g = HallTransformation(skewness: 3 * a * 100, count: 10_000)
      for x in [-1.959963984540054, 0.3, 1.959963984540054] {
        let firstOrder = x - g.a * (x * x + 0.5)
        #expect(abs(g.inverse(x) - firstOrder) <= 15 * g.a * g.a + 1e-15, "a = \(a), x = \(x)")
      }
    }
  }

  @Test func zeroSkewnessGivesTheNormalInterval() throws {
    let level = try #require(ConfidenceLevel(0.9))
    for c in [ConfidenceLevel.standard, level] {
      let g = HallTransformation(skewness: 0, count: 2000)
      #expect(g.a == 0 && g.inverse(c.z) == c.z && g.inverse(-c.z) == -c.z)
      let ci = g.interval(estimate: 12.5, standardError: 0.75, c)
      #expect(ci == Interval(lower: 12.5 - 0.75 * c.z, upper: 12.5 + 0.75 * c.z))
      #expect(ci == MeanEstimate(count: 4, mean: 12.5, standardDeviation: 1.5).interval(c))
    }
    // A skewness the sample cannot state leaves the interval normal too.
    #expect(HallTransformation(skewness: .nan, count: 2000).a == 0)
    #expect(HallTransformation(skewness: 2, count: 0).a == 0)
    #expect(HallTransformation(skewness: 1, count: 10).interval(estimate: 1, standardError: .infinity) == .unbounded)
  }

  /// Right skew (a > 0) moves the interval up: the lower side is shorter than z · s.e.
  /// and the upper side longer, and the estimate stays inside. Left skew mirrors it.
  @Test(arguments: slopes)
  func skewMovesTheIntervalTowardsTheLongTail(a: Double) {
    let g = HallTransformation(skewness: 3 * a * 100, count: 10_000)
    let z = ConfidenceLevel.standard.z
    let ci = g.interval(estimate: 10, standardError: 1)
    #expect(ci.lower < 10 && 10 < ci.upper, "a = \(a): \(ci)")
    if a > 0 {
      #expect(10 - ci.lower < z && ci.upper - 10 > z, "a = \(a): \(ci)")
    } else {
      #expect(10 - ci.lower > z && ci.upper - 10 < z, "a = \(a): \(ci)")
    }
    let mirrored = HallTransformation(skewness: -3 * a * 100, count: 10_000).interval(estimate: 10, standardError: 1)
    #expect(
      abs((10 - mirrored.lower) - (ci.upper - 10)) <= 1e-13 && abs((mirrored.upper - 10) - (10 - ci.lower)) <= 1e-13)
  }
}
