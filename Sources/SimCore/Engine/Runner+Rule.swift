import Dispatch

extension Runner {
  /// Runs `scenario` with a per-epoch `rule` (docs/MODEL.md, "Per-epoch rules"):
  /// every path in path order on the calling thread, so a rule that keeps
  /// state, or calls back into a single-threaded host such as Lua, sees the
  /// same sequence of states on every run. With `NoRule` the numbers are those
  /// of `run(_:options:)` for any thread count.
  ///
  /// Throws `RunError` (over budget, cancelled) or the rule's own error, which
  /// ends the run with nothing kept.
  /// - Complexity: O(paths × epochs) on one thread, plus the rule's cost per path-epoch.
  public static func run<Rule: EpochRule>(
    _ scenario: Scenario, rule: inout Rule, options: RunOptions = RunOptions()
  ) throws -> RunResult {
    try RunBudget.check(scenario, options: options)
    let start = DispatchTime.now().uptimeNanoseconds
    let kernels = Kernels(scenario: scenario)
    var batch = PathBatch(kernels: kernels, bandPaths: kernels.bandPaths(options, paths: scenario.paths))
    let epochs = kernels.epochs
    let stride = kernels.routingStride
    var worker = kernels.worker(cancellation: options.cancellation)
    batch.records.reserveCapacity(scenario.paths)
    batch.bandValues = [Float](repeating: 0, count: batch.bandPaths * epochs)
    batch.routingValues = [Double](repeating: 0, count: scenario.paths * stride)
    for path in 0..<scenario.paths {
      if options.cancellation?.isCancelled == true { throw RunError.cancelled }
      let record =
        try path < batch.bandPaths
        ? batch.bandValues.withUnsafeMutableBufferPointer { all throws(Rule.Failure) in
          let row = UnsafeMutableBufferPointer(rebasing: all[(path * epochs)..<((path + 1) * epochs)])
          return try worker.simulate(path: path, band: row, rule: &rule)
        }
        : worker.simulate(path: path, band: nil, rule: &rule)
      batch.records.append(record)
      if stride > 0 {
        batch.routingValues.withUnsafeMutableBufferPointer { all in
          worker.writeRouting(into: UnsafeMutableBufferPointer(rebasing: all[(path * stride)..<((path + 1) * stride)]))
        }
      }
      if (path + 1) % options.blockSize == 0 || path + 1 == scenario.paths {
        options.progress?(path + 1, scenario.paths)
      }
    }
    if options.cancellation?.isCancelled == true { throw RunError.cancelled }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return batch.result(scenario: scenario, elapsedSeconds: elapsed, threads: 1)
  }
}
