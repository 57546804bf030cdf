import Foundation

extension RoutingState {
  /// Step 2 of section 2: a Poisson number of orders, each a pair drawn by
  /// weight, a direction (hub pairs lean by the flow imbalance; a halted
  /// bridge's token is always sold) and a lognormal USD size, then routed.
  /// Draws, after the oracle's: one uniform for the count, then per order a
  /// uniform for the pair, one for the direction and a normal for the size.
  mutating func orderFlow(epoch t: Int, imbalance: Double, words: inout WordStream) {
    guard !model.pairA.isEmpty else { return }
    let count = RoutingModel.poisson(mean: model.p.ordersPerEpoch, words.uniform())
    let buyHub = min(1, max(0, 0.5 * (1 + imbalance)))
    let sigma = model.p.orderSizeVol
    for _ in 0..<count {
      let k = model.pair(at: words.uniform())
      let direction = words.uniform()
      let z = model.zig.normal(&words)
      var a = model.pairA[k]
      var b = model.pairB[k]
      if a == model.hub || b == model.hub {
        let other = a == model.hub ? b : a
        (a, b) = direction < buyHub ? (other, model.hub) : (model.hub, other)
      } else if direction < 0.5 {
        swap(&a, &b)
      }
      if t < tokens[b].haltUntil && t >= tokens[a].haltUntil { swap(&a, &b) }
      let size = model.p.meanOrderUSD * exp(sigma * z - 0.5 * sigma * sigma)
      order(from: a, to: b, amount: size / (tokens[a].fair * hubUSD), usd: size)
    }
  }

  /// The bridge halt's exit flow: each halted token with a hub pool is sold
  /// for the hub, `exitShare` of its pool's initial depth per epoch. It draws
  /// nothing, so a halt leaves every random draw of the run unchanged (common
  /// random numbers against the same run without the shock).
  mutating func bridgeExits(epoch t: Int) {
    for token in 0..<model.tokenCount
    where t < tokens[token].haltUntil && tokens[token].haltExit > 0 {
      let p = model.hubPool[token]
      guard p >= 0 else { continue }
      let size = tokens[token].haltExit * model.poolDepthUSD[p]
      order(from: token, to: model.hub, amount: size / (tokens[token].fair * hubUSD), usd: size)
    }
  }

  /// Step 3 of section 2: fills one order of `amount` token `a` (worth `usd`)
  /// for token `b`. The best PMM route (the direct pool or two hops through
  /// the hub, whichever pays more for the whole order) and the external route
  /// share the order so that their marginal outputs are equal.
  mutating func order(from a: Int, to b: Int, amount: Double, usd: Double) {
    if amount > 0 && (a == model.hub || b == model.hub) {
      // A hub pair: its pool and its venue (`copiedSplit`'s first case), traded directly.
      let d = model.direct[a &* model.tokenCount &+ b]
      let h = model.hubPool[a == model.hub ? b : a]
      if d >= 0 && h >= 0 {
        let baseIn = model.poolBase[d] == a
        let venueBaseIn = b == model.hub
        let x = hubSplit(pool: d, baseIn: baseIn, venue: h, venueBaseIn: venueBaseIn, amount: amount)
        if x > 0 { tradePool(d, baseIn: baseIn, x, arbitrage: false) }
        let rest = amount - x
        if rest > 0 { tradeVenue(h, baseIn: venueBaseIn, rest, arbitrage: false) }
        stats[totalsBase &+ RoutingTotal.pmmVolume.rawValue] += usd * (x / amount)
        stats[totalsBase &+ RoutingTotal.externalVolume.rawValue] += usd * (rest / amount)
        return
      }
    }
    let pmm: Route
    let external: Route
    let x: Double
    if let routed = copiedSplit(from: a, to: b, amount: amount) {
      (pmm, external, x) = routed
    } else {
      let (p, e, whole) = quotedRoutes(from: a, to: b, amount: amount)
      guard p.legs > 0 || e.legs > 0, amount > 0 else {
        stats[totalsBase &+ RoutingTotal.unroutedVolume.rawValue] += usd
        return
      }
      (pmm, external) = (p, e)
      x = split(pmm, external, amount: amount, pmmWhole: whole)
    }
    if x > 0 {
      let out = trade(pmm.first, x, arbitrage: false)
      if pmm.legs == 2 { trade(pmm.second, out, arbitrage: false) }
    }
    let rest = amount - x
    if rest > 0 {
      let out = trade(external.first, rest, arbitrage: false)
      if external.legs == 2 { trade(external.second, out, arbitrage: false) }
    }
    stats[totalsBase &+ RoutingTotal.pmmVolume.rawValue] += usd * (x / amount)
    stats[totalsBase &+ RoutingTotal.externalVolume.rawValue] += usd * (rest / amount)
  }

  /// The best PMM route for the whole `amount` and the external route, from a to b.
  func routes(from a: Int, to b: Int, amount: Double) -> (pmm: Route, external: Route) {
    let r = quotedRoutes(from: a, to: b, amount: amount)
    return (r.pmm, r.external)
  }

