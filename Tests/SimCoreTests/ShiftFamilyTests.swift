import Foundation
import Testing

@testable import SimCore

/// The low-dimensional tilt family of the cross-entropy pilot (`ShiftFamily`):
/// its fit recovers a shift linear in time over 0...τ from noisy weighted normals.
@Suite struct ShiftFamilyTests {
  /// Standard normals from a fixed linear congruential generator (Box–Muller).
  struct Normals {
    var state: UInt64
    mutating func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let u1 = (Double(state >> 11) + 0.5) / 9_007_199_254_740_992
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      let u2 = Double(state >> 11) / 9_007_199_254_740_992
      return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
  }

  /// n paths of 40 epochs: asset normals shifted by m + b(t - τ/2) on 0...τ (τ = 24),
  /// volatility normals unshifted; weights 1 or 2 (Kish's ESS 8n/9). The shift at τ
  /// (-0.28) is many standard errors (1/√ESS per epoch) from 0, so τ is found exactly;
  /// the level and slope lie within 4 standard errors of the truth, and the
  /// unshifted volatility gets no shift.
  @Test(arguments: [400, 2_000])
  func theFitRecoversALinearShiftAndItsWindow(paths n: Int) {
    let epochs = 40
    let tau = 24
    let (m, b) = (-0.4, 0.01)
    var g = Normals(state: 11)
    var rows: [(w: Double, asset: [Double], volatility: [Double])] = []
    for i in 0..<n {
      let asset = (0..<epochs).map { t in g.next() + (t <= tau ? m + b * (Double(t) - Double(tau) / 2) : 0) }
      let volatility = (0..<epochs).map { _ in g.next() }
      rows.append((i % 3 == 0 ? 2 : 1, asset, volatility))
    }
    var means = ShiftFamily.EpochMeans(epochs: epochs)
    for r in rows { means.add(weight: r.w, asset: r.asset, volatility: r.volatility) }
    #expect(means.end == tau)
    var moments = ShiftFamily.Moments(end: means.end)
    for r in rows { moments.add(weight: r.w, asset: r.asset, volatility: r.volatility) }
    let (a, v) = moments.shifts(epochs: epochs)
    #expect(a.lastIndex { $0 != 0 } == tau)
    #expect(v.allSatisfy { $0 == 0 })
    let ess = 8 * Double(n) / 9
    let window = Double(tau + 1)
    let level = a[0...tau].reduce(0, +) / window
    #expect(abs(level - m) < 4 / (ess * window).squareRoot(), "level \(level)")
    let slope = (a[tau] - a[0]) / Double(tau)
    let seSlope = (12 / (ess * window * (window * window - 1))).squareRoot()
    #expect(abs(slope - b) < 4 * seSlope, "slope \(slope)")
  }
}
