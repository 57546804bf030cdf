/// What the capital overlay takes from the pools in one epoch (coupled mode).
@frozen
public struct PoolEpoch: Sendable, Equatable {
  public var feeIncomeUSD = 0.0
  public var interventionCostUSD = 0.0
  /// External liquidity the interventions use, net: the cost of each (the
  /// tokens received are sold back at mark within the epoch), or its whole
  /// notional when the tokens received are halted bridged tokens, which are
  /// then held until the bridge reopens and returned at their mark then
  /// (a negative draw).
  public var liquidityDrawUSD = 0.0
  /// Net hub bought out of the pools by order flow, over the hub depth of the
  /// pools and their external venues.
  public var imbalance = 0.0

  public init() {}
}
