/// The capital overlay's parameters, decoded through `CapitalSchema.fields`.
///
/// One parameter is one stored property here plus one row of the table below
/// (name, default, range, unit, doc): the decoder, `init(values:)`,
/// `value(named:)`, the editor stub, `capscript schema` and docs/REFERENCE.md all
/// follow the table. The kernels read the stored properties directly.
public struct CapitalParameters: Sendable, Equatable {
  public var capital = 0.0
  public var allocation = 0.0
  public var leverage = 0.0
  public var yieldRate = 0.0
  public var borrowRate = 0.0
  public var mu = 0.0
  public var sigma0 = 0.0
  public var sigmaBar = 0.0
  public var sigmaMin = 0.0
  public var kappa = 0.0
  public var eta = 0.0
  public var sigmaCrit = 0.0
  public var throttleAllocationFactor = 0.0
  public var stressLeverage = 0.0
  public var targetSpreadBps = 0.0
  public var spreadWidenFactor = 0.0
  public var spreadCeilingBps = 0.0
  public var ell0 = 0.0
  public var ellBar = 0.0
  public var kappaL = 0.0
  public var etaL = 0.0
  public var redemptionLiquidityShare = 0.0
  public var liquidationThreshold = 0.0
  public var maxLTV = 0.0
  public var liquidationPenalty = 0.0
  public var deleverageCostBps = 0.0
  public var capture0 = 0.0
  public var captureElasticity = 0.0
  public var referenceSpreadBps = 0.0
  public var flowTurnover = 0.0
  public var volumeVol = 0.0
  public var flowVol = 0.0
  public var redemptionImbalance = 0.0
  public var pegBeta = 0.0
  public var arbLiquidityCoefficient = 0.0
  public var interventionBand = 0.0
  public var interventionGain = 0.0
  public var interventionImpact = 0.0
  public var interventionCostBps = 0.0
  public var baseRedemptionRate = 0.0
  public var redemptionFeeBps = 0.0
  public var fireSaleHaircut = 0.0

  /// Builds the parameters from values by schema name; a missing name takes its default.
  public init(values: [String: Double]) {
    for spec in CapitalSchema.fields {
      self[keyPath: spec.keyPath] = values[spec.name] ?? spec.defaultValue
    }
  }

  /// The value of the field named `name` in the schema.
  public func value(named name: String) -> Double? {
    CapitalSchema.spec(named: name).map { self[keyPath: $0.keyPath] }
  }
}

