/// Content hashes for provenance.
public enum ContentHash {
  /// FNV-1a 64-bit of the UTF-8 bytes, as 16 hex digits. Identifies a config's
  /// content (not a security digest).
  public static func fnv1a(_ text: String) -> String {
    var text = text
    return text.withUTF8 { fnv1a(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// FNV-1a 64-bit of `bytes`, as 16 hex digits (shard payloads: docs/SHARDS.md).
  /// - Complexity: O(n), one multiply per byte.
  public static func fnv1a(bytes: UnsafeRawBufferPointer) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01B3
    }
    return String(h, radix: 16).leftPadded(to: 16)
  }
}
