/// What a swap would pay and the marginal output at the end of it: the
/// derivative of `received` with respect to the amount sold.
///
/// The router splits orders so that marginal outputs are equal, and the
/// arbitrageur trades until marginal output meets marginal cost; both need the
/// derivative exactly, not by finite differences.
@frozen
public struct PMMQuote: Sendable, Hashable {
  /// What the trader would receive, net of fees.
  public let received: Double
  /// d(received) / d(amount) at the quoted amount, net of fees.
  public let marginal: Double

  public init(received: Double, marginal: Double) {
    self.received = received
    self.marginal = marginal
  }
}
