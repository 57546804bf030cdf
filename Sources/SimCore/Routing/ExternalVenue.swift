/// An external constant-product venue (the outside market for one hub pair):
/// base reserve `X`, quote reserve `Y`, a fee taken from the input and kept in
/// the venue, as in Uniswap v2.
///
/// Every epoch the venue is re-centred on the outside market's fair price with
/// its configured depth (`recentre`); trades within the epoch move it along
/// `X * Y = const`.
@frozen
public struct ExternalVenue: Sendable, Hashable {
  /// Base reserve `X`, in base tokens.
  public var baseReserve: Double
  /// Quote reserve `Y`, in quote (hub) tokens.
  public var quoteReserve: Double
  /// Fee on the input, as a fraction.
  public var feeRate: Double

  public init(baseReserve: Double, quoteReserve: Double, feeRate: Double) {
    self.baseReserve = baseReserve
    self.quoteReserve = quoteReserve
    self.feeRate = feeRate
  }

  /// The mid price `Y / X`, in quote per base.
  public var midPrice: Double { quoteReserve / baseReserve }

  /// Sets both reserves to `depth` quote worth at `price` (quote per base).
  /// - Complexity: O(1).
  public mutating func recentre(price: Double, depth: Double) {
    quoteReserve = depth
    baseReserve = depth / price
  }

  /// What selling `amount` would pay, and its derivative:
  /// `out = Yout * a' / (Xin + a')`, `a' = a * (1 - fee)`;
  /// `d out / d a = Yout * Xin * (1 - fee) / (Xin + a')^2`.
  /// - Complexity: O(1).
  public func quote(selling amount: Double, baseIn: Bool) -> PMMQuote {
    let q = curvedQuote(selling: amount, baseIn: baseIn)
    return PMMQuote(received: q.received, marginal: q.marginal)
  }

  /// `quote(selling:baseIn:)` (the same numbers, bit for bit) with the
  /// derivative of the marginal output: `-2 * (1 - fee) * marginal / (Xin + a')`.
  /// - Complexity: O(1).
  @inline(__always)
  func curvedQuote(selling amount: Double, baseIn: Bool) -> CurvedQuote {
    let xIn = baseIn ? baseReserve : quoteReserve
    let yOut = baseIn ? quoteReserve : baseReserve
    let keep = 1 - feeRate
    let a = Swift.max(amount, 0) * keep
    let denominator = xIn + a
    let marginal = yOut * xIn * keep / (denominator * denominator)
    return CurvedQuote(
      received: yOut * a / denominator, marginal: marginal,
      curvature: -2 * keep * marginal / denominator)
  }

  /// Sells `amount` into the venue and returns what it pays.
  /// - Complexity: O(1).
  @discardableResult
  @inline(__always)
  public mutating func sell(_ amount: Double, baseIn: Bool) -> Double {
    let out = quote(selling: amount, baseIn: baseIn).received
    if baseIn {
      baseReserve += amount
      quoteReserve -= out
    } else {
      quoteReserve += amount
      baseReserve -= out
    }
    return out
  }

  /// The quote needed to buy `amount` base, and its derivative:
  /// `h = Y * b / ((X - b) * (1 - fee))`, `dh/db = Y * X / ((X - b)^2 * (1 - fee))`.
  /// - Precondition: `amount < baseReserve`.
  /// - Complexity: O(1).
  public func costToBuyBase(_ amount: Double) -> (cost: Double, marginal: Double) {
    let left = baseReserve - amount
    let keep = 1 - feeRate
    return (
      quoteReserve * amount / (left * keep), quoteReserve * baseReserve / (left * left * keep)
    )
  }

  /// Buys `amount` base with quote and returns the quote paid.
  /// - Complexity: O(1).
  @discardableResult
  public mutating func buyBase(_ amount: Double) -> Double {
    let cost = costToBuyBase(amount).cost
    quoteReserve += cost
    baseReserve -= amount
    return cost
  }
}
