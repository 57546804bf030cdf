/// The outside market of one hub pair: a constant-product venue with `depthUSD`
/// on each side at the fair price, and a fee on the input.
public struct ExternalVenueSpec: Sendable, Equatable {
  public let depthUSD: Double
  public let feeRate: Double

  public init(depthUSD: Double, feeRate: Double) {
    self.depthUSD = depthUSD
    self.feeRate = feeRate
  }
}
