import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

@Suite struct PhiloxLanesMatchScalar {
  @Test(arguments: [0 as UInt64, 138, 0xffff_ffff_ffff_ffff, 0x299f_31d0_a409_3822])
  func fourLanesAreFourScalarBlocks(seed: UInt64) {
    let philox = Philox4x32(seed: seed)
    var x: UInt32 = 0x9E37_79B9 ^ UInt32(truncatingIfNeeded: seed)
    func word() -> UInt32 {
      x ^= x << 13
      x ^= x >> 17
      x ^= x << 5
      return x
    }
    for _ in 0..<200 {
      var c: [Philox4x32.Lanes] = []
      for _ in 0..<4 { c.append(Philox4x32.Lanes(word(), word(), word(), 0xffff_ffff)) }
      let v = philox.block(c[0], c[1], c[2], c[3])
      for i in 0..<4 {
        let w = philox.block((c[0][i], c[1][i], c[2][i], c[3][i]))
        #expect(v.0[i] == w.0 && v.1[i] == w.1 && v.2[i] == w.2 && v.3[i] == w.3)
      }
    }
  }
}
