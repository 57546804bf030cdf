extension Sweep {
  /// What makes two sweeps the same sweep, as one canonical JSON tree: the
  /// base scenario's hash (its every field, paths, epochs and seed included),
  /// the policy's hash, the seed, the design (every candidate's assignments,
  /// halving, initial paths, design seed), the paths of each round, the
  /// deployable leverage cap the evidence grants and the model version; with
  /// a host objective, also its identity (the source text of the objective and
  /// constraints) and direction.
  /// With importance sampling, also its spec (`ImportanceSpec.identityTree`), so
  /// a journal written without it (or with another) is not resumed from.
  public var identityTree: ConfigValue {
    guard objective != nil || importance != nil, case .object(var fields) = policyIdentityTree else {
      return policyIdentityTree
    }
    if let objective {
      fields["objective"] = .object([
        "source": .string(objective.identity), "minimize": .bool(objective.minimize),
        "constraints": .number(Double(objective.constraints)),
      ])
    }
    if let importance { fields["importance"] = importance.identityTree }
    return .object(fields)
  }

  /// The identity of a sweep ranked by the policy score (unchanged since journals carried one).
  var policyIdentityTree: ConfigValue {
    .object([
      "model_version": .string(Scorecard.modelVersion),
      "scenario_hash": .string(base.contentHash),
      "policy_hash": .string(base.policy.contentHash),
      "seed": .number(Double(base.seed)),
      "rounds": .array(rounds.map { .number(Double($0)) }),
      "halving": .bool(spec.halving),
      "initial_paths": .number(Double(spec.initialPaths)),
      "design_seed": .number(Double(spec.designSeed)),
      "candidates": .array(assignments.map { a in .array(a.map { .array([.string($0.key), $0.value]) }) }),
      "leverage_cap": .number(evidence.deployableLeverageCap(base.policy)),
    ])
  }

  /// The sweep's identity: FNV-1a 64 of `identityTree`'s canonical JSON, as
  /// 16 hex digits. Every journal entry carries it, so a resumed sweep takes
  /// only results of this very sweep (`SweepJournal`).
  public var identity: String { ContentHash.fnv1a(JSONText.canonical(identityTree)) }
}
