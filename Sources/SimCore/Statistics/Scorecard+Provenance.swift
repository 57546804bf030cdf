extension Scorecard.Provenance {
  /// One provenance field: its stable snake_case name, its value as text (CSV,
  /// labels, tables) and as a tree value (JSON and Lua).
  public struct Field: Sendable {
    public let name: String
    public let text: String
    public let value: ConfigValue
  }

  /// The provenance of a run of `scenario` over `paths` paths.
  public init(scenario: Scenario, paths: Int) {
    self.init(
      scenario: scenario.name, scenarioHashMemo: scenario.hashMemo, policyHash: scenario.policy.contentHash,
      seed: scenario.seed, paths: paths, epochs: scenario.epochs, modelVersion: Scorecard.modelVersion,
      overrides: scenario.overrides)
  }

  /// The names of `fields`, in order.
  public static let fieldNames = [
    "scenario", "scenario_hash", "policy_hash", "seed", "paths", "epochs", "model_version",
  ]

  /// Every provenance field, in the order of `fieldNames`: the one list that
  /// JSON trees, CSV, tables, HTML, OpenMetrics labels and journals draw on.
  public var fields: [Field] {
    [
      Field(name: "scenario", text: scenario, value: .string(scenario)),
      Field(name: "scenario_hash", text: scenarioHash, value: .string(scenarioHash)),
      Field(name: "policy_hash", text: policyHash, value: .string(policyHash)),
      Field(name: "seed", text: String(seed), value: .number(Double(seed))),
      Field(name: "paths", text: String(paths), value: .number(Double(paths))),
      Field(name: "epochs", text: String(epochs), value: .number(Double(epochs))),
      Field(name: "model_version", text: modelVersion, value: .string(modelVersion)),
    ]
  }

  /// The fields named in `names`, in that order (each must be in `fieldNames`).
  public func fields(_ names: [String]) -> [Field] {
    let all = fields
    return names.compactMap { name in all.first { $0.name == name } }
  }

  /// The fields as a tree keyed by name.
  /// The fields by name, with `overrides` (a list of `FIELD=JSON`) when the
  /// scenario was derived from its file.
  public var tree: [String: ConfigValue] {
    var out = Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.value) })
    if !overrides.isEmpty { out["overrides"] = .array(overrides.map(ConfigValue.string)) }
    return out
  }
}
