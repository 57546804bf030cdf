/// The Philox4x32-10 counter-based generator (Salmon et al., SC'11).
///
/// Every output block is a pure function of a 128-bit counter and a 64-bit key,
/// so any random number in a run can be addressed directly by
/// (seed, path, epoch, draw block, stream) with no state carried between them.
@frozen
public struct Philox4x32: Sendable {
  public var key: (UInt32, UInt32)

  /// Creates a generator keyed by a 64-bit seed: (low 32 bits, high 32 bits).
  @inlinable
  public init(seed: UInt64) {
    key = (UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
  }

  @inlinable
  public init(key: (UInt32, UInt32)) { self.key = key }

  /// Returns the four 32-bit words for `counter`.
  /// - Complexity: O(1): ten rounds of two 32x32 multiplies.
  @inlinable
  public func block(_ counter: (UInt32, UInt32, UInt32, UInt32)) -> (UInt32, UInt32, UInt32, UInt32) {
    var c = counter
    var k0 = key.0
    var k1 = key.1
    for round in 0..<10 {
      if round > 0 {
        k0 &+= 0x9E37_79B9
        k1 &+= 0xBB67_AE85
      }
      let p0 = UInt64(0xD251_1F53) &* UInt64(c.0)
      let p1 = UInt64(0xCD9E_8D57) &* UInt64(c.2)
      c = (
        UInt32(truncatingIfNeeded: p1 >> 32) ^ c.1 ^ k0,
        UInt32(truncatingIfNeeded: p1),
        UInt32(truncatingIfNeeded: p0 >> 32) ^ c.3 ^ k1,
        UInt32(truncatingIfNeeded: p0)
      )
    }
    return c
  }
}
