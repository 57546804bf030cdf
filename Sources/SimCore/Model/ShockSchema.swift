/// The shock types a scenario's `shocks` array may hold, with their fields: the
/// decoder's type list, its messages, `Shock.typeName`, the Lua `cap.shock.*`
/// constructors, `capscript schema` and docs/REFERENCE.md all read this table.
public enum ShockSchema {
  /// Timing fields every shock has: `at`, or a `from`/`to` window drawn per
  /// path, and the probability `p` that the shock happens on a path.
  public static let timing: [ShockFieldSpec] = [
    .init(
      "at", .integer, default: .optional, range: 0...Double(Scenario.maxEpochs - 1), isEpochIndex: true,
      unit: "epoch", doc: "epoch the shock fires in (give either at or from/to; neither: epoch 0)"),
    .init(
      "from", .integer, default: .optional, range: 0...Double(Scenario.maxEpochs - 1), isEpochIndex: true,
      unit: "epoch", doc: "first epoch of the window the epoch is drawn from per path"),
    .init(
      "to", .integer, default: .optional, range: 0...Double(Scenario.maxEpochs - 1), isEpochIndex: true,
      unit: "epoch", doc: "last epoch of the window (default: the last epoch when from is given)"),
    .init("p", default: .value(1), range: 0...1, unit: "probability", doc: "probability the shock happens on a path"),
  ]

  static let assetCrash = ShockSpec(
    "asset_crash", scope: .any, doc: "the external asset falls: S *= (1 - drop)",
    fields: [.init("drop", default: .required, range: 0...1, unit: "fraction", doc: "fall of the asset price")])
  static let volSpike = ShockSpec(
    "vol_spike", scope: .capital, doc: "volatility jumps: sigma = max(sigma, level), then sigma += add",
    fields: [
      .init("level", default: .optional, range: 0...10, unit: "per sqrt(year)", doc: "volatility floor set at once"),
      .init("add", default: .optional, range: -10...10, unit: "per sqrt(year)", doc: "volatility added (level or add)"),
    ])
  static let liquidityShock = ShockSpec(
    "liquidity_shock", scope: .capital, doc: "external liquidity is scaled: ell *= factor",
    fields: [.init("factor", default: .required, range: 0...100, unit: "factor", doc: "multiplier of the liquidity")])
  static let redemptionWave = ShockSpec(
    "redemption_wave", scope: .capital, doc: "extra redemptions for a number of epochs",
    fields: [
      .init("rate", default: .required, range: 0...1, unit: "fraction of T per epoch", doc: "redemptions added"),
      .init("epochs", .integer, default: .value(1), range: 1...1_000_000, unit: "epochs", doc: "length of the wave"),
    ])
  static let pegShock = ShockSpec(
    "peg_shock", scope: .capital, doc: "the peg price moves: P += delta",
    fields: [.init("delta", default: .required, range: -1...1, unit: "price", doc: "move of the peg price")])
  static let flowShock = ShockSpec(
    "flow_shock", scope: .any, doc: "extra flow imbalance for a number of epochs",
    fields: [
      .init("imbalance", default: .required, range: -1...1, unit: "1", doc: "imbalance added to the hub flow"),
      .init("epochs", .integer, default: .value(1), range: 1...1_000_000, unit: "epochs", doc: "length of the shock"),
    ])
  static let bridgeHalt = ShockSpec(
    "bridge_halt", scope: .graph,
    doc:
      "bridges from chains halt: holders sell the bridged tokens into the pools, their external venues thin out and discount them",
    fields: [
      .init("chains", .chains, default: .required, unit: "chain ids", doc: "chains whose bridges halt, e.g. [137, 56]"),
      .init("epochs", .integer, default: .value(1), range: 1...1_000_000, unit: "epochs", doc: "length of the halt"),
      .init(
        "depthFactor", default: .value(0.1), range: 0.001...1, unit: "factor",
        doc: "share of depth the external venues keep"),
      .init("discount", default: .value(0.02), range: 0...0.99, unit: "fraction", doc: "venue price below par"),
      .init(
        "exitShare", default: .value(0.03), range: 0...1, unit: "fraction per epoch",
        doc: "share of the hub pool's depth holders sell per epoch"),
    ])
  static let poolDepeg = ShockSpec(
    "pool_depeg", scope: .graph, doc: "the outside price of a stable token leaves its peg",
    fields: [
      .init("token", .string, default: .required, unit: "symbol", doc: "the stable token of the graph"),
      .init("price", default: .value(1), range: 1e-6...10, unit: "USD", doc: "its outside price"),
      .init(
        "epochs", .integer, default: .scenarioEpochs, range: 1...1_000_000, unit: "epochs",
        doc: "length of the depeg (default: the scenario's epochs)"),
    ])
  static let oracleLag = ShockSpec(
    "oracle_lag", scope: .graph, doc: "the pools' oracle reports the outside price of earlier epochs",
    fields: [
      .init(
        "epochs", .integer, default: .value(1), range: 1...Double(RoutingParameters.maxOracleLag), unit: "epochs",
        doc: "lag of the oracle"),
      .init(
        "duration", .integer, default: .scenarioEpochs, range: 1...1_000_000, unit: "epochs",
        doc: "length of the lag (default: the scenario's epochs)"),
    ])

  /// Every shock type, in the order messages list them.
  public static let types: [ShockSpec] = [
    assetCrash, volSpike, liquidityShock, redemptionWave, pegShock, flowShock, bridgeHalt, poolDepeg, oracleLag,
  ]

  public static let names: [String] = types.map(\.name)

  /// The spec of the type named `name`, if there is one.
  public static func spec(named name: String) -> ShockSpec? {
    types.first { $0.name == name }
  }
}
