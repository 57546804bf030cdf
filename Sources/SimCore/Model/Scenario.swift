/// A validated scenario: an immutable value decoded from one `ConfigValue`
/// tree (a JSON file, or a Lua table) through one schema with one set of
/// defaults. `source` keeps the tree, so derived scenarios re-validate.
public struct Scenario: Sendable {
  public enum PMMMode: String, Sendable { case parametric, coupled, calibrated }

  public var name: String
  public var description: String
  public var paths: Int
  public var epochs: Int
  public var epochsPerYear: Int
  public var seed: UInt64
  public var pmmMode: PMMMode
  /// Which pool graph the scenario steps (`.none` for none); `.rawValue` is the scenario-field string.
  public var graphMode: RoutingSpec.GraphMode
  /// The pool graph and routing parameters a coupled run steps; nil without a graph.
  public var routing: RoutingSpec?
  /// A calibrated scenario's record of where its constants came from (`pmm.calibration`).
  public var calibration: ConfigValue?
  /// The capital overlay; nil for routing-only scenarios.
  public var capital: CapitalParameters?
  public var shocks: [Shock]
  /// Bounds on scorecard fields that `validate` holds the run against.
  public var expectations: [Expectation]
  /// Where the scenario was read from (a file path, or "lua table").
  public var file: String
  public var source: ConfigValue {
    didSet { hashMemo = ContentHashMemo(of: source) }
  }
  /// The overrides this scenario was derived with (`with`, `--set`, `--paths`), in
  /// order, as `FIELD=JSON`; the provenance records them.
  public var overrides: [String] = []
  /// FNV-1a hash of the canonical JSON of `source`, computed when first read.
  public var contentHash: String { hashMemo.value }
  /// Holds `contentHash` once computed; shared by copies of this scenario.
  var hashMemo: ContentHashMemo
  public var policy: Policy
  /// The optimizer design of a scenario with a `sweep` block.
  public var sweep: SweepSpec?
  /// Whether `capscript run NAME` runs the sweep (`"mode": "optimizer"`).
  public var optimizerByDefault: Bool

  public static let topLevelFields = ScenarioSchema.fields.map(\.name)
  public static let maxPaths = 10_000_000
  static let maxEpochs = 100_000

  /// Decodes and validates `value` against the schema and `policy`.
  public init(_ value: ConfigValue, file: String, policy: Policy) throws(ConfigError) {
    let r = try ConfigReader(value, file: file)
    name = try ScenarioSchema.string(r, "name")
    description = try ScenarioSchema.string(r, "description")
    paths = try ScenarioSchema.integer(r, "paths")
    epochs = try ScenarioSchema.integer(r, "epochs")
    epochsPerYear = try ScenarioSchema.integer(r, "epochsPerYear")
    seed = UInt64(try ScenarioSchema.integer(r, "seed"))
    graphMode = RoutingSpec.GraphMode(rawValue: try ScenarioSchema.string(r, "graphMode")) ?? .none
    let pmm = try r.child("pmm")
    let modeName = try pmm.string(
      "mode", default: graphMode == .none ? "parametric" : "coupled", allowed: ["parametric", "coupled", "calibrated"])
    guard let mode = PMMMode(rawValue: modeName) else { preconditionFailure("pmm.mode was checked") }
    pmmMode = mode
    routing = try RoutingSpec.decode(
      pmm, graphMode: graphMode, hasCapital: r.raw("capitalEfficiency") != nil,
      file: file)
    calibration = try Self.decodeCalibration(pmm, mode: pmmMode)
    try pmm.finish()
    if pmmMode == .coupled && routing == nil {
      throw ConfigError(
        .outOfRange, file: file, field: "pmm.mode",
        "\"coupled\" steps the pool graph: set graphMode to \"synthetic\" or \"deployed\"")
    }
    if pmmMode != .coupled && routing != nil {
      throw ConfigError(
        .outOfRange, file: file, field: "graphMode",
        "\"\(graphMode.rawValue)\" needs pmm.mode \"coupled\"; a \"\(pmmMode.rawValue)\" scenario does not step a pool graph (use graphMode \"none\")"
      )
    }
    capital = try Self.decodeCapital(r, file: file, policy: policy)
    var shocks: [Shock] = []
    for (i, item) in try r.array("shocks").enumerated() {
      shocks.append(
        try Shock(
          item, file: file, field: "shocks[\(i + 1)]", epochs: epochs, graph: routing?.graph, hasCapital: capital != nil
        ))
    }
    self.shocks = shocks
    expectations = try Expectation.decode(r.child("expect"))
    sweep = try r.raw("sweep").map { v throws(ConfigError) in try SweepSpec(v, file: file) }
    optimizerByDefault = try ScenarioSchema.string(r, "mode") == "optimizer"
    if optimizerByDefault && sweep == nil {
      throw ConfigError(.missingField, file: file, field: "sweep", "is required when \"mode\" is \"optimizer\"")
    }
    try r.finish()
    if capital == nil && routing == nil {
      throw ConfigError(
        .missingField, file: file, field: "capitalEfficiency",
        "is required unless the scenario steps a pool graph (a routing-only scenario: graphMode \"synthetic\" or \"deployed\")"
      )
    }
    self.file = file
    self.source = value
    self.policy = policy
    hashMemo = ContentHashMemo(of: value)
  }