  /// `routes`, with the PMM route's quote for the whole amount (made while
  /// choosing it; nil without a PMM route), which `split` then need not repeat.
  func quotedRoutes(from a: Int, to b: Int, amount: Double) -> (pmm: Route, external: Route, whole: CurvedQuote?) {
    var pmm = Route.none
    var whole: CurvedQuote?
    let d = model.direct[a &* model.tokenCount &+ b]
    if d >= 0 {
      pmm = Route(RouteLeg(pool: d, external: false, baseIn: model.poolBase[d] == a))
      whole = curvedQuote(pmm, amount)
    }
    let ha = model.hubPool[a]
    let hb = model.hubPool[b]
    if a != model.hub && b != model.hub && ha >= 0 && hb >= 0 {
      let twoHop = Route(
        RouteLeg(pool: ha, external: false, baseIn: true),
        RouteLeg(pool: hb, external: false, baseIn: false))
      let q = curvedQuote(twoHop, amount)
      if q.received > (whole?.received ?? -Double.infinity) {
        pmm = twoHop
        whole = q
      }
    }
    var external = Route.none
    if a == model.hub {
      if hb >= 0 { external = Route(RouteLeg(pool: hb, external: true, baseIn: false)) }
    } else if b == model.hub {
      if ha >= 0 { external = Route(RouteLeg(pool: ha, external: true, baseIn: true)) }
    } else if ha >= 0 && hb >= 0 {
      external = Route(
        RouteLeg(pool: ha, external: true, baseIn: true),
        RouteLeg(pool: hb, external: true, baseIn: false))
    }
    return (pmm, external, whole)
  }

  /// What one leg would pay for `amount`, and its marginal output.
  @inline(__always)
  func quote(_ leg: RouteLeg, _ amount: Double) -> PMMQuote {
    leg.external
      ? venues[leg.pool].quote(selling: amount, baseIn: leg.baseIn)
      : pools[leg.pool].quote(selling: amount, baseIn: leg.baseIn)
  }

  /// What a route would pay for `amount`; the marginal output of two legs is
  /// the product of theirs (chain rule).
  @inline(__always)
  func quote(_ route: Route, _ amount: Double) -> PMMQuote {
    let first = quote(route.first, amount)
    guard route.legs == 2 else { return first }
    let second = quote(route.second, first.received)
    return PMMQuote(received: second.received, marginal: first.marginal * second.marginal)
  }

  /// Makes one leg's trade and books it: pool legs to the pool's volume, fees,
  /// inventory turnover and (for order flow) the hub flow; venue legs to the
  /// pair's external volume. Returns what the leg paid.
  @discardableResult
  @inline(__always)
  mutating func trade(_ leg: RouteLeg, _ amount: Double, arbitrage: Bool) -> Double {
    leg.external
      ? tradeVenue(leg.pool, baseIn: leg.baseIn, amount, arbitrage: arbitrage)
      : tradePool(leg.pool, baseIn: leg.baseIn, amount, arbitrage: arbitrage)
  }

  /// `trade` on the venue of pool `p`.
  @discardableResult
  @inline(__always)
  mutating func tradeVenue(_ p: Int, baseIn: Bool, _ amount: Double, arbitrage: Bool) -> Double {
    if !arbitrage {
      let input = baseIn ? model.poolBase[p] : model.poolQuote[p]
      stats[PoolStat.externalVolume.at(p)] += amount * tokens[input].fair * hubUSD
    }
    return venues[p].sell(amount, baseIn: baseIn)
  }

  /// `trade` on pool `p`.
  @discardableResult
  mutating func tradePool(_ p: Int, baseIn: Bool, _ amount: Double, arbitrage: Bool) -> Double {
    let input = baseIn ? model.poolBase[p] : model.poolQuote[p]
    let output = baseIn ? model.poolQuote[p] : model.poolBase[p]
    let usdIn = amount * tokens[input].fair * hubUSD
    let before = pools[p].baseReserve
    let t = pools[p].sell(amount, baseIn: baseIn)
    let turnover = abs(pools[p].baseReserve - before)
    let fee = (t.lpFee + t.maintainerFee) * tokens[output].fair * hubUSD
    let totals = totalsBase
    stats.withUnsafeMutableBufferPointer { s in
      s[(arbitrage ? PoolStat.arbitrageVolume : .orderVolume).at(p)] += usdIn
      s[PoolStat.feeIncome.at(p)] += fee
      s[PoolStat.baseTurnover.at(p)] += turnover
      if arbitrage { s[totals &+ RoutingTotal.arbitrageVolume.rawValue] += usdIn }
    }
    epoch.feeIncomeUSD += fee
    if !arbitrage {
      if input == model.hub { hubIn += amount }
      if output == model.hub { hubOut += t.received }
    }
    return t.received
  }
}
