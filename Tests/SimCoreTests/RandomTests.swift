import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

@Suite struct PhiloxKnownAnswers {
  /// Random123's kat_vectors for philox4x32 with 10 rounds.
  @Test(
    arguments: [
      ((0, 0, 0, 0), (0, 0), (0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8)),
      (
        (0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff), (0xffff_ffff, 0xffff_ffff),
        (0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd)
      ),
      (
        (0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344), (0xa409_3822, 0x299f_31d0),
        (0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1)
      ),
    ] as [((UInt32, UInt32, UInt32, UInt32), (UInt32, UInt32), (UInt32, UInt32, UInt32, UInt32))])
  func blockMatchesRandom123(
    counter: (UInt32, UInt32, UInt32, UInt32), key: (UInt32, UInt32), expected: (UInt32, UInt32, UInt32, UInt32)
  ) {
    let out = Philox4x32(key: key).block(counter)
    #expect(out.0 == expected.0 && out.1 == expected.1 && out.2 == expected.2 && out.3 == expected.3)
  }

  @Test func seedSplitsIntoLowAndHighKeyWords() {
    let g = Philox4x32(seed: 0x299f_31d0_a409_3822)
    #expect(g.key.0 == 0xa409_3822 && g.key.1 == 0x299f_31d0)
  }

  @Test func uniformsAreStrictlyInsideTheUnitInterval() {
    #expect(UniformSource.uniform(0) > 0)
    #expect(UniformSource.uniform(.max) < 1)
  }
}

@Suite struct ZigguratNormals {
  /// Draws n normals, each from its own address, as the kernel does.
  func draws(_ n: Int, seed: UInt64 = 11) -> [Double] {
    let zig = Ziggurat.standard
    let philox = Philox4x32(seed: seed)
    var out: [Double] = []
    out.reserveCapacity(n)
    for i in 0..<(n / 5) {
      var words = WordStream(philox, path: i, epoch: 1, stream: .overlay)
      for _ in 0..<5 { out.append(zig.normal(&words)) }
    }
    return out
  }

  @Test(arguments: [50_000, 500_000])
  func momentsMatchTheStandardNormal(samples n: Int) {
    let x = draws(n)
    let m = Double(x.count)
    let mean = x.reduce(0, +) / m
    let variance = x.reduce(0) { $0 + $1 * $1 } / m
    let skew = x.reduce(0) { $0 + $1 * $1 * $1 } / m
    let kurt = x.reduce(0) { $0 + $1 * $1 * $1 * $1 } / m
    #expect(abs(mean) < 5 / m.squareRoot())
    #expect(abs(variance - 1) < 5 * (2 / m).squareRoot())
    #expect(abs(skew) < 5 * (15 / m).squareRoot())
    #expect(abs(kurt - 3) < 5 * (96 / m).squareRoot())
  }

  /// Kolmogorov-Smirnov distance against the normal CDF; the 0.1% critical
  /// value is 1.95 / sqrt(n).
  @Test func distributionPassesKolmogorovSmirnov() {
    let x = draws(200_000).sorted()
    let n = Double(x.count)
    var d = 0.0
    for (i, v) in x.enumerated() {
      let cdf = 0.5 * erfc(-v / 2.0.squareRoot())
      d = max(d, abs(cdf - Double(i) / n), abs(cdf - Double(i + 1) / n))
    }
    #expect(d < 1.95 / n.squareRoot())
  }

  /// The tail beyond the base layer (|z| > 3.4426) has probability 5.76e-4.
  @Test func tailBeyondTheBaseLayerHasTheNormalProbability() {
    let x = draws(1_000_000)
    let p = 2 * 0.5 * erfc(Ziggurat.r / 2.0.squareRoot())
    let n = Double(x.count)
    let observed = Double(x.filter { abs($0) > Ziggurat.r }.count) / n
    #expect(abs(observed - p) < 5 * (p * (1 - p) / n).squareRoot())
    #expect(x.contains { abs($0) > 4 })
  }

  @Test func drawsAreAPureFunctionOfTheirAddress() {
    func five(seed: UInt64, path: Int, epoch: Int, stream: RandomStream) -> [Double] {
      var words = WordStream(Philox4x32(seed: seed), path: path, epoch: epoch, stream: stream)
      return (0..<5).map { _ in Ziggurat.standard.normal(&words) }
    }
    let a = five(seed: 1, path: 5, epoch: 9, stream: .overlay)
    #expect(a == five(seed: 1, path: 5, epoch: 9, stream: .overlay))
    #expect(a != five(seed: 1, path: 5, epoch: 9, stream: .orderFlow))
    #expect(a != five(seed: 1, path: 5, epoch: 10, stream: .overlay))
    #expect(a != five(seed: 2, path: 5, epoch: 9, stream: .overlay))
  }

  @Test func wordsAreAddressedByBlock() {
    let philox = Philox4x32(seed: 3)
    var s = WordStream(philox, path: 2, epoch: 5, stream: .overlay)
    let first = (0..<8).map { _ in s.next() }
    let b0 = philox.block((2, 5, 0, 0))
    let b1 = philox.block((2, 5, 1, 0))
    #expect(first == [b0.0, b0.1, b0.2, b0.3, b1.0, b1.1, b1.2, b1.3])
  }
}