public enum CapitalSchema {
  /// The fields of a scenario's `capitalEfficiency` block, in model order.
  /// Rates are annual (multiplied by dt per epoch); spreads and costs in bps.
  public static let fields: [ParameterSpec] = [
    .init("capital", \.capital, default: 10_000_000, range: 1...1e13, unit: "USD", doc: "treasury capital T0 in USD"),
    .init(
      "allocation", \.allocation, default: 0.6, range: 0...1, unit: "fraction",
      doc: "alpha: fraction of capital in the book"),
    .init(
      "leverage", \.leverage, default: 1.5, range: 1...4, unit: "x", doc: "L: target leverage (hard limit from policy)"),
    .init(
      "yieldRate", \.yieldRate, default: 0.10, range: -1...1, unit: "per year",
      doc: "annual yield on deployed collateral"),
    .init("borrowRate", \.borrowRate, default: 0.04, range: 0...1, unit: "per year", doc: "annual borrow rate on debt"),
    .init("mu", \.mu, default: 0, range: -2...2, unit: "per year", doc: "annual drift of the external asset S"),
    .init(
      "sigma0", \.sigma0, default: 0.20, range: 0...5, unit: "per sqrt(year)", doc: "initial annualised volatility"),
    .init("sigmaBar", \.sigmaBar, default: 0.20, range: 0...5, unit: "per sqrt(year)", doc: "long-run volatility"),
    .init("sigmaMin", \.sigmaMin, default: 0.05, range: 0...5, unit: "per sqrt(year)", doc: "volatility floor"),
    .init(
      "kappa", \.kappa, default: 4, range: 0...365, unit: "per year",
      doc: "annual mean-reversion speed of volatility (x dt)"),
    .init(
      "eta", \.eta, default: 0.3, range: 0...10, unit: "per sqrt(year)",
      doc: "annual volatility of volatility (x sqrt(dt))"),
    .init(
      "sigmaCrit", \.sigmaCrit, default: 0.6, range: 0...10, unit: "per sqrt(year)",
      doc: "volatility above which the book is throttled"),
    .init(
      "throttleAllocationFactor", \.throttleAllocationFactor, default: 0.5, range: 0...1, unit: "factor",
      doc: "allocation multiplier while throttled"),
    .init(
      "stressLeverage", \.stressLeverage, default: 1.0, range: 1...4, unit: "x", doc: "leverage cap while throttled"),
    .init(
      "targetSpreadBps", \.targetSpreadBps, default: 40, range: 0...10_000, unit: "bps",
      doc: "spread in calm markets (bps)"),
    .init(
      "spreadWidenFactor", \.spreadWidenFactor, default: 1.5, range: 1...100, unit: "factor",
      doc: "spread multiplier per throttled epoch"),
    .init(
      "spreadCeilingBps", \.spreadCeilingBps, default: 120, range: 0...10_000, unit: "bps", doc: "widest spread (bps)"),
    .init(
      "ell0", \.ell0, default: 0.35, range: 0...1, unit: "fraction of T",
      doc: "initial external liquidity (fraction of T)"),
    .init("ellBar", \.ellBar, default: 0.35, range: 0...1, unit: "fraction of T", doc: "long-run external liquidity"),
    .init(
      "kappaL", \.kappaL, default: 12, range: 0...365, unit: "per year",
      doc: "annual mean-reversion speed of liquidity (x dt)"),
    .init(
      "etaL", \.etaL, default: 0.1, range: 0...10, unit: "per sqrt(year)",
      doc: "annual volatility of liquidity (x sqrt(dt))"),
    .init(
      "redemptionLiquidityShare", \.redemptionLiquidityShare, default: 1, range: 0...1, unit: "fraction",
      doc: "share of redemptions paid from external liquidity"),
    .init(
      "liquidationThreshold", \.liquidationThreshold, default: 0.80, range: 0...1, unit: "LTV",
      doc: "protocol LTV at which the book is liquidated"),
    .init(
      "maxLTV", \.maxLTV, default: .nan, range: 0...1, unit: "LTV",
      doc: "LTV above which the book deleverages (default: policy maxLTV)"),
    .init(
      "liquidationPenalty", \.liquidationPenalty, default: 0.05, range: 0...1, unit: "fraction",
      doc: "penalty on seized collateral"),
    .init(
      "deleverageCostBps", \.deleverageCostBps, default: 15, range: 0...10_000, unit: "bps",
      doc: "cost of collateral sold to deleverage (bps)"),
    .init(
      "capture0", \.capture0, default: 0.35, range: 0...1, unit: "fraction",
      doc: "PMM share of flow at the market reference spread"),
    .init(
      "captureElasticity", \.captureElasticity, default: 1, range: 0...100, unit: "1",
      doc: "capture lost per relative spread widening beyond the reference (gained per narrowing)"),
    .init(
      "referenceSpreadBps", \.referenceSpreadBps, default: 40, range: 1...10_000, unit: "bps",
      doc: "market reference spread: where the PMM captures capture0 of the flow (a market fact, not the policy target)"
    ),
    .init(
      "flowTurnover", \.flowTurnover, default: 24, range: 0...10_000, unit: "T per year",
      doc: "annual flow volume as a multiple of T"),
    .init(
      "volumeVol", \.volumeVol, default: 0.4, range: 0...5, unit: "log, per epoch",
      doc: "lognormal volatility of per-epoch volume"),
    .init(
      "flowVol", \.flowVol, default: 0.001, range: 0...1, unit: "per epoch",
      doc: "per-epoch volatility of the hub flow imbalance"),
    .init(
      "redemptionImbalance", \.redemptionImbalance, default: 0.5, range: 0...100, unit: "1",
      doc: "flow imbalance per unit redemption"),
    .init(
      "pegBeta", \.pegBeta, default: 0.5, range: 0...100, unit: "price per unit imbalance",
      doc: "peg price move per unit imbalance"),
    .init(
      "arbLiquidityCoefficient", \.arbLiquidityCoefficient, default: 0.3, range: 0...1, unit: "fraction",
      doc: "share of the peg gap closed by arbitrage at full liquidity"),
    .init(
      "interventionBand", \.interventionBand, default: 0.002, range: 0...1, unit: "price",
      doc: "|P-1| beyond which the treasury intervenes"),
    .init(
      "interventionGain", \.interventionGain, default: 1, range: 0...1_000, unit: "1",
      doc: "liquidity spent per unit of peg gap beyond the band"),
    .init(
      "interventionImpact", \.interventionImpact, default: 0.5, range: 0...1_000, unit: "price per unit liquidity",
      doc: "peg move per unit of liquidity spent"),
    .init(
      "interventionCostBps", \.interventionCostBps, default: 5, range: 0...10_000, unit: "bps",
      doc: "cost of intervention trades (bps)"),
    .init(
      "baseRedemptionRate", \.baseRedemptionRate, default: 0.01, range: 0...10, unit: "per year",
      doc: "annual redemption rate in calm markets"),
    .init(
      "redemptionFeeBps", \.redemptionFeeBps, default: 10, range: 0...10_000, unit: "bps",
      doc: "cost of paying out redemptions (bps)"),
    .init(
      "fireSaleHaircut", \.fireSaleHaircut, default: 0.1, range: 0...1, unit: "fraction",
      doc: "haircut on redemptions not covered by external liquidity"),
  ]

  public static let names: [String] = fields.map(\.name)

  /// The spec of the field named `name`, if there is one.
  public static func spec(named name: String) -> ParameterSpec? {
    fields.first { $0.name == name }
  }
}
