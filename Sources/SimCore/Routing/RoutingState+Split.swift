extension RoutingState {
  /// `quote(_:_:)` with the derivative of the marginal output (for two legs,
  /// `m2' * m1^2 + m2 * m1'`, the chain rule once more).
  @inline(__always)
  func curvedQuote(_ route: Route, _ amount: Double) -> CurvedQuote {
    let first = curvedQuote(route.first, amount)
    guard route.legs == 2 else { return first }
    return Self.chain(first, curvedQuote(route.second, first.received))
  }

  /// Two legs' quotes as one route's: `second` quoted at what `first` receives.
  @inline(__always)
  static func chain(_ first: CurvedQuote, _ second: CurvedQuote) -> CurvedQuote {
    CurvedQuote(
      received: second.received, marginal: first.marginal * second.marginal,
      curvature: second.curvature * first.marginal * first.marginal + second.marginal * first.curvature)
  }

  /// `quotedRoutes` and `split` in one, on copies of the pools and venues the
  /// routes use (the same numbers without the routes' indirection): the PMM
  /// route, the external route and the amount sent to the PMM route. Nil
  /// when the pair lacks a pool or a venue of the usual shapes (a hub pair's
  /// direct pool and venue; a spoke pair's hub pools and venues), or for an
  /// empty order: `order` then takes the general path.
  @inline(__always)
  func copiedSplit(from a: Int, to b: Int, amount: Double) -> (pmm: Route, external: Route, x: Double)? {
    guard amount > 0 else { return nil }
    let d = model.direct[a &* model.tokenCount &+ b]
    if a == model.hub || b == model.hub {
      let h = model.hubPool[a == model.hub ? b : a]
      guard d >= 0 && h >= 0 else { return nil }
      let pmm = RouteLeg(pool: d, external: false, baseIn: model.poolBase[d] == a)
      let external = RouteLeg(pool: h, external: true, baseIn: b == model.hub)
      let x = hubSplit(pool: d, baseIn: pmm.baseIn, venue: h, venueBaseIn: external.baseIn, amount: amount)
      return (Route(pmm), Route(external), x)
    }
    let ha = model.hubPool[a]
    let hb = model.hubPool[b]
    guard ha >= 0 && hb >= 0 else { return nil }
    let venueA = venues[ha]
    let venueB = venues[hb]
    let external = Route(
      RouteLeg(pool: ha, external: true, baseIn: true), RouteLeg(pool: hb, external: true, baseIn: false))
    func viaVenues(_ r: Double) -> CurvedQuote {
      let first = venueA.curvedQuote(selling: r, baseIn: true)
      return Self.chain(first, venueB.curvedQuote(selling: first.received, baseIn: false))
    }
    let poolA = pools[ha]
    let poolB = pools[hb]
    func viaHub(_ x: Double) -> CurvedQuote {
      let first = poolA.curvedQuote(selling: x, baseIn: true)
      return Self.chain(first, poolB.curvedQuote(selling: first.received, baseIn: false))
    }
    let twoHop = viaHub(amount)
    if d >= 0 {
      let direct = pools[d]
      let baseIn = model.poolBase[d] == a
      let whole = direct.curvedQuote(selling: amount, baseIn: baseIn)
      if !(twoHop.received > whole.received) {
        let x = Self.split(
          amount: amount, pmmAll: whole, pmmNone: { direct.curvedQuoteAtZero(baseIn: baseIn) },
          pmm: { direct.curvedQuote(selling: $0, baseIn: baseIn) }, external: viaVenues)
        return (Route(RouteLeg(pool: d, external: false, baseIn: baseIn)), external, x)
      }
    }
    let x = Self.split(
      amount: amount, pmmAll: twoHop, pmmNone: { viaHub(0) }, pmm: viaHub, external: viaVenues)
    return (
      Route(RouteLeg(pool: ha, external: false, baseIn: true), RouteLeg(pool: hb, external: false, baseIn: false)),
      external, x
    )
  }

  /// One leg's `CurvedQuote`.
  @inline(__always)
  func curvedQuote(_ leg: RouteLeg, _ amount: Double) -> CurvedQuote {
    leg.external
      ? venues[leg.pool].curvedQuote(selling: amount, baseIn: leg.baseIn)
      : pools[leg.pool].curvedQuote(selling: amount, baseIn: leg.baseIn)
  }

  /// `split` of an order between pool `d` (selling its base when `baseIn`)
  /// and venue `h`, on copies of the two: a hub pair's routes.
  @inline(__always)
  func hubSplit(pool d: Int, baseIn: Bool, venue h: Int, venueBaseIn: Bool, amount: Double) -> Double {
    let pool = pools[d]
    let venue = venues[h]
    return Self.split(
      amount: amount, pmmAll: pool.curvedQuote(selling: amount, baseIn: baseIn),
      pmmNone: { pool.curvedQuoteAtZero(baseIn: baseIn) },
      pmm: { pool.curvedQuote(selling: $0, baseIn: baseIn) },
      external: { venue.curvedQuote(selling: $0, baseIn: venueBaseIn) })
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
      amount: amount, pmmAll: pmmWhole ?? curvedQuote(pmm, amount), pmmNone: { curvedQuote(pmm, 0) },
      pmm: { curvedQuote(pmm, $0) }, external: { curvedQuote(external, $0) })
  }

  /// The split itself, given the two routes' quotes (`pmmAll`: the PMM
  /// route's for the whole amount; `pmmNone` makes its quote at 0).
  @inline(__always)
  static func split(
    amount: Double, pmmAll: CurvedQuote, pmmNone zero: () -> CurvedQuote,
    pmm: (Double) -> CurvedQuote, external: (Double) -> CurvedQuote
  ) -> Double {
    let externalNone = external(0)
    let atAll = pmmAll.marginal - externalNone.marginal
    if atAll >= 0 { return amount }
    let pmmNone = zero()
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
