/// What a per-epoch rule sees: the path's state at step 3 of epoch `epoch`,
/// after the shocks and the volatility step, before liquidity, the asset move
/// and the book (docs/MODEL.md, "Per-epoch rules"). A value: the rule cannot
/// change the path through it.
@frozen
public struct EpochState: Sendable, Equatable {
  /// The path index (0-based).
  public var path: Int = 0
  /// The epoch index (0-based).
  public var epoch: Int = 0
  /// Capital T at the start of the epoch, USD.
  public var capital: Double = 0
  /// The running peak of T, USD.
  public var peak: Double = 0
  /// Volatility after this epoch's step 2 (annualised).
  public var sigma: Double = 0
  /// External liquidity (fraction of T) before this epoch's step 4.
  public var ell: Double = 0
  /// Peg price before this epoch's step 7.
  public var peg: Double = 1
  /// External asset price before this epoch's step 5.
  public var asset: Double = 1
  /// Loan-to-value of the book at `asset` (0 without debt).
  public var ltv: Double = 0
  /// The spread in force (set last epoch), bps.
  public var spread: Double = 0
  /// The spread step 3 proposes for this epoch, bps.
  public var targetSpread: Double = 0
  /// The allocation step 3 proposes for this epoch (before the liquidity floor's clamp).
  public var allocation: Double = 0
  /// The leverage step 3 proposes for this epoch (1 after a liquidation).
  public var leverage: Double = 1
  /// Whether step 3 throttles this epoch (`sigma > sigmaCrit`).
  public var throttled: Bool = false
  /// Whether the book was liquidated earlier on this path.
  public var liquidated: Bool = false
  /// Events so far on this path, before this epoch.
  public var throttleEvents: Int32 = 0
  public var spreadAdjustments: Int32 = 0
  public var deleverageEvents: Int32 = 0
  public var floorViolations: Int32 = 0
  /// The last epoch with a deleverage, a floor violation, and the liquidation; -1 for none.
  public var lastDeleverageEpoch: Int = -1
  public var lastFloorViolationEpoch: Int = -1
  public var liquidationEpoch: Int = -1

  public init() {}
}
