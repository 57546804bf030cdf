extension RoutingState {
  /// Step 4 of section 2: arbitrage between pool `p` and its external venue
  /// until their prices agree within fees.
  ///
  /// If the pool pays more for base than the venue charges (marginal output
  /// selling base into the pool above the venue's marginal cost of base), the
  /// arbitrageur buys base on the venue and sells it to the pool; if the pool
  /// sells base cheaper than the venue buys it, the reverse. The size solves
  /// marginal profit = 0 (`profitableSize`: Newton's method in a bracket), and
  /// the trade stops the root finder's width short of it, where marginal
  /// profit is still positive. A trade whose profit is below `arbitrageMinProfitUSD` is not made.
  mutating func arbitrage(pool p: Int) {
    let pool = pools[p]
    let venue = venues[p]
    let usdPerQuote = tokens[model.poolQuote[p]].fair * hubUSD
    // Direction 1: buy base on the venue, sell it into the pool.
    let sellZero = pool.curvedQuoteAtZero(baseIn: true)
    let buyZero = venue.costToBuyBase(0)
    let first = sellZero.marginal - buyZero.marginal
    if first > 0 {
      func slope(_ a: Double) -> (value: Double, slope: Double) {
        let sold = pool.curvedQuote(selling: a, baseIn: true)
        let bought = venue.costToBuyBase(a)
        return (
          sold.marginal - bought.marginal,
          sold.curvature - 2 * bought.marginal / (venue.baseReserve - a)
        )
      }
      let start = (first, sellZero.curvature - 2 * buyZero.marginal / venue.baseReserve)
      let reserve = venue.baseReserve
      guard
        let lo = Self.profitableSize(
          start: start, far: 0.5 * reserve, limit: reserve, widenings: 60, widen: { 0.5 * ($0 + reserve) },
          slope)
      else { return }
      let profit = pool.quote(selling: lo, baseIn: true).received - venue.costToBuyBase(lo).cost
      guard profit * usdPerQuote >= model.p.arbitrageMinProfitUSD else { return }
      venues[p].buyBase(lo)
      trade(RouteLeg(pool: p, external: false, baseIn: true), lo, arbitrage: true)
      return
    }
    // Direction 2: buy base from the pool with quote, sell it on the venue.
    let buyPool = pool.curvedQuoteAtZero(baseIn: false)
    let sellVenue = venue.curvedQuote(selling: 0, baseIn: true)
    let second = Self.chain(buyPool, sellVenue)
    guard second.marginal - 1 > 0 else { return }
    func slope(_ q: Double) -> (value: Double, slope: Double) {
      let bought = pool.curvedQuote(selling: q, baseIn: false)
      let round = Self.chain(bought, venue.curvedQuote(selling: bought.received, baseIn: true))
      return (round.marginal - 1, round.curvature)
    }
    let start = (second.marginal - 1, second.curvature)
    guard
      let lo = Self.profitableSize(
        start: start, far: 0.01 * pool.quoteReserve, limit: .infinity, widenings: 80, widen: { 2 * $0 },
        slope)
    else { return }
    let bought = pool.quote(selling: lo, baseIn: false).received
    let profit = venue.quote(selling: bought, baseIn: true).received - lo
    guard profit * usdPerQuote >= model.p.arbitrageMinProfitUSD else { return }
    let received = trade(RouteLeg(pool: p, external: false, baseIn: false), lo, arbitrage: true)
    venues[p].sell(received, baseIn: true)
  }

  /// The size at which an arbitrage's marginal profit `f` (decreasing, with
  /// `start` its value and derivative at 0, the value positive) falls to 0,
  /// less the root finder's width, so the last unit still pays; nil when no
  /// size up to a bracket's widening makes it fall to 0.
  ///
  /// The bracket's upper end is Newton's step from 0 when that is below
  /// `limit` and the profit there is no longer positive (it is, for the
  /// concave profits here); otherwise the bracket widens from `far` (or from
  /// the step, if that is further and still profitable) by `widen`, at most
  /// `widenings` times. Then `BracketedRoot.newton`.
  @inline(__always)
  static func profitableSize(
    start: (value: Double, slope: Double), far: Double, limit: Double, widenings: Int,
    widen: (Double) -> Double, _ f: (Double) -> (value: Double, slope: Double)
  ) -> Double? {
    var lo = 0.0
    var fLo = start
    var hi = -start.value / start.slope
    var fHi = hi > 0 && hi < limit ? f(hi) : (value: Double.nan, slope: Double.nan)
    if !(fHi.value <= 0) {
      if fHi.value > 0 { (lo, fLo) = (hi, fHi) }
      hi = lo < far ? far : widen(lo)
      fHi = f(hi)
      var steps = 0
      while fHi.value > 0 && steps < widenings {
        (lo, fLo) = (hi, fHi)
        hi = widen(hi)
        fHi = f(hi)
        steps += 1
      }
      guard fHi.value <= 0 else { return nil }
    }
    let width = tolerance * hi
    let x = BracketedRoot.newton(
      lo: lo, hi: hi, fLo: fLo.value, fHi: fHi.value, slopeLo: fLo.slope, slopeHi: fHi.slope,
      width: width, f)
    let size = max(lo, x - width)
    return size > 0 ? size : nil
  }
}
