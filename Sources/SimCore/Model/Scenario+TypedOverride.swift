extension Scenario {
  /// `with` without decoding the whole tree again, for the overrides a sweep
  /// makes: each one sets a capital number (`leverage`,
  /// `capitalEfficiency.allocation`) of a scenario with a capital overlay, or
  /// `paths` or `seed`, to a value the full decode accepts. The typed value is
  /// edited in place and the tree edited alike, so the result equals the full
  /// decode's. Nil when any override is of another kind, or a value the full
  /// decode would refuse: `with` then decodes the tree, and its errors are the
  /// decoder's.
  /// - Complexity: O(overrides) plus the tree edits; the content hash is computed later, if read.
  func withTypedOverrides(_ overrides: [(key: String, value: ConfigValue)]) -> Scenario? {
    var derived = self
    var tree = source
    for (key, value) in overrides {
      guard case .number(let x) = value, x.isFinite,
        let path = try? Self.resolve(field: key, file: ""),
        derived.setTyped(path, x)
      else { return nil }
      tree = tree.merging(value, atPath: path[...])
    }
    if let c = derived.capital, c.maxLTV >= c.liquidationThreshold { return nil }
    derived.source = tree
    return derived
  }

  /// Sets the field at `path` to `x` when it is one the typed path handles and
  /// `x` is within its range and the policy's limits; false otherwise.
  private mutating func setTyped(_ path: [String], _ x: Double) -> Bool {
    switch path {
    case ["paths"]:
      guard Self.acceptsInteger("paths", x) else { return false }
      paths = Int(x)
    case ["seed"]:
      guard Self.acceptsInteger("seed", x) else { return false }
      seed = UInt64(x)
    default:
      guard path.count == 2, path[0] == "capitalEfficiency", capital != nil,
        let spec = CapitalSchema.spec(named: path[1]), Self.accepts(spec, x, policy: policy)
      else { return false }
      capital?[keyPath: spec.keyPath] = x
    }
    return true
  }

  /// Whether `ScenarioSchema.integer` accepts `x` for the top-level field `name`.
  static func acceptsInteger(_ name: String, _ x: Double) -> Bool {
    guard let range = ScenarioSchema.spec(name).range else { return false }
    return x == x.rounded() && range.contains(x)
  }

  /// Whether `decodeCapital` accepts `x` for `spec` under `policy` (range, hard limits).
  static func accepts(_ spec: ParameterSpec, _ x: Double, policy: Policy) -> Bool {
    switch spec.name {
    case "leverage", "stressLeverage": x >= 1 && x <= policy.hardLeverageMax
    case "maxLTV": (0...1).contains(x) && x <= policy.hardLTVMax
    default: spec.range.contains(x)
    }
  }
}
