import Dispatch

extension Runner {
  /// Runs `scenario` until every target of `spec` is met or `spec.maxPaths`
  /// paths are spent, adding paths in path order at the checkpoints of
  /// `PrecisionSpec.checkpoint(after:)` (the scenario's own `paths` is ignored).
  ///
  /// The result is the run of the scenario at the paths reached: the same
  /// scorecard, byte for byte, as a plain run with `paths` set to that count,
  /// with `precision` saying whether each target was met. `checkpoint` is
  /// called after each checkpoint with the targets' measures and the scorecard so
  /// far (for progress). A run whose arrays at `spec.maxPaths` would exceed
  /// `options.memoryBudget` is refused first (`RunBudget`).
  /// - Complexity: O(paths × epochs) simulation, plus a scorecard per checkpoint
  ///   (O(n log n) each; about ten times the last one's cost in all).
  public static func run(
    _ scenario: Scenario, precision spec: PrecisionSpec, options: RunOptions = RunOptions(),
    checkpoint: ((PrecisionReport, Scorecard) -> Void)? = nil
  ) throws(RunError) -> RunResult {
    try run(scenario, precision: spec, kernels: Kernels(scenario: scenario), options: options, checkpoint: checkpoint)
  }

  /// The precision run of `scenario` on compiled `kernels` (plain, or under an importance tilt).
  static func run(
    _ scenario: Scenario, precision spec: PrecisionSpec, kernels: Kernels, options: RunOptions,
    checkpoint: ((PrecisionReport, Scorecard) -> Void)?
  ) throws(RunError) -> RunResult {
    try RunBudget.check(scenario, paths: spec.maxPaths, options: options)
    let start = DispatchTime.now().uptimeNanoseconds
    var batch = PathBatch(kernels: kernels, bandPaths: kernels.bandPaths(options, paths: spec.maxPaths))
    var threads = 1
    var paths = 0
    while true {
      let next = spec.checkpoint(after: paths)
      threads = max(
        threads, try simulate(kernels, paths: paths..<next, total: spec.maxPaths, into: &batch, options: options))
      paths = next
      let run = scenario.withPaths(paths)
      let card = batch.scorecard(scenario: run)
      let report = PrecisionReport(spec: spec, card: card, policy: scenario.policy)
      checkpoint?(report, card)
      if report.met || paths >= spec.maxPaths {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var result = batch.result(scenario: run, elapsedSeconds: elapsed, threads: threads)
        result.precision = report
        return result
      }
    }
  }
}
