/// PnL by term in USD; losses are negative, so the terms add up to the PnL.
@frozen
public struct Attribution: Sendable, Equatable {
  public var yield: Double = 0
  public var marketMaking: Double = 0
  public var volatilityDrag: Double = 0
  public var interventionDrag: Double = 0
  public var redemptionDrag: Double = 0
  public var liquidationLoss: Double = 0
  public var deleverageCost: Double = 0

  public init() {}

  /// How many terms `terms` lists.
  public static let termCount = Attribution().terms.count

  /// The terms by their scorecard names, in model order.
  public var terms: [(name: String, value: Double)] {
    [
      ("yield", yield), ("market_making", marketMaking), ("volatility_drag", volatilityDrag),
      ("intervention_drag", interventionDrag), ("redemption_drag", redemptionDrag),
      ("liquidation_loss", liquidationLoss), ("deleverage_cost", deleverageCost),
    ]
  }

  public var total: Double {
    yield + marketMaking + volatilityDrag + interventionDrag + redemptionDrag + liquidationLoss + deleverageCost
  }
}
