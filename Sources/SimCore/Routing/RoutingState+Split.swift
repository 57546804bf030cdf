extension RoutingState {
  /// `quote(_:_:)` with the derivative of the marginal output (for two legs,
  /// `m2' * m1^2 + m2 * m1'`, the chain rule once more).
  @inline(__always)
  func curvedQuote(_ route: Route, _ amount: Double) -> CurvedQuote {
    let first = curvedQuote(route.first, amount)
    guard route.legs == 2 else { return first }
    let second = curvedQuote(route.second, first.received)
    return CurvedQuote(
      received: second.received, marginal: first.marginal * second.marginal,
      curvature: second.curvature * first.marginal * first.marginal + second.marginal * first.curvature)
  }

  /// One leg's `CurvedQuote`.
  @inline(__always)
  func curvedQuote(_ leg: RouteLeg, _ amount: Double) -> CurvedQuote {
    leg.external
      ? venues[leg.pool].curvedQuote(selling: amount, baseIn: leg.baseIn)
      : pools[leg.pool].curvedQuote(selling: amount, baseIn: leg.baseIn)
  }

  /// The amount of the order sent to the PMM route: the whole order when its
  /// marginal output at the full amount still beats the external route's
  /// first unit, none when the external route's marginal at the full amount
  /// beats the PMM's first unit, else the root of `f'(x) - g'(amount - x)`
  /// (decreasing in x, both outputs being concave) in `[0, amount]`, by
  /// Newton's method with the exact derivative `f''(x) + g''(amount - x)`,
  /// from the root of the cubic through the end points' values and
  /// derivatives, to `tolerance * amount` (`BracketedRoot.newton`).
  /// `pmmWhole` is the PMM route's quote for the whole amount when the caller has it.
  /// - Complexity: 3 quotes of each route, usually; 30 at worst.
  func split(_ pmm: Route, _ external: Route, amount: Double, pmmWhole: CurvedQuote? = nil) -> Double {
    if external.legs == 0 { return amount }
    if pmm.legs == 0 { return 0 }
    return Self.split(
      amount: amount, pmmAll: pmmWhole ?? curvedQuote(pmm, amount),
      pmm: { curvedQuote(pmm, $0) }, external: { curvedQuote(external, $0) })
  }

  /// `split` of an order between one pool (selling its base when `poolBaseIn`)
  /// and one venue: the same numbers, on copies of the two.
  @inline(__always)
  static func split(
    _ pool: PMMPool, _ poolBaseIn: Bool, _ venue: ExternalVenue, _ venueBaseIn: Bool,
    amount: Double
  ) -> Double {
    split(
      amount: amount, pmmAll: pool.curvedQuote(selling: amount, baseIn: poolBaseIn),
      pmm: { pool.curvedQuote(selling: $0, baseIn: poolBaseIn) },
      external: { venue.curvedQuote(selling: $0, baseIn: venueBaseIn) })
  }

  /// The split itself, given the two routes' quotes (`pmmAll`: the PMM
  /// route's for the whole amount).
  @inline(__always)
  static func split(
    amount: Double, pmmAll: CurvedQuote, pmm: (Double) -> CurvedQuote,
    external: (Double) -> CurvedQuote
  ) -> Double {
    let externalNone = external(0)
    let atAll = pmmAll.marginal - externalNone.marginal
    if atAll >= 0 { return amount }
    let pmmNone = pmm(0)
    let externalAll = external(amount)
    let atNone = pmmNone.marginal - externalAll.marginal
    if atNone <= 0 { return 0 }
    return BracketedRoot.newton(
      lo: 0, hi: amount, fLo: atNone, fHi: atAll,
      slopeLo: pmmNone.curvature + externalAll.curvature,
      slopeHi: pmmAll.curvature + externalNone.curvature, width: tolerance * amount
    ) {
      let p = pmm($0)
      let e = external(amount - $0)
      return (p.marginal - e.marginal, p.curvature + e.curvature)
    }
  }
}
