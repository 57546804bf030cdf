/// The capital-efficiency policy (config/capital-efficiency-policy.json):
/// limits that reject a scenario outright, and gates a run is held against.
/// Every number is one stored property here plus one row of `PolicySchema.fields`
/// (its default, range, unit and meaning); `Policy()` holds the defaults.
public struct Policy: Sendable, Equatable {
  public var externalLiquidityFloor = 0.0
  public var stressLeverageMin = 0.0
  public var stressLeverageMax = 0.0
  public var targetLeverageMin = 0.0
  public var targetLeverageMax = 0.0
  public var deployableLeverageCap = 0.0
  public var hardLeverageMax = 0.0
  public var maxLTV = 0.0
  public var hardLTVMax = 0.0
  public var targetSpreadMinBps = 0.0
  public var targetSpreadMaxBps = 0.0
  public var pegBand = 0.0
  /// The confidence level of the scorecard's intervals.
  public var gateConfidence = 0.0
  public var gates = Gates()
  public var marketMakingShareCap = 0.0
  public var weights = ObjectiveWeights()
  /// FNV-1a hash of the canonical JSON the policy was read from.
  public var contentHash = "default"
  /// The tree the policy was read from, so a scenario can derive it with overrides.
  public var source: ConfigValue = .object([:])

  public struct Gates: Sendable, Equatable {
    public var maxDrawdownP95 = 0.0
    public var liquidationProbability = 0.0
    public var pegDeviationFrequency = 0.0
    public var externalLiquidityFloorViolations = 0.0
  }

  public struct ObjectiveWeights: Sendable, Equatable {
    public var liquidation = 0.0
    public var drawdown = 0.0
    public var peg = 0.0
  }

  /// The default policy: every field at its `PolicySchema` default.
  public init() {
    for spec in PolicySchema.fields {
      self[keyPath: spec.keyPath] = spec.defaultValue
    }
  }
}

public enum PolicySchema {
  /// The numeric fields of the policy file, in the order they are read (a
  /// field's `atLeast` / `atMost` names an earlier one). The file may also
  /// carry a `description` string.
  public static let fields: [PolicyFieldSpec] = [
    .init(
      "externalLiquidityFloor", \.externalLiquidityFloor, default: 0.20, range: 0...1, unit: "fraction of T",
      doc: "external liquidity below this fraction of capital is a floor violation"),
    .init(
      "stressLeverage.min", \.stressLeverageMin, default: 1.0, range: 1...4, unit: "x",
      doc: "lower end of the stress leverage band (checked; the model does not use it)"),
    .init(
      "stressLeverage.max", \.stressLeverageMax, default: 1.5, range: 1...4, unit: "x",
      doc: "upper end of the stress leverage band"),
    .init(
      "targetLeverage.min", \.targetLeverageMin, default: 2.0, range: 1...4, unit: "x",
      doc: "lower end of the target leverage band"),
    .init(
      "targetLeverage.max", \.targetLeverageMax, default: 3.0, range: 1...4, atLeast: "targetLeverage.min", unit: "x",
      doc: "upper end of the target leverage band"),
    .init(
      "deployableLeverageCap", \.deployableLeverageCap, default: 1.5, range: 1...4, unit: "x",
      doc:
        "optimizer candidates above this leverage are not deployable until the deployment evidence records an audit and a governance approval"
    ),
    .init(
      "hardLeverageMax", \.hardLeverageMax, default: 4.0, range: 1...4, unit: "x",
      doc: "leverage above this is rejected and never simulated"),
    .init(
      "hardLTVMax", \.hardLTVMax, default: 0.75, range: 0...0.75, unit: "LTV",
      doc: "a policy or scenario LTV above this is rejected"),
    .init(
      "maxLTV", \.maxLTV, default: 0.65, range: 0...0.75, atMost: "hardLTVMax", unit: "LTV",
      doc: "LTV above which the book deleverages (the default of a scenario's maxLTV)"),
    .init(
      "targetSpreadBps.min", \.targetSpreadMinBps, default: 30, range: 0...10_000, unit: "bps",
      doc: "lower end of the target spread band"),
    .init(
      "targetSpreadBps.max", \.targetSpreadMaxBps, default: 50, range: 0...10_000, atLeast: "targetSpreadBps.min",
      unit: "bps", doc: "upper end of the target spread band"),
    .init(
      "pegBand", \.pegBand, default: 0.005, range: 0...1, unit: "price",
      doc: "|P - 1| beyond this counts as a peg deviation"),
    .init(
      "gateConfidence", \.gateConfidence, default: 0.95, range: 0.5...0.9999, unit: "probability",
      doc: "confidence level of every interval on the scorecard (two-sided)"),
    .init(
      "gates.maxDrawdownP95", \.gates.maxDrawdownP95, default: 0.25, range: 0...1, unit: "fraction",
      doc: "gate: largest 95th percentile of the maximum drawdown"),
    .init(
      "gates.liquidationProbability", \.gates.liquidationProbability, default: 0.01, range: 0...1,
      unit: "probability", doc: "gate: largest share of paths liquidated"),
    .init(
      "gates.pegDeviationFrequency", \.gates.pegDeviationFrequency, default: 0.05, range: 0...1,
      unit: "fraction of epochs", doc: "gate: largest share of epochs outside the peg band"),
    .init(
      "gates.externalLiquidityFloorViolations", \.gates.externalLiquidityFloorViolations, default: 30, range: 0...1e9,
      unit: "epochs", doc: "gate: most epochs per path below the external liquidity floor"),
    .init(
      "marketMakingShareCap", \.marketMakingShareCap, default: 0.5, range: 0...1, unit: "fraction",
      doc:
        "gate: market making's largest share of the gross return (yield + market making); validate warns when a scenario relies on PMM income"
    ),
    .init(
      "objectiveWeights.liquidation", \.weights.liquidation, default: 10, range: 0...1e6, unit: "1",
      doc: "optimizer score: weight of the liquidation probability"),
    .init(
      "objectiveWeights.drawdown", \.weights.drawdown, default: 1, range: 0...1e6, unit: "1",
      doc: "optimizer score: weight of the 95th percentile drawdown"),
    .init(
      "objectiveWeights.peg", \.weights.peg, default: 1, range: 0...1e6, unit: "1",
      doc: "optimizer score: weight of the peg deviation frequency"),
  ]
}

extension Policy {
  /// Decodes and validates a policy tree (a JSON file or a Lua table) against `PolicySchema.fields`.
  public init(_ value: ConfigValue, file: String) throws(ConfigError) {
    self.init()
    let r = try ConfigReader(value, file: file)
    _ = try r.string("description", default: "")
    try r.read(PolicySchema.fields, into: &self)
    try r.finish()
    contentHash = ContentHash.fnv1a(JSONText.canonical(value))
    source = value
  }
}
