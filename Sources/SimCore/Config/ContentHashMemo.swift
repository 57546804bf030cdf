import Synchronization

/// The `ContentHash` of a config tree's canonical JSON, computed on first use
/// and then shared by every copy of the value that holds it: a scenario derived
/// by a sweep hashes its tree only if something reads the hash (a rendered
/// provenance), not on every `with`.
/// - Complexity: O(size of the tree) once, then O(1).
public final class ContentHashMemo: Sendable {
  private let source: ConfigValue?
  private let hash: Mutex<String?>

  /// The hash of `source`, computed when first read.
  public init(of source: ConfigValue) {
    self.source = source
    hash = Mutex(nil)
  }

  /// A hash known already (a provenance given its hash).
  public init(fixed: String) {
    source = nil
    hash = Mutex(fixed)
  }

  /// FNV-1a of the canonical JSON of the tree, as 16 hex digits.
  public var value: String {
    hash.withLock { memo in
      if let memo { return memo }
      let h = ContentHash.fnv1a(source.map(JSONText.canonical) ?? "")
      memo = h
      return h
    }
  }
}
