/// The capital-efficiency policy (config/capital-efficiency-policy.json):
/// limits that reject a scenario outright, and gates a run is held against.
public struct Policy: Sendable, Equatable {
  /// External liquidity below this fraction of capital is a floor violation.
  public var externalLiquidityFloor = 0.20
  public var stressLeverageMax = 1.5
  public var targetLeverageMin = 2.0
  public var targetLeverageMax = 3.0
  /// Optimizer candidates above this leverage are not deployable until the
  /// deployment evidence records an audit and a governance approval.
  public var deployableLeverageCap = 1.5
  /// Leverage above this is rejected and never simulated.
  public var hardLeverageMax = 4.0
  public var maxLTV = 0.65
  /// A policy or scenario LTV above this is rejected.
  public var hardLTVMax = 0.75
  public var targetSpreadMinBps = 30.0
  public var targetSpreadMaxBps = 50.0
  /// |P - 1| beyond this counts as a peg deviation.
  public var pegBand = 0.005
  public var gates = Gates()
  /// Market making's largest share of the target return before the validator warns.
  public var marketMakingShareCap = 0.5
  public var weights = ObjectiveWeights()
  /// FNV-1a hash of the canonical JSON the policy was read from.
  public var contentHash = "default"

  public struct Gates: Sendable, Equatable {
    public var maxDrawdownP95 = 0.25
    public var liquidationProbability = 0.01
    public var pegDeviationFrequency = 0.05
    public var externalLiquidityFloorViolations = 30.0
  }

  public struct ObjectiveWeights: Sendable, Equatable {
    public var liquidation = 10.0
    public var drawdown = 1.0
    public var peg = 1.0
  }

  public init() {}
}

extension Policy {
  /// Decodes and validates a policy tree (a JSON file or a Lua table).
  public init(_ value: ConfigValue, file: String) throws(ConfigError) {
    let r = try ConfigReader(value, file: file)
    _ = try r.string("description", default: "")
    externalLiquidityFloor = try r.number("externalLiquidityFloor", default: 0.20, in: 0...1)
    let stress = try r.child("stressLeverage")
    _ = try stress.number("min", default: 1.0, in: 1...4)
    stressLeverageMax = try stress.number("max", default: 1.5, in: 1...4)
    try stress.finish()
    let target = try r.child("targetLeverage")
    targetLeverageMin = try target.number("min", default: 2.0, in: 1...4)
    targetLeverageMax = try target.number("max", default: 3.0, in: targetLeverageMin...4)
    try target.finish()
    deployableLeverageCap = try r.number("deployableLeverageCap", default: 1.5, in: 1...4)
    hardLeverageMax = try r.number("hardLeverageMax", default: 4.0, in: 1...4)
    hardLTVMax = try r.number("hardLTVMax", default: 0.75, in: 0...0.75)
    maxLTV = try r.number("maxLTV", default: 0.65, in: 0...hardLTVMax)
    let spread = try r.child("targetSpreadBps")
    targetSpreadMinBps = try spread.number("min", default: 30, in: 0...10_000)
    targetSpreadMaxBps = try spread.number("max", default: 50, in: targetSpreadMinBps...10_000)
    try spread.finish()
    pegBand = try r.number("pegBand", default: 0.005, in: 0...1)
    let g = try r.child("gates")
    gates.maxDrawdownP95 = try g.number("maxDrawdownP95", default: 0.25, in: 0...1)
    gates.liquidationProbability = try g.number("liquidationProbability", default: 0.01, in: 0...1)
    gates.pegDeviationFrequency = try g.number("pegDeviationFrequency", default: 0.05, in: 0...1)
    gates.externalLiquidityFloorViolations = try g.number(
      "externalLiquidityFloorViolations", default: 30, in: 0...1e9)
    try g.finish()
    marketMakingShareCap = try r.number("marketMakingShareCap", default: 0.5, in: 0...1)
    let w = try r.child("objectiveWeights")
    weights.liquidation = try w.number("liquidation", default: 10, in: 0...1e6)
    weights.drawdown = try w.number("drawdown", default: 1, in: 0...1e6)
    weights.peg = try w.number("peg", default: 1, in: 0...1e6)
    try w.finish()
    try r.finish()
    contentHash = ContentHash.fnv1a(JSONText.canonical(value))
  }
}
