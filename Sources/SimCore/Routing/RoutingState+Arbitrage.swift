extension RoutingState {
  /// Step 4 of section 2: arbitrage between pool `p` and its external venue
  /// until their prices agree within fees.
  ///
  /// If the pool pays more for base than the venue charges (marginal output
  /// selling base into the pool above the venue's marginal cost of base), the
  /// arbitrageur buys base on the venue and sells it to the pool; if the pool
  /// sells base cheaper than the venue buys it, the reverse. The size solves
  /// marginal profit = 0 (`BracketedRoot`, after widening a bracket), and the
  /// trade takes the bracket's lower end, where marginal profit is still
  /// positive. A trade whose profit is below `arbitrageMinProfitUSD` is not made.
  mutating func arbitrage(pool p: Int) {
    let pool = pools[p]
    let venue = venues[p]
    let usdPerQuote = tokens[model.poolQuote[p]].fair * hubUSD
    // Direction 1: buy base on the venue, sell it into the pool.
    let first = pool.quote(selling: 0, baseIn: true).marginal - venue.costToBuyBase(0).marginal
    if first > 0 {
      func slope(_ a: Double) -> Double {
        pool.quote(selling: a, baseIn: true).marginal - venue.costToBuyBase(a).marginal
      }
      var lo = 0.0
      var fLo = first
      var hi = 0.5 * venue.baseReserve
      var fHi = slope(hi)
      var steps = 0
      while fHi > 0 && steps < 60 {
        (lo, fLo) = (hi, fHi)
        hi = 0.5 * (hi + venue.baseReserve)
        fHi = slope(hi)
        steps += 1
      }
      guard fHi <= 0 else { return }
      lo =
        BracketedRoot.shrink(lo: lo, hi: hi, fLo: fLo, fHi: fHi, width: Self.tolerance * hi, slope)
        .lo
      guard lo > 0 else { return }
      let profit = pool.quote(selling: lo, baseIn: true).received - venue.costToBuyBase(lo).cost
      guard profit * usdPerQuote >= model.p.arbitrageMinProfitUSD else { return }
      venues[p].buyBase(lo)
      trade(RouteLeg(pool: p, external: false, baseIn: true), lo, arbitrage: true)
      return
    }
    // Direction 2: buy base from the pool with quote, sell it on the venue.
    let second =
      pool.quote(selling: 0, baseIn: false).marginal
      * venue.quote(selling: 0, baseIn: true).marginal - 1
    guard second > 0 else { return }
    func slope(_ q: Double) -> Double {
      let bought = pool.quote(selling: q, baseIn: false)
      return venue.quote(selling: bought.received, baseIn: true).marginal * bought.marginal - 1
    }
    var lo = 0.0
    var fLo = second
    var hi = 0.01 * pool.quoteReserve
    var fHi = slope(hi)
    var steps = 0
    while fHi > 0 && steps < 80 {
      (lo, fLo) = (hi, fHi)
      hi *= 2
      fHi = slope(hi)
      steps += 1
    }
    guard fHi <= 0 else { return }
    lo =
      BracketedRoot.shrink(lo: lo, hi: hi, fLo: fLo, fHi: fHi, width: Self.tolerance * hi, slope).lo
    guard lo > 0 else { return }
    let bought = pool.quote(selling: lo, baseIn: false).received
    let profit = venue.quote(selling: bought, baseIn: true).received - lo
    guard profit * usdPerQuote >= model.p.arbitrageMinProfitUSD else { return }
    let received = trade(RouteLeg(pool: p, external: false, baseIn: false), lo, arbitrage: true)
    venues[p].sell(received, baseIn: true)
  }
}
