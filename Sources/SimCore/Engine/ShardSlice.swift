/// One slice of a run's paths: shard `index` (1-based) of `count`. The paths
/// are split into `count` contiguous ranges whose sizes differ by at most one,
/// so that path p is path p whichever shard runs it (docs/SHARDS.md).
public struct ShardSlice: Sendable, Equatable {
  /// 1 ... `count`.
  public let index: Int
  /// How many slices the run is split into, at least 1.
  public let count: Int

  /// A slice; nil unless 1 <= `index` <= `count`.
  public init?(index: Int, count: Int) {
    guard count >= 1, (1...count).contains(index) else { return nil }
    self.index = index
    self.count = count
  }

  /// Reads `K/N` (e.g. `3/8`); nil for anything else or an index outside 1 ... N.
  public init?(parsing text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else { return nil }
    self.init(index: k, count: n)
  }

  /// `K/N`.
  public var text: String { "\(index)/\(count)" }

  /// The paths of this slice in a run of `total` paths.
  /// - Complexity: O(1).
  public func paths(of total: Int) -> Range<Int> {
    bound(total, index - 1)..<bound(total, index)
  }

  /// floor(`total` × `k` / `count`), without overflow.
  private func bound(_ total: Int, _ k: Int) -> Int {
    count.dividingFullWidth(total.multipliedFullWidth(by: k)).quotient
  }
}
