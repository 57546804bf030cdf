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
  /// Keep the per-epoch state (`PathTrace`) of these paths (0-based indices,
  /// ascending, no repeats, each below the run's paths); empty keeps none.
  public var tracePaths: [Int] = []
  /// Bytes the arrays of one run may take (`RunBudget`): `--max-memory` when
  /// given, else `defaultMemoryBudget`. A run that would need more is refused
  /// before it allocates.
  public var memoryBudget: Int = RunOptions.defaultMemoryBudget
  /// Called after each finished block with (paths done, paths in all), from any thread.
  public var progress: (@Sendable (Int, Int) -> Void)?

  /// Half the machine's physical memory: the peak of a run is about twice
  /// what `RunBudget` counts (the batch copy, the scorecard's sorted columns).
  public static var defaultMemoryBudget: Int {
    Int(clamping: ProcessInfo.processInfo.physicalMemory / 2)
  }

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
