import Dispatch

extension Runner {
  /// Runs the paths `range` of `scenario` alone: each path's numbers are
  /// those of the whole run (they depend only on seed and path), so slices
  /// run anywhere join into the whole run (`RunSlice.result`). Progress counts
  /// from 0 to `range.count`. A slice whose arrays would exceed
  /// `options.memoryBudget` is refused first (`RunBudget`).
  /// - Precondition: `range` lies within 0..<`scenario.paths`.
  /// - Complexity: O(`range.count` × epochs) work spread over `options.threads` threads.
  public static func run(
    _ scenario: Scenario, paths range: Range<Int>, options: RunOptions = RunOptions()
  ) throws(RunError) -> RunSlice {
    precondition(range.lowerBound >= 0 && range.upperBound <= scenario.paths, "a slice lies within the run")
    try RunBudget.check(scenario, paths: range.count, options: options)
    var options = options
    options.bandPaths = 0
    if let progress = options.progress {
      let first = range.lowerBound
      options.progress = { done, _ in progress(done - first, range.count) }
    }
    let kernels = Kernels(scenario: scenario)
    var batch = PathBatch(kernels: kernels, bandPaths: 0)
    _ = try simulate(kernels, paths: range, total: range.count, into: &batch, options: options)
    return RunSlice(
      first: range.lowerBound, records: batch.records, routingValues: batch.routingValues,
      routingStride: kernels.routingStride)
  }
}
