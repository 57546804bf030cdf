/// The outcome of one swap against a `PMMPool`.
///
/// Fees follow DODO v2: both are taken from the curve's output. The LP fee
/// stays in the pool's reserves; the maintainer fee leaves the pool.
@frozen
public struct PMMTrade: Sendable, Hashable {
  /// The amount paid into the pool, in the sold token.
  public let amountIn: Double
  /// What the curve pays out before fees, in the bought token.
  public let grossOutput: Double
  /// The LP fee: `grossOutput * lpFeeRate`, left in the pool's reserves.
  public let lpFee: Double
  /// The maintainer fee: `grossOutput * maintainerFeeRate`, paid out of the pool.
  public let maintainerFee: Double
  /// What the trader receives: `grossOutput - lpFee - maintainerFee`.
  public let received: Double

  /// Creates a trade record; `received` is derived from the gross output and fees.
  public init(
    amountIn: Double, grossOutput: Double, lpFee: Double, maintainerFee: Double
  ) {
    self.amountIn = amountIn
    self.grossOutput = grossOutput
    self.lpFee = lpFee
    self.maintainerFee = maintainerFee
    received = grossOutput - lpFee - maintainerFee
  }

  /// The trader's average price in bought tokens per sold token (0 for an empty trade).
  public var averageRate: Double { amountIn > 0 ? received / amountIn : 0 }
}
