import Foundation

/// How a run is executed; none of these change its numbers.
public struct RunOptions: Sendable {
  /// Worker threads (default: all cores).
  public var threads: Int
  /// Paths per block: the unit of work and of the cancellation check.
  public var blockSize: Int
  public var cancellation: CancellationToken?
  /// Keep per-epoch ROI quantile bands (for fan charts) over the first
  /// `bandPaths` paths; 0 keeps none.
  public var bandPaths: Int = 0
  /// Called after each finished block with (paths done, paths in all), from any thread.
  public var progress: (@Sendable (Int, Int) -> Void)?

  /// The number of cores this process may use.
  public static var allCores: Int { ProcessInfo.processInfo.activeProcessorCount }

  public init(
    threads: Int? = nil, blockSize: Int = 256,
    cancellation: CancellationToken? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) {
    self.threads = max(1, threads ?? Self.allCores)
    self.blockSize = max(1, blockSize)
    self.cancellation = cancellation
    self.progress = progress
  }
}
