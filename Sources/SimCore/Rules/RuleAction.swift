/// A per-epoch rule's decision: each field given replaces that epoch's
/// target from step 3; a field left nil keeps it (docs/MODEL.md, "Per-epoch rules").
public struct RuleAction: Sendable, Equatable {
  /// Allocation for this epoch, in [0, 1] (still clamped by the liquidity floor at step 4).
  public var allocation: Double?
  /// Leverage for this epoch, in [1, `hardLeverageMax`] (1 after a liquidation, whatever the rule says).
  public var leverage: Double?
  /// Spread for this epoch, bps, at least 0.
  public var spread: Double?
  /// Whether the epoch is throttled; a rising edge counts one `volatility_throttle_event`.
  public var throttled: Bool?
  /// The share of this epoch's redemption requests paid, in [0, 1]; the rest is refused, not queued.
  public var redemptionFactor: Double?

  public init(
    allocation: Double? = nil, leverage: Double? = nil, spread: Double? = nil, throttled: Bool? = nil,
    redemptionFactor: Double? = nil
  ) {
    self.allocation = allocation
    self.leverage = leverage
    self.spread = spread
    self.throttled = throttled
    self.redemptionFactor = redemptionFactor
  }
}
