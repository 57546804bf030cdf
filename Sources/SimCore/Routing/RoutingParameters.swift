/// The routing simulation's market assumptions (MODEL.md section 2), read from
/// a scenario's `pmm` block: order flow, oracle, arbitrage and intervention.
/// Units: USD, fractions, epochs; `volatileSigma` is annual.
public struct RoutingParameters: Sendable, Equatable {
  /// Mean number of orders per epoch (Poisson).
  public var ordersPerEpoch = 24.0
  /// Mean order size in USD (lognormal).
  public var meanOrderUSD = 25_000.0
  /// Log-volatility of order sizes.
  public var orderSizeVol = 0.8
  /// Share of orders between two non-hub tokens (routed direct, two-hop or external).
  public var crossShare = 0.15
  /// Per-epoch volatility of a stable's outside price around its peg.
  public var stableNoise = 0.0003
  /// Share of a stable's price deviation that decays each epoch.
  public var stableReversion = 0.3
  /// Epochs by which the pools' oracle trails the outside market.
  public var oracleLag = 0
  /// Annual volatility of the external asset S in routing-only scenarios
  /// (coupled runs take S from the capital overlay).
  public var volatileSigma = 0.6
  /// Arbitrage smaller than this profit (USD) is not worth the gas and is skipped.
  public var arbitrageMinProfitUSD = 5.0
  /// The treasury restores a pool of a stable to R = 1 when |R - 1| = |P/i - 1| exceeds this.
  public var interventionBand = 0.003
  /// The same band for pools whose base is volatile (their curve is steeper
  /// and their fees wider, so their R strays further in ordinary trading).
  public var volatileInterventionBand = 0.02
  /// Gas cost of one intervention, in USD.
  public var interventionGasUSD = 20.0

  public init() {}

  static let maxOrdersPerEpoch = 500.0
  static let maxOracleLag = 365

  /// Reads `pmm.flow`, `pmm.oracle`, `pmm.arbitrage` and `pmm.intervention`.
  /// `hasCapital`: whether the scenario has a capital overlay (then S comes from it).
  init(_ pmm: ConfigReader, hasCapital: Bool) throws(ConfigError) {
    let flow = try pmm.child("flow")
    ordersPerEpoch = try flow.number(
      "ordersPerEpoch", default: ordersPerEpoch, in: 0...Self.maxOrdersPerEpoch)
    meanOrderUSD = try flow.number("meanOrderUSD", default: meanOrderUSD, in: 0...1e12)
    orderSizeVol = try flow.number("orderSizeVol", default: orderSizeVol, in: 0...5)
    crossShare = try flow.number("crossShare", default: crossShare, in: 0...1)
    try flow.finish()
    let oracle = try pmm.child("oracle")
    stableNoise = try oracle.number("stableNoise", default: stableNoise, in: 0...0.1)
    stableReversion = try oracle.number("stableReversion", default: stableReversion, in: 0...1)
    oracleLag = try oracle.integer("lag", default: oracleLag, in: 0...Self.maxOracleLag)
    if hasCapital, oracle.raw("volatileSigma") != nil {
      throw ConfigError(
        .outOfRange, file: oracle.file, field: oracle.fieldName("volatileSigma"),
        "is for routing-only scenarios; a coupled run takes S from the capital overlay (capitalEfficiency.sigma0, sigmaBar, ...)"
      )
    }
    volatileSigma = try oracle.number("volatileSigma", default: volatileSigma, in: 0...5)
    try oracle.finish()
    let arbitrage = try pmm.child("arbitrage")
    arbitrageMinProfitUSD = try arbitrage.number(
      "minProfitUSD", default: arbitrageMinProfitUSD, in: 0...1e9)
    try arbitrage.finish()
    let intervention = try pmm.child("intervention")
    interventionBand = try intervention.number("band", default: interventionBand, in: 0...1)
    volatileInterventionBand = try intervention.number(
      "volatileBand", default: volatileInterventionBand, in: 0...1)
    interventionGasUSD = try intervention.number("gasUSD", default: interventionGasUSD, in: 0...1e9)
    try intervention.finish()
  }
}
