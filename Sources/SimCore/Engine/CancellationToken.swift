import Synchronization

/// Stops a run from another thread (Ctrl-C, a timeout); checked before each
/// path and, inside a path, once per block of `epochsPerCheck` epochs.
public final class CancellationToken: Sendable {
  /// Epochs between two checks inside a path: a few ms of a coupled path (about
  /// 14 µs an epoch), a few µs of a parametric one; one relaxed load per block.
  public static let epochsPerCheck = 256

  private let flag = Atomic<Bool>(false)
  public init() {}
  public func cancel() { flag.store(true, ordering: .relaxed) }
  public func reset() { flag.store(false, ordering: .relaxed) }
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