  /// Reads `pmm.calibration`, which only a calibrated scenario may carry.
  static func decodeCalibration(_ pmm: ConfigReader, mode: PMMMode) throws(ConfigError) -> ConfigValue? {
    guard let value = pmm.raw("calibration") else { return nil }
    guard mode == .calibrated else {
      throw ConfigError(
        .unknownField, file: pmm.file, field: pmm.fieldName("calibration"), "is only for pmm.mode \"calibrated\"")
    }
    let c = try pmm.child("calibration")
    _ = try c.string("fromScenario", default: "")
    _ = try c.string("fromHash", default: "")
    _ = try c.string("method", default: "")
    for key in ["seed", "paths", "epochs"] { _ = try c.optionalNumber(key, in: 0...1e16) }
    let fitted = try c.child("fitted")
    if case .object(let fields)? = c.raw("fitted") {
      for key in fields.keys.sorted() { _ = try fitted.number(key, default: 0, in: -1e15...1e15) }
    }
    for (n, item) in try c.array("droppedShocks").enumerated() {
      guard case .string = item else {
        throw ConfigError(
          .wrongType, file: pmm.file, field: c.fieldName("droppedShocks") + "[\(n + 1)]", "expected a shock type name")
      }
    }
    try c.finish()
    return value
  }

  static func decodeCapital(_ r: ConfigReader, file: String, policy: Policy) throws(ConfigError) -> CapitalParameters? {
    guard r.raw("capitalEfficiency") != nil else { return nil }
    let c = try r.child("capitalEfficiency")
    var values: [String: Double] = [:]
    for spec in CapitalSchema.fields {
      let fallback = spec.name == "maxLTV" ? policy.maxLTV : spec.defaultValue
      switch spec.name {
      case "leverage", "stressLeverage":
        let x = try c.number(spec.name, default: fallback, in: 1...Double.greatestFiniteMagnitude)
        if x > policy.hardLeverageMax {
          throw ConfigError(
            .policyLimit, file: file, field: c.fieldName(spec.name),
            "\(JSONText.number(x)) is above the hard limit of \(JSONText.number(policy.hardLeverageMax))x (policy: hardLeverageMax); such leverage is never simulated"
          )
        }
        values[spec.name] = x
      case "maxLTV":
        let x = try c.number(spec.name, default: fallback, in: 0...1)
        if x > policy.hardLTVMax {
          throw ConfigError(
            .policyLimit, file: file, field: c.fieldName(spec.name),
            "\(JSONText.number(x)) is above the hard LTV ceiling of \(JSONText.number(policy.hardLTVMax)) (policy: hardLTVMax)"
          )
        }
        values[spec.name] = x
      default:
        values[spec.name] = try c.number(spec.name, default: fallback, in: spec.range)
      }
    }
    try c.finish()
    let p = CapitalParameters(values: values)
    if p.maxLTV >= p.liquidationThreshold {
      throw ConfigError(
        .outOfRange, file: file, field: c.fieldName("maxLTV"),
        "\(JSONText.number(p.maxLTV)) must be below liquidationThreshold \(JSONText.number(p.liquidationThreshold))")
    }
    return p
  }
}
