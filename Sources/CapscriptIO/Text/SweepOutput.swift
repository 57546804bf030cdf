public import SimCore

/// Sweep results as files and text, shared by Lua and the CLI.
public enum SweepOutput {
  /// The ranked candidates with the sweep's provenance; `leader` and `tied` are
  /// ranks (each candidate's `rank`): the leader of the final round and the
  /// candidates whose paired interval to it includes zero.
  public static func json(_ r: SweepResult) -> String {
    let tied = Set(r.tied.map(\.index))
    let rank = { (index: Int) -> ConfigValue in
      .number(Double((r.candidates.firstIndex { $0.index == index } ?? 0) + 1))
    }
    let tree = ConfigValue.object([
      "scenario": .string(r.base.name), "scenario_hash": .string(r.base.contentHash),
      "policy_hash": .string(r.base.policy.contentHash), "seed": .number(Double(r.base.seed)),
      "model_version": .string(Scorecard.modelVersion), "confidence": .number(r.base.policy.gateConfidence),
      "leader": r.leader.map { rank($0.index) } ?? .null,
      "tied": .array(r.candidates.filter { tied.contains($0.index) }.map { rank($0.index) }),
      "candidates": .array(
        r.candidates.enumerated().map { i, c in
          var t = c.luaTree
          if case .object(var f) = t {
            f["rank"] = .number(Double(i + 1))
            // As in a run's JSON: `<metric>_ci` = [lo, hi] (null: unbounded side), `<metric>_se`.
            for (name, ci) in c.intervals { f[name + "_ci"] = .array([bound(ci.lower), bound(ci.upper)]) }
            for (name, se) in c.standardErrors { f[name + "_se"] = .number(se) }
            t = .object(f)
          }
          return t
        }),
    ])
    return JSONText.pretty(tree) + "\n"
  }

  /// An interval side as JSON: null for a side the sample cannot bound.
  static func bound(_ x: Double) -> ConfigValue { x.isFinite ? .number(x) : .null }

  public static func csv(_ r: SweepResult) -> String {
    let fields = r.candidates.first?.assignments.map(\.key) ?? []
    var out =
      (["rank"] + fields + ["score"] + SweepJournal.csvMetrics + ["deployable", "failed_gates"]
      + IntervalColumns.names).joined(separator: ",") + "\n"
    for (i, c) in r.candidates.enumerated() {
      out +=
        ([String(i + 1)] + c.assignments.map { CandidateSummary.text($0.value) } + [JSONText.number(c.score)]
        + SweepJournal.csvMetrics.map { JSONText.number(c[$0]) }
        + [c.deployable ? "true" : "false", "\"" + c.failedGates.map(\.gate).joined(separator: ";") + "\""]
        + IntervalColumns.cells(
          confidence: r.base.policy.gateConfidence, intervals: c.intervals, standardErrors: c.standardErrors)).joined(
          separator: ",") + "\n"
    }
    return out
  }

  /// The sweep as the file `path` names by its extension.
  public static func render(_ r: SweepResult, path: String) throws(OutputError) -> String {
    if path.hasSuffix(".json") { return json(r) }
    if path.hasSuffix(".csv") { return csv(r) }
    if path.hasSuffix(".txt") || path.hasSuffix(".md") { return r.table() + "\n" }
    throw OutputError("cannot tell the format of \"\(path)\": use .json, .csv, .md or .txt")
  }
}
