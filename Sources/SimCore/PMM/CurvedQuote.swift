/// A quote with the second derivative: what a swap would pay, the marginal
/// output at the end of it, and the derivative of that marginal output with
/// respect to the amount sold (negative: outputs are concave).
///
/// The router's split solves "marginal outputs equal" by Newton's method,
/// which needs the slope of the marginal outputs; like the marginal, it is
/// the closed form of the curve, not a finite difference.
@frozen
public struct CurvedQuote: Sendable, Hashable {
  /// What the trader would receive, net of fees.
  public let received: Double
  /// d(received) / d(amount) at the quoted amount, net of fees.
  public let marginal: Double
  /// d(marginal) / d(amount) at the quoted amount.
  public let curvature: Double

  public init(received: Double, marginal: Double, curvature: Double) {
    self.received = received
    self.marginal = marginal
    self.curvature = curvature
  }
}
