extension PrecisionReport {
  /// The report as a tree (JSON and Lua): `targets` (each with its text, last
  /// measure, null when the sample cannot say, and `met`), `met`, `paths`, `max_paths`.
  public var tree: ConfigValue {
    .object([
      "targets": .array(
        targets.map {
          .object([
            "target": .string($0.target.description),
            "value": $0.value.isFinite ? .number($0.value) : .null,
            "met": .bool($0.met),
          ])
        }),
      "met": .bool(met),
      "paths": .number(Double(paths)),
      "max_paths": .number(Double(maxPaths)),
    ])
  }
}

extension RunResult {
  /// The scorecard's tree, with the `precision` block of a precision run.
  public var tree: ConfigValue {
    guard let precision, case .object(var fields) = scorecard.tree else { return scorecard.tree }
    fields["precision"] = precision.tree
    return .object(fields)
  }
}
