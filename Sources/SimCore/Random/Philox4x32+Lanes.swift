extension Philox4x32 {
  /// The counters of four Philox blocks, one per lane, word by word.
  typealias Lanes = SIMD4<UInt32>

  /// Four Philox blocks at once, one per lane of the counter words `c0 ... c3`:
  /// lane i of the result is `block((c0[i], c1[i], c2[i], c3[i]))`, bit for bit.
  /// The 32 x 32 -> 64-bit products are vector multiplies of the zero-extended
  /// words (`pmuludq` on any x86-64), so the code needs nothing beyond SSE2.
  /// On that baseline it is only a little cheaper than the scalar form:
  /// `pmuludq` makes two products and the halves need shuffles, where a scalar
  /// 64-bit `imul` makes a whole product. With the rounds written out (so a
  /// caller's loop hoists the key vectors) the block kernel's words cost about
  /// 74 instructions per lane-epoch against about 90 scalar (130 with a round
  /// loop); AVX2's 4-product `vpmuludq` would halve the vector cost
  /// (bench/README.md, "The block kernel").
  /// - Complexity: ten rounds of four vector multiplies, for four blocks.
  @inline(__always)
  func block(_ c0: Lanes, _ c1: Lanes, _ c2: Lanes, _ c3: Lanes) -> (Lanes, Lanes, Lanes, Lanes) {
    var c = (c0, c1, c2, c3)
    let m0 = SIMD4<UInt64>(repeating: 0xD251_1F53)
    let m1 = SIMD4<UInt64>(repeating: 0xCD9E_8D57)
    // Round r's keys are key + r × (the Weyl increments), as the scalar loop's running sums:
    // written out, the rounds unroll and a caller's loop can hoist the key vectors.
    @inline(__always)
    func round(_ r: UInt32) {
      let k0 = Lanes(repeating: key.0 &+ r &* 0x9E37_79B9)
      let k1 = Lanes(repeating: key.1 &+ r &* 0xBB67_AE85)
      let p0 = m0 &* SIMD4<UInt64>(truncatingIfNeeded: c.0)
      let p1 = m1 &* SIMD4<UInt64>(truncatingIfNeeded: c.2)
      c = (
        Lanes(truncatingIfNeeded: p1 &>> 32) ^ c.1 ^ k0,
        Lanes(truncatingIfNeeded: p1),
        Lanes(truncatingIfNeeded: p0 &>> 32) ^ c.3 ^ k1,
        Lanes(truncatingIfNeeded: p0)
      )
    }
    round(0)
    round(1)
    round(2)
    round(3)
    round(4)
    round(5)
    round(6)
    round(7)
    round(8)
    round(9)
    return c
  }
}
