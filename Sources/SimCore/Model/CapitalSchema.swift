/// One numeric field of the capital overlay: its name in JSON and Lua, default,
/// allowed range and meaning. The table below is the schema: decoding, the
/// Lua `with` resolver, `help()` and the editor stub all read it.
public struct ParameterSpec: Sendable {
  public let name: String
  public let defaultValue: Double
  public let range: ClosedRange<Double>
  public let doc: String
}

public enum CapitalSchema {
  /// The fields of a scenario's `capitalEfficiency` block, in model order.
  /// Rates are annual (multiplied by dt per epoch); spreads and costs in bps.
  public static let fields: [ParameterSpec] = [
    .init(name: "capital", defaultValue: 10_000_000, range: 1...1e13, doc: "treasury capital T0 in USD"),
    .init(name: "allocation", defaultValue: 0.6, range: 0...1, doc: "alpha: fraction of capital in the book"),
    .init(name: "leverage", defaultValue: 1.5, range: 1...4, doc: "L: target leverage (hard limit from policy)"),
    .init(name: "yieldRate", defaultValue: 0.10, range: -1...1, doc: "annual yield on deployed collateral"),
    .init(name: "borrowRate", defaultValue: 0.04, range: 0...1, doc: "annual borrow rate on debt"),
    .init(name: "mu", defaultValue: 0, range: -2...2, doc: "annual drift of the external asset S"),
    .init(name: "sigma0", defaultValue: 0.20, range: 0...5, doc: "initial annualised volatility"),
    .init(name: "sigmaBar", defaultValue: 0.20, range: 0...5, doc: "long-run volatility"),
    .init(name: "sigmaMin", defaultValue: 0.05, range: 0...5, doc: "volatility floor"),
    .init(name: "kappa", defaultValue: 4, range: 0...365, doc: "annual mean-reversion speed of volatility (x dt)"),
    .init(name: "eta", defaultValue: 0.3, range: 0...10, doc: "annual volatility of volatility (x sqrt(dt))"),
    .init(name: "sigmaCrit", defaultValue: 0.6, range: 0...10, doc: "volatility above which the book is throttled"),
    .init(
      name: "throttleAllocationFactor", defaultValue: 0.5, range: 0...1, doc: "allocation multiplier while throttled"),
    .init(name: "stressLeverage", defaultValue: 1.0, range: 1...4, doc: "leverage cap while throttled"),
    .init(name: "targetSpreadBps", defaultValue: 40, range: 0...10_000, doc: "spread in calm markets (bps)"),
    .init(name: "spreadWidenFactor", defaultValue: 1.5, range: 1...100, doc: "spread multiplier per throttled epoch"),
    .init(name: "spreadCeilingBps", defaultValue: 120, range: 0...10_000, doc: "widest spread (bps)"),
    .init(name: "ell0", defaultValue: 0.35, range: 0...1, doc: "initial external liquidity (fraction of T)"),
    .init(name: "ellBar", defaultValue: 0.35, range: 0...1, doc: "long-run external liquidity"),
    .init(name: "kappaL", defaultValue: 12, range: 0...365, doc: "annual mean-reversion speed of liquidity (x dt)"),
    .init(name: "etaL", defaultValue: 0.1, range: 0...10, doc: "annual volatility of liquidity (x sqrt(dt))"),
    .init(
      name: "redemptionLiquidityShare", defaultValue: 1, range: 0...1,
      doc: "share of redemptions paid from external liquidity"),
    .init(
      name: "liquidationThreshold", defaultValue: 0.80, range: 0...1,
      doc: "protocol LTV at which the book is liquidated"),
    .init(
      name: "maxLTV", defaultValue: .nan, range: 0...1,
      doc: "LTV above which the book deleverages (default: policy maxLTV)"),
    .init(name: "liquidationPenalty", defaultValue: 0.05, range: 0...1, doc: "penalty on seized collateral"),
    .init(
      name: "deleverageCostBps", defaultValue: 15, range: 0...10_000, doc: "cost of collateral sold to deleverage (bps)"
    ),
    .init(name: "capture0", defaultValue: 0.35, range: 0...1, doc: "PMM share of flow at the target spread"),
    .init(name: "captureElasticity", defaultValue: 1, range: 0...100, doc: "capture lost per relative spread widening"),
    .init(name: "flowTurnover", defaultValue: 24, range: 0...10_000, doc: "annual flow volume as a multiple of T"),
    .init(name: "volumeVol", defaultValue: 0.4, range: 0...5, doc: "lognormal volatility of per-epoch volume"),
    .init(name: "flowVol", defaultValue: 0.001, range: 0...1, doc: "per-epoch volatility of the hub flow imbalance"),
    .init(name: "redemptionImbalance", defaultValue: 0.5, range: 0...100, doc: "flow imbalance per unit redemption"),
    .init(name: "pegBeta", defaultValue: 0.5, range: 0...100, doc: "peg price move per unit imbalance"),
    .init(
      name: "arbLiquidityCoefficient", defaultValue: 0.3, range: 0...1,
      doc: "share of the peg gap closed by arbitrage at full liquidity"),
    .init(
      name: "interventionBand", defaultValue: 0.002, range: 0...1, doc: "|P-1| beyond which the treasury intervenes"),
    .init(
      name: "interventionGain", defaultValue: 1, range: 0...1_000,
      doc: "liquidity spent per unit of peg gap beyond the band"),
    .init(name: "interventionImpact", defaultValue: 0.5, range: 0...1_000, doc: "peg move per unit of liquidity spent"),
    .init(name: "interventionCostBps", defaultValue: 5, range: 0...10_000, doc: "cost of intervention trades (bps)"),
    .init(name: "baseRedemptionRate", defaultValue: 0.01, range: 0...10, doc: "annual redemption rate in calm markets"),
    .init(name: "redemptionFeeBps", defaultValue: 10, range: 0...10_000, doc: "cost of paying out redemptions (bps)"),
    .init(
      name: "fireSaleHaircut", defaultValue: 0.1, range: 0...1,
      doc: "haircut on redemptions not covered by external liquidity"),
  ]

  public static let names: [String] = fields.map(\.name)
}
