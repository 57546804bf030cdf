extension Philox4x32 {
  /// The counters of four Philox blocks, one per lane, word by word.
  typealias Lanes = SIMD4<UInt32>

  /// Four Philox blocks at once, one per lane of the counter words `c0 ... c3`:
  /// lane i of the result is `block((c0[i], c1[i], c2[i], c3[i]))`, bit for bit.
  /// The 32 x 32 -> 64-bit products are vector multiplies of the zero-extended
  /// words (`pmuludq` on any x86-64), so the code needs nothing beyond SSE2.
  /// On that baseline it is not cheaper than the scalar form: about 7
  /// instructions per lane and round (`pmuludq` makes two products and the
  /// halves need shuffles) against about 4.7 scalar (a 64-bit `imul` makes a
  /// whole product); AVX2's 4-product `vpmuludq` would halve the vector cost
  /// (bench/README.md, "The block kernel").
  /// - Complexity: ten rounds of four vector multiplies, for four blocks.
  @inline(__always)
  func block(_ c0: Lanes, _ c1: Lanes, _ c2: Lanes, _ c3: Lanes) -> (Lanes, Lanes, Lanes, Lanes) {
    var c = (c0, c1, c2, c3)
    var k0 = key.0
    var k1 = key.1
    let m0 = SIMD4<UInt64>(repeating: 0xD251_1F53)
    let m1 = SIMD4<UInt64>(repeating: 0xCD9E_8D57)
    for round in 0..<10 {
      if round > 0 {
        k0 &+= 0x9E37_79B9
        k1 &+= 0xBB67_AE85
      }
      let p0 = m0 &* SIMD4<UInt64>(truncatingIfNeeded: c.0)
      let p1 = m1 &* SIMD4<UInt64>(truncatingIfNeeded: c.2)
      c = (
        Lanes(truncatingIfNeeded: p1 &>> 32) ^ c.1 ^ Lanes(repeating: k0),
        Lanes(truncatingIfNeeded: p1),
        Lanes(truncatingIfNeeded: p0 &>> 32) ^ c.3 ^ Lanes(repeating: k1),
        Lanes(truncatingIfNeeded: p0)
      )
    }
    return c
  }
}
