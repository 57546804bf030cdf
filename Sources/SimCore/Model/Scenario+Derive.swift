extension Scenario {
  /// The tree path a `with` key names: a top-level field (`paths`), a dotted
  /// path (`capitalEfficiency.leverage`), or a capital field by its bare name
  /// (`leverage`), which is unique in the schema.
  public static func resolve(field key: String, file: String) throws(ConfigError) -> [String] {
    let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    if parts.count > 1 { return parts }
    if topLevelFields.contains(key) { return [key] }
    if CapitalSchema.names.contains(key) { return ["capitalEfficiency", key] }
    var message = "unknown field"
    if let near = ConfigReader.nearest(to: key, in: topLevelFields + CapitalSchema.names) {
      message += "; did you mean \"\(near)\"?"
    }
    throw ConfigError(.unknownField, file: file, field: key, message)
  }

  /// A new scenario with `overrides` applied (in order) and validated again.
  /// The original is unchanged; an override's errors name the field it set.
  public func with(_ overrides: [(key: String, value: ConfigValue)], origin: String = "with") throws(ConfigError)
    -> Scenario
  {
    var tree = source
    for (key, value) in overrides {
      let path = try Self.resolve(field: key, file: origin)
      tree = tree.setting(value, atPath: path[...])
    }
    // A chain of `with`s names its origin once: "x.json (with)", never "x.json (with) (with)".
    let suffix = " (\(origin))"
    let derived = file == origin || file.hasSuffix(suffix) ? file : file + suffix
    return try Scenario(tree, file: derived, policy: policy)
  }
}

extension Scenario {
  /// The scenario with `paths` paths (1 ... `maxPaths`): what `--paths` and
  /// the checkpoints of a precision run ask for.
  public func withPaths(_ paths: Int) -> Scenario {
    precondition((1...Self.maxPaths).contains(paths), "paths outside 1...\(Self.maxPaths)")
    // `paths` is the only field changed, and it is in range, so the scenario validates.
    guard let s = try? with([("paths", .number(Double(paths)))], origin: "paths") else {
      preconditionFailure("a scenario with \(paths) paths must validate")
    }
    return s
  }
}
