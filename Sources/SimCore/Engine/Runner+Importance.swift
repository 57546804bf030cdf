extension Runner {
  /// Runs `scenario` under importance sampling (docs/IMPORTANCE.md): resolves
  /// the tilt of `spec` (the cross-entropy pilot rounds for `auto`, on their
  /// own streams), draws the paths under it with their likelihood-ratio
  /// weights, and returns the weighted scorecard with its diagnostics
  /// (`Scorecard.importance`). With `precision`, paths are added until its
  /// targets hold, on the weighted intervals. Deterministic for any thread count.
  /// Throws `ConfigError` for a spec that does not fit the scenario (a coupled
  /// or routing-only scenario, a shift or window out of range).
  /// - Complexity: O((pilot paths + paths) × epochs).
  public static func run(
    _ scenario: Scenario, importance spec: ImportanceSpec, precision: PrecisionSpec? = nil,
    options: RunOptions = RunOptions(), checkpoint: ((PrecisionReport, Scorecard) -> Void)? = nil
  ) throws -> RunResult {
    try spec.validate(for: scenario, origin: "importance")
    var kernels = Kernels(scenario: scenario)
    let resolved = try ImportanceRun(spec, kernels: kernels, options: options)
    kernels.capital?.tilt = resolved.tilt
    kernels.importance = resolved
    if let precision {
      return try run(scenario, precision: precision, kernels: kernels, options: options, checkpoint: checkpoint)
    }
    return try run(scenario, kernels: kernels, options: options)
  }
}

extension Runner {
  /// Runs `scenario` under an importance sampling already resolved (its tilt
  /// chosen, on this scenario or on another of the same epochs and shocks):
  /// what an optimizer sweep runs for each candidate (`Sweep.importance`).
  /// - Complexity: O(paths × epochs).
  static func run(_ scenario: Scenario, resolved: ImportanceRun, options: RunOptions) throws(RunError) -> RunResult {
    var kernels = Kernels(scenario: scenario)
    kernels.capital?.tilt = resolved.tilt
    kernels.importance = resolved
    return try run(scenario, kernels: kernels, options: options)
  }
}
