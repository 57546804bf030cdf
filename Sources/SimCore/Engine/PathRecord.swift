/// What one Monte Carlo path reports (MODEL.md section 3, per-path outputs).
@frozen
public struct PathRecord: Sendable, Equatable {
  public var roi: Double = 0
  public var pnl: Double = 0
  public var maxDrawdown: Double = 0
  public var liquidated: Bool = false
  /// Debt the collateral did not cover at liquidation, max(0, D - C·S) in USD,
  /// summed over the path's liquidations (at most one: the book is not
  /// re-levered after one); 0 on a path never liquidated.
  public var badDebt: Double = 0
  public var floorViolations: Int32 = 0
  public var throttleEvents: Int32 = 0
  public var spreadAdjustments: Int32 = 0
  public var deleverageEvents: Int32 = 0
  public var pegDeviationEpochs: Int32 = 0
  /// Time-weighted return: the growth of the net asset value per unit
  /// outstanding, which redemptions at that value leave unchanged (docs/MODEL.md, "Flows").
  public var twr: Double = 0
  /// The largest drop of the net asset value per unit from its running peak, as a fraction.
  public var navMaxDrawdown: Double = 0
  /// Redemption principal paid out to holders over the path, USD (costs excluded).
  public var redemptionsPaid: Double = 0
  /// The epoch (0-based) in which the path was liquidated; -1 when never.
  public var liquidationEpoch: Int32 = -1
  /// The first epoch (0-based) that ended below the external liquidity floor; -1 when none.
  public var firstFloorViolationEpoch: Int32 = -1
  /// PnL by term in USD: sum over epochs of each term times T.
  public var attribution = Attribution()
  /// The likelihood ratio of the path under importance sampling (docs/IMPORTANCE.md):
  /// the plain density over the tilted one; 1 on a plain run.
  public var weight: Double = 1
  /// The largest loan-to-value D / (C·S) the book reached (0 without debt):
  /// how close the path came to liquidation, the score the cross-entropy tilt ranks by.
  public var peakLoanToValue: Double = 0

  public init() {}
}
