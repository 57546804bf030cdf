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
  /// An object value merges into the object it names field by field
  /// (`capitalEfficiency = {leverage = 2}` keeps the other capital fields).
  /// `policy.FIELD` (or `policy = {...}`) overrides the policy for this scenario
  /// alone: the policy is validated again, and its hash in the provenance changes.
  /// Valid numbers for capital fields, `paths` and `seed` (what sweeps and
  /// halving rounds set) skip the full decode (`withTypedOverrides`); the
  /// result is the same scenario.
  public func with(_ overrides: [(key: String, value: ConfigValue)], origin: String = "with") throws(ConfigError)
    -> Scenario
  {
    // A chain of `with`s names its origin once: "x.json (with)", never "x.json (with) (with)".
    let suffix = " (\(origin))"
    let name = file == origin || file.hasSuffix(suffix) ? file : file + suffix
    let recorded = self.overrides + overrides.map { "\($0.key)=\(JSONText.canonical($0.value))" }
    if var typed = withTypedOverrides(overrides) {
      typed.file = name
      typed.overrides = recorded
      return typed
    }
    var tree = source
    var policyTree: ConfigValue?
    for (key, value) in overrides {
      if key == "policy" || key.hasPrefix("policy.") {
        let path = key.split(separator: ".", omittingEmptySubsequences: false).dropFirst().map(String.init)
        policyTree = (policyTree ?? policy.source).merging(value, atPath: path[...])
        continue
      }
      let path = try Self.resolve(field: key, file: origin)
      tree = tree.merging(value, atPath: path[...])
    }
    let derivedPolicy = try policyTree.map { tree throws(ConfigError) in try Policy(tree, file: "\(name) policy") }
    var derived = try Scenario(tree, file: name, policy: derivedPolicy ?? policy)
    derived.overrides = recorded
    return derived
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
