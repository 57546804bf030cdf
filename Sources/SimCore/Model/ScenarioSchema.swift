/// One top-level field of a scenario file: its name, value kind, default
/// (`.null` when it is required or has no default), range or allowed values, and meaning.
public struct ScenarioFieldSpec: Sendable {
  public let name: String
  /// "string", "integer", "object" or "array".
  public let kind: String
  public let defaultValue: ConfigValue
  public let range: ClosedRange<Double>?
  public let allowed: [String]?
  public let doc: String

  public init(
    _ name: String, _ kind: String, default defaultValue: ConfigValue = .null, range: ClosedRange<Double>? = nil,
    allowed: [String]? = nil, doc: String
  ) {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
    self.range = range
    self.allowed = allowed
    self.doc = doc
  }
}

/// The top-level fields of a scenario (config/scenarios/*.json or a Lua table).
public enum ScenarioSchema {
  public static let fields: [ScenarioFieldSpec] = [
    .init("name", "string", doc: "the scenario's name (required)"),
    .init("description", "string", default: .string(""), doc: "what the scenario tests"),
    .init(
      "paths", "integer", default: .number(10_000), range: 1...Double(Scenario.maxPaths), doc: "Monte Carlo paths"),
    .init("epochs", "integer", default: .number(365), range: 1...Double(Scenario.maxEpochs), doc: "epochs per path"),
    .init(
      "epochsPerYear", "integer", default: .number(365), range: 1...1_000_000,
      doc: "epochs per year (dt = 1 / epochsPerYear)"),
    .init("seed", "integer", default: .number(138), range: 0...9_007_199_254_740_992, doc: "random seed"),
    .init(
      "pmm", "object",
      doc: "PMM model: mode (parametric, coupled or calibrated), graph, synthetic, deployment, routing parameters"),
    .init(
      "graphMode", "string", default: .string(RoutingSpec.GraphMode.none.rawValue),
      allowed: RoutingSpec.GraphMode.allCases.map(\.rawValue), doc: "the pool graph a coupled run steps"),
    .init(
      "capitalEfficiency", "object",
      doc: "the capital overlay (see its table); required unless the scenario steps a pool graph"),
    .init("shocks", "array", default: .array([]), doc: "scheduled shocks (see the shock tables)"),
    .init("expect", "object", doc: "bounds on scorecard fields that validate holds the run against"),
    .init("sweep", "object", doc: "an optimizer design over capital fields"),
    .init(
      "mode", "string", default: .string("run"), allowed: ["run", "optimizer"],
      doc: "\"optimizer\": capscript run NAME runs the sweep"),
  ]

  /// The spec of the field named `name`.
  static func spec(_ name: String) -> ScenarioFieldSpec {
    guard let spec = fields.first(where: { $0.name == name }) else {
      preconditionFailure("no scenario field \(name) in ScenarioSchema")
    }
    return spec
  }

  /// Reads the string field `name` with its default (required without one) and allowed values.
  static func string(_ r: ConfigReader, _ name: String) throws(ConfigError) -> String {
    let s = spec(name)
    var fallback: String?
    if case .string(let d) = s.defaultValue { fallback = d }
    return try r.string(name, default: fallback, allowed: s.allowed)
  }

  /// Reads the integer field `name` with its default and range.
  static func integer(_ r: ConfigReader, _ name: String) throws(ConfigError) -> Int {
    let s = spec(name)
    guard case .number(let fallback) = s.defaultValue, let range = s.range else {
      preconditionFailure("scenario field \(name) is not an integer with a default")
    }
    return try r.integer(name, default: Int(fallback), in: Int(range.lowerBound)...Int(range.upperBound))
  }
}
