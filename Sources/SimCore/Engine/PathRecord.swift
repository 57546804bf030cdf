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
  /// The epoch (0-based) in which the path was liquidated; -1 when never.
  public var liquidationEpoch: Int32 = -1
  /// The first epoch (0-based) that ended below the external liquidity floor; -1 when none.
  public var firstFloorViolationEpoch: Int32 = -1
  /// PnL by term in USD: sum over epochs of each term times T.
  public var attribution = Attribution()

  public init() {}
}
