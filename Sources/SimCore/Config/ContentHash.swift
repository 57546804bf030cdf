/// Content hashes for provenance.
public enum ContentHash {
  /// FNV-1a 64-bit of the UTF-8 bytes, as 16 hex digits. Identifies a config's
  /// content (not a security digest).
  public static func fnv1a(_ text: String) -> String {
    var text = text
    return text.withUTF8 { fnv1a(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// FNV-1a 64-bit of `bytes`, as 16 hex digits.
  /// - Complexity: O(n), one multiply per byte.
  public static func fnv1a(bytes: UnsafeRawBufferPointer) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01B3
    }
    return String(h, radix: 16).leftPadded(to: 16)
  }

  /// The check of a shard's payload (docs/SHARDS.md), as 16 hex digits:
  /// FNV-1a 64-bit over `bytes` read as little-endian 64-bit words (then any
  /// trailing bytes one by one), each step followed by `h ^= h >> 32`. The
  /// fold carries high bits down (plain FNV-1a over words keeps a change of a
  /// word's top bit in the top bit, so two such changes cancel); every step
  /// is a bijection of the state, so a change to any one word always changes
  /// the hash.
  /// - Complexity: O(n), one multiply per 8 bytes (a byte-wise hash is 8 times slower).
  public static func words(bytes: UnsafeRawBufferPointer) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    func step(_ x: UInt64) {
      h ^= x
      h = h &* 0x0000_0100_0000_01B3
      h ^= h >> 32
    }
    let count = bytes.count / 8
    for i in 0..<count { step(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))) }
    for b in bytes[(8 * count)...] { step(UInt64(b)) }
    return String(h, radix: 16).leftPadded(to: 16)
  }
}
