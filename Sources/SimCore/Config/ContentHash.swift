/// Content hashes for provenance.
public enum ContentHash {
  /// FNV-1a 64-bit of the UTF-8 bytes, as 16 hex digits. Identifies a config's
  /// content (not a security digest).
  public static func fnv1a(_ text: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in text.utf8 {
      h ^= UInt64(b)
      h = h &* 0x0000_0100_0000_01B3
    }
    return String(h, radix: 16).leftPadded(to: 16)
  }
}
