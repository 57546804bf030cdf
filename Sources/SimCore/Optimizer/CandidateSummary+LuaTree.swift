extension CandidateSummary {
  /// The candidate as Lua and the sweep JSON show it: its field values,
  /// metrics by scorecard name, label, score, deployable, paths and failed gates;
  /// once paired, `score_diff_ci` (leader - candidate, [lo, hi], null for an
  /// unbounded side) and `tied`; under a host objective, `objective`,
  /// `constraints` (verdicts) and, for a failed candidate, `error`.
  public var luaTree: ConfigValue {
    var fields = metrics.mapValues(ConfigValue.number)
    for (k, v) in assignments { fields[k] = v }
    fields["label"] = .string(label)
    fields["score"] = .number(score)
    fields["deployable"] = .bool(deployable)
    fields["paths"] = .number(Double(paths))
    fields["failed_gates"] = .array(failedGates.map { .string($0.detail) })
    if let objective { fields["objective"] = .number(objective) }
    if !constraints.isEmpty { fields["constraints"] = .array(constraints.map(ConfigValue.bool)) }
    if let error { fields["error"] = .string(error) }
    if let d = scoreDifference {
      fields["score_diff_ci"] = Scorecard.tree(d)
      fields["tied"] = .bool(tied)
    }
    return .object(fields)
  }
}
