/// The capital overlay's parameters, decoded through `CapitalSchema`.
/// Field meanings and units are documented in the schema table.
public struct CapitalParameters: Sendable, Equatable {
  /// treasury capital T0 in USD
  public var capital: Double
  /// alpha: fraction of capital in the book
  public var allocation: Double
  /// L: target leverage (hard limit from policy)
  public var leverage: Double
  /// annual yield on deployed collateral
  public var yieldRate: Double
  /// annual borrow rate on debt
  public var borrowRate: Double
  /// annual drift of the external asset S
  public var mu: Double
  /// initial annualised volatility
  public var sigma0: Double
  /// long-run volatility
  public var sigmaBar: Double
  /// volatility floor
  public var sigmaMin: Double
  /// annual mean-reversion speed of volatility (x dt)
  public var kappa: Double
  /// annual volatility of volatility (x sqrt(dt))
  public var eta: Double
  /// volatility above which the book is throttled
  public var sigmaCrit: Double
  /// allocation multiplier while throttled
  public var throttleAllocationFactor: Double
  /// leverage cap while throttled
  public var stressLeverage: Double
  /// spread in calm markets (bps)
  public var targetSpreadBps: Double
  /// spread multiplier per throttled epoch
  public var spreadWidenFactor: Double
  /// widest spread (bps)
  public var spreadCeilingBps: Double
  /// initial external liquidity (fraction of T)
  public var ell0: Double
  /// long-run external liquidity
  public var ellBar: Double
  /// annual mean-reversion speed of liquidity (x dt)
  public var kappaL: Double
  /// annual volatility of liquidity (x sqrt(dt))
  public var etaL: Double
  /// share of redemptions paid from external liquidity
  public var redemptionLiquidityShare: Double
  /// protocol LTV at which the book is liquidated
  public var liquidationThreshold: Double
  /// LTV above which the book deleverages (default: policy maxLTV)
  public var maxLTV: Double
  /// penalty on seized collateral
  public var liquidationPenalty: Double
  /// cost of collateral sold to deleverage (bps)
  public var deleverageCostBps: Double
  /// PMM share of flow at the target spread
  public var capture0: Double
  /// capture lost per relative spread widening
  public var captureElasticity: Double
  /// annual flow volume as a multiple of T
  public var flowTurnover: Double
  /// lognormal volatility of per-epoch volume
  public var volumeVol: Double
  /// per-epoch volatility of the hub flow imbalance
  public var flowVol: Double
  /// flow imbalance per unit redemption
  public var redemptionImbalance: Double
  /// peg price move per unit imbalance
  public var pegBeta: Double
  /// share of the peg gap closed by arbitrage at full liquidity
  public var arbLiquidityCoefficient: Double
  /// |P-1| beyond which the treasury intervenes
  public var interventionBand: Double
  /// liquidity spent per unit of peg gap beyond the band
  public var interventionGain: Double
  /// peg move per unit of liquidity spent
  public var interventionImpact: Double
  /// cost of intervention trades (bps)
  public var interventionCostBps: Double
  /// annual redemption rate in calm markets
  public var baseRedemptionRate: Double
  /// cost of paying out redemptions (bps)
  public var redemptionFeeBps: Double
  /// haircut on redemptions not covered by external liquidity
  public var fireSaleHaircut: Double

  /// Builds the parameters from values by schema name; a missing name takes its default.
  public init(values: [String: Double]) {
    func v(_ name: String) -> Double {
      values[name] ?? CapitalSchema.fields.first { $0.name == name }!.defaultValue
    }
    capital = v("capital")
    allocation = v("allocation")
    leverage = v("leverage")
    yieldRate = v("yieldRate")
    borrowRate = v("borrowRate")
    mu = v("mu")
    sigma0 = v("sigma0")
    sigmaBar = v("sigmaBar")
    sigmaMin = v("sigmaMin")
    kappa = v("kappa")
    eta = v("eta")
    sigmaCrit = v("sigmaCrit")
    throttleAllocationFactor = v("throttleAllocationFactor")
    stressLeverage = v("stressLeverage")
    targetSpreadBps = v("targetSpreadBps")
    spreadWidenFactor = v("spreadWidenFactor")
    spreadCeilingBps = v("spreadCeilingBps")
    ell0 = v("ell0")
    ellBar = v("ellBar")
    kappaL = v("kappaL")
    etaL = v("etaL")
    redemptionLiquidityShare = v("redemptionLiquidityShare")
    liquidationThreshold = v("liquidationThreshold")
    maxLTV = v("maxLTV")
    liquidationPenalty = v("liquidationPenalty")
    deleverageCostBps = v("deleverageCostBps")
    capture0 = v("capture0")
    captureElasticity = v("captureElasticity")
    flowTurnover = v("flowTurnover")
    volumeVol = v("volumeVol")
    flowVol = v("flowVol")
    redemptionImbalance = v("redemptionImbalance")
    pegBeta = v("pegBeta")
    arbLiquidityCoefficient = v("arbLiquidityCoefficient")
    interventionBand = v("interventionBand")
    interventionGain = v("interventionGain")
    interventionImpact = v("interventionImpact")
    interventionCostBps = v("interventionCostBps")
    baseRedemptionRate = v("baseRedemptionRate")
    redemptionFeeBps = v("redemptionFeeBps")
    fireSaleHaircut = v("fireSaleHaircut")
  }

  /// The value of the field named `name` in the schema.
  public func value(named name: String) -> Double? {
    switch name {
    case "capital": capital
    case "allocation": allocation
    case "leverage": leverage
    case "yieldRate": yieldRate
    case "borrowRate": borrowRate
    case "mu": mu
    case "sigma0": sigma0
    case "sigmaBar": sigmaBar
    case "sigmaMin": sigmaMin
    case "kappa": kappa
    case "eta": eta
    case "sigmaCrit": sigmaCrit
    case "throttleAllocationFactor": throttleAllocationFactor
    case "stressLeverage": stressLeverage
    case "targetSpreadBps": targetSpreadBps
    case "spreadWidenFactor": spreadWidenFactor
    case "spreadCeilingBps": spreadCeilingBps
    case "ell0": ell0
    case "ellBar": ellBar
    case "kappaL": kappaL
    case "etaL": etaL
    case "redemptionLiquidityShare": redemptionLiquidityShare
    case "liquidationThreshold": liquidationThreshold
    case "maxLTV": maxLTV
    case "liquidationPenalty": liquidationPenalty
    case "deleverageCostBps": deleverageCostBps
    case "capture0": capture0
    case "captureElasticity": captureElasticity
    case "flowTurnover": flowTurnover
    case "volumeVol": volumeVol
    case "flowVol": flowVol
    case "redemptionImbalance": redemptionImbalance
    case "pegBeta": pegBeta
    case "arbLiquidityCoefficient": arbLiquidityCoefficient
    case "interventionBand": interventionBand
    case "interventionGain": interventionGain
    case "interventionImpact": interventionImpact
    case "interventionCostBps": interventionCostBps
    case "baseRedemptionRate": baseRedemptionRate
    case "redemptionFeeBps": redemptionFeeBps
    case "fireSaleHaircut": fireSaleHaircut
    default: nil
    }
  }
}
