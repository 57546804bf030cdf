/// One token's prices and shock state on the current path.
struct TokenState {
  /// Outside-market price in USD.
  var usd: Double
  /// Mark in hub tokens: the outside price over the hub's, less a halted bridge's discount.
  var fair: Double
  /// Relative deviation of a stable from its peg (mean-reverting noise).
  var noise = 0.0
  var haltUntil = 0
  var haltDepth = 1.0
  var haltDiscount = 0.0
  var haltExit = 0.0
  var depegUntil = 0
  var depegPrice: Double
  /// Halted bridged tokens the treasury received in interventions, held
  /// until the halt ends (token units).
  var locked = 0.0

  init(priceUSD: Double) {
    usd = priceUSD
    fair = priceUSD
    depegPrice = priceUSD
  }
}
