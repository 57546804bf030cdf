extension Sweep {
  /// Evaluates every candidate under importance sampling (docs/IMPORTANCE.md,
  /// "Optimizer sweeps"): the tilt of `spec` is resolved once, on the base
  /// scenario (the cross-entropy pilot rounds for `auto`, on their own
  /// streams), and every candidate draws its paths under that one tilt. A
  /// path's weight depends only on its normals and the tilt, not on the
  /// candidate, so all candidates see the same paths with the same weights:
  /// common random numbers are kept exactly, and each candidate's gates and
  /// score are decided on its weighted scorecard.
  /// Throws `ConfigError` when `spec` does not fit the base scenario or a
  /// candidate (a coupled or routing-only scenario, other epochs or shocks
  /// than the base's, whose tilt would not fit), `RunError` from the pilot.
  /// - Complexity: the pilot rounds' paths, once.
  public mutating func sample(importance spec: ImportanceSpec, options: RunOptions) throws {
    try spec.validate(for: base, origin: "importance")
    for (i, c) in candidates.enumerated() {
      try spec.validate(for: c, origin: "importance, sweep candidate \(i + 1)")
      guard c.epochs == base.epochs, c.shocks.count == base.shocks.count else {
        throw ConfigError(
          .outOfRange, file: "importance", field: nil,
          "sweep candidate \(i + 1) changes the epochs or the shocks of \(base.name): one tilt, found on the base"
            + " scenario, must fit every candidate")
      }
    }
    importanceRun = try ImportanceRun(spec, kernels: Kernels(scenario: base), options: options)
    importance = spec
  }

  /// Runs candidate scenario `s`: plainly, or under the sweep's importance sampling.
  func runCandidate(_ s: Scenario, options: RunOptions) throws(RunError) -> RunResult {
    guard let importanceRun else { return try Runner.run(s, options: options) }
    return try Runner.run(s, resolved: importanceRun, options: options)
  }

  /// A run's per-path score contributions: weighted under importance sampling.
  func contributions(of run: RunResult) -> ScoreContributions {
    importanceRun == nil
      ? ScoreContributions(
        records: run.records, epochs: run.scenario.epochs, weights: base.policy.weights, confidence: confidence)
      : ScoreContributions(
        weighted: run.records, epochs: run.scenario.epochs, weights: base.policy.weights, confidence: confidence)
  }
}

extension ImportanceSpec {
  /// What a sweep journal's identity holds of the importance sampling
  /// (`Sweep.identityTree`): target, method, pilot paths, rounds, defensive share.
  var identityTree: ConfigValue {
    var fields: [String: ConfigValue] = [
      "target": .string(target.description), "pilot_paths": .number(Double(pilotPaths)),
      "rounds": .number(Double(maxRounds)), "defensive": .number(defensiveShare), "method": .string("auto"),
    ]
    if case .manual(let asset, let volatility, let from, let to) = method {
      fields["method"] = .string("manual")
      fields["asset"] = .number(asset)
      fields["volatility"] = .number(volatility)
      fields["from"] = .number(Double(from))
      fields["to"] = .number(Double(to))
    }
    return .object(fields)
  }
}
