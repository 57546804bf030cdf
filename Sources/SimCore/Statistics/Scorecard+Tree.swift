extension Scorecard {
  /// The scorecard as a tree with its stable field names (for JSON and Lua).
  /// A routing-only run's tree holds `routing` and `provenance` alone.
  public var tree: ConfigValue {
    var fields: [String: ConfigValue] = [:]
    if let routing { fields["routing"] = routing.tree }
    fields["provenance"] = provenanceTree
    guard hasCapital else { return .object(fields) }
    for name in Self.scalarFieldNames { fields[name] = .number(scalar(name) ?? .nan) }
    var quantiles: [String: ConfigValue] = [:]
    for q in pnlQuantiles { quantiles[q.label] = .number(q.value) }
    fields["pnl_distribution"] = .object([
      "quantiles": .object(quantiles),
      "histogram": .object([
        "edges": .array(pnlHistogram.edges.map(ConfigValue.number)),
        "counts": .array(pnlHistogram.counts.map { .number(Double($0)) }),
      ]),
    ])
    var att: [String: ConfigValue] = [:]
    for term in pnlAttribution.terms { att[term.name] = .number(term.value) }
    fields["pnl_attribution"] = .object(att)
    // Also in `provenance`, where it was first reported (kept for compatibility).
    fields["roi_mean_stderr"] = .number(roiMeanStderr)
    // Intervals beside the figures: `<field>_ci` = [lo, hi] (null for a side the
    // sample cannot bound), `<field>_se` where a standard error is defined.
    for (name, interval) in intervals { fields[name + "_ci"] = Self.tree(interval) }
    for (name, se) in standardErrors { fields[name + "_se"] = Self.finite(se) }
    fields["pnl_attribution_ci"] = .object(attributionIntervals.mapValues(Self.tree))
    fields["confidence"] = .number(confidence.value)
    if let importance { fields["importance"] = importance.tree }
    return .object(fields)
  }

  static func tree(_ interval: Interval) -> ConfigValue { .array([finite(interval.lower), finite(interval.upper)]) }

  static func finite(_ x: Double) -> ConfigValue { x.isFinite ? .number(x) : .null }

  /// The provenance block; `roi_mean_stderr` only when there is an ROI.
  var provenanceTree: ConfigValue {
    var fields = provenance.tree
    if hasCapital { fields["roi_mean_stderr"] = .number(roiMeanStderr) }
    return .object(fields)
  }

  /// The scalar names this scorecard defines: the capital fields when it has
  /// the overlay, then `routing.*` when it steps a pool graph.
  public var definedScalarNames: [String] {
    (hasCapital ? Self.scalarFieldNames : [])
      + (routing == nil ? [] : RoutingScorecard.scalarFieldNames.map { "routing." + $0 })
  }
}
