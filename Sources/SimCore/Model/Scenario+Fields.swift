extension Scenario {
  /// What a scenario holds for a field name given to it: a top-level field
  /// (`paths`, `pmm`, `capitalEfficiency`...) or a capital field by its bare
  /// name (`leverage`).
  public enum FieldValue: Sendable, Equatable {
    /// The value the scenario runs with, defaults filled in.
    case value(ConfigValue)
    /// A known optional block the scenario does not set (`sweep`, or
    /// `capitalEfficiency` of a routing-only scenario).
    case absent
    /// A capital field asked of a routing-only scenario.
    case noCapital
    /// Not a field a scenario can be given.
    case unknown
  }

  /// Every name `field(_:)` answers: the top-level fields, then the capital
  /// fields by bare name.
  public static var readableFieldNames: [String] { topLevelFields + CapitalSchema.names }

  /// The value of `name` as this scenario has it: what a run uses, with the
  /// defaults the schema filled in (so `s.pmm.mode` is "parametric" when the
  /// file left `pmm` out).
  public func field(_ name: String) -> FieldValue {
    switch name {
    case "name": return .value(.string(self.name))
    case "description": return .value(.string(description))
    case "paths": return .value(.number(Double(paths)))
    case "epochs": return .value(.number(Double(epochs)))
    case "epochsPerYear": return .value(.number(Double(epochsPerYear)))
    case "seed": return .value(.number(Double(seed)))
    case "graphMode": return .value(.string(graphMode.rawValue))
    case "mode": return .value(.string(optimizerByDefault ? "optimizer" : "run"))
    case "pmm":
      var pmm: [String: ConfigValue] = [:]
      if case .object(let given)? = source["pmm"] { pmm = given }
      pmm["mode"] = .string(pmmMode.rawValue)
      return .value(.object(pmm))
    case "capitalEfficiency":
      guard let capital else { return .absent }
      return .value(
        .object(
          Dictionary(uniqueKeysWithValues: CapitalSchema.names.map { ($0, .number(capital.value(named: $0) ?? .nan)) }))
      )
    case "shocks": return .value(source["shocks"] ?? .array([]))
    case "expect": return .value(source["expect"] ?? .object([:]))
    case "sweep": return source["sweep"].map(FieldValue.value) ?? .absent
    default:
      guard CapitalSchema.names.contains(name) else { return .unknown }
      guard let x = capital?.value(named: name) else { return .noCapital }
      return .value(.number(x))
    }
  }
}
