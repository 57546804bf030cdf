import Testing

@testable import CapscriptIO
@testable import SimCore

/// The routing step's pieces: exact marginal quotes, the optimal split, route
/// choice, arbitrage and intervention.
@Suite struct RoutingMathTests {
  static func close(_ a: Double, _ b: Double, rel: Double) -> Bool {
    abs(a - b) <= rel * max(abs(a), abs(b))
  }

  static func pool(k: Double, state: PMMRState) throws -> PMMPool {
    var p = try PMMPool(
      baseReserve: 1000, quoteReserve: 1250, guidePrice: 1.25, k: k, lpFeeRate: 0.003,
      maintainerFeeRate: 0.001)
    switch state {
    case .one: break
    case .aboveOne: p.sellQuote(300)
    case .belowOne: p.sellBase(300)
    }
    return p
  }

  @Test(arguments: [0.0, 0.001, 0.1, 0.5, 1.0], [PMMRState.one, .aboveOne, .belowOne])
  func quoteReceivesExactlyWhatTheTradeWould(k: Double, state: PMMRState) throws {
    let p = try Self.pool(k: k, state: state)
    for amount in [0.0, 1e-6, 0.5, 37, 150, 299.9, 300, 450, 2000] {
      #expect(p.quote(selling: amount, baseIn: true).received == p.querySellBase(amount).received)
      #expect(p.quote(selling: amount, baseIn: false).received == p.querySellQuote(amount).received)
    }
  }

  @Test(arguments: [0.001, 0.1, 0.5, 1.0], [PMMRState.one, .aboveOne, .belowOne])
  func marginalOutputIsTheDerivativeOfWhatIsReceived(k: Double, state: PMMRState) throws {
    let p = try Self.pool(k: k, state: state)
    // Amounts on both sides of a crossing (the back-to-one point is near 230-300).
    for amount in [1.0, 37, 150, 450, 2000] {
      for baseIn in [true, false] {
        let h = amount * 1e-5
        let up = p.quote(selling: amount + h, baseIn: baseIn).received
        let down = p.quote(selling: amount - h, baseIn: baseIn).received
        let numeric = (up - down) / (2 * h)
        #expect(
          Self.close(p.quote(selling: amount, baseIn: baseIn).marginal, numeric, rel: 1e-6),
          "amount \(amount) baseIn \(baseIn)")
      }
    }
  }

  @Test func externalVenueMarginalsAreDerivatives() {
    let v = ExternalVenue(baseReserve: 2_000, quoteReserve: 6_000_000, feeRate: 0.003)
    for amount in [1.0, 50, 400] {
      let h = amount * 1e-5
      let sell =
        (v.quote(selling: amount + h, baseIn: true).received
          - v.quote(selling: amount - h, baseIn: true).received) / (2 * h)
      #expect(Self.close(v.quote(selling: amount, baseIn: true).marginal, sell, rel: 1e-7))
      let buy = (v.costToBuyBase(amount + h).cost - v.costToBuyBase(amount - h).cost) / (2 * h)
      #expect(Self.close(v.costToBuyBase(amount).marginal, buy, rel: 1e-7))
    }
    // Buying base then selling it back never gains (fees both ways).
    var w = v
    let paid = w.buyBase(100)
    #expect(w.sell(100, baseIn: true) < paid)
  }

  /// A hub with two spokes: PMM fees above the venue's, so mid-sized orders split.
  static func splitState() throws -> RoutingState {
    let d = try RoutingFixture.deployment(pools: [
      RoutingFixture.hubPool(
        "A", depth: 1_000_000, k: 0.02, lpBps: 8, externalDepth: 3_000_000, externalBps: 2),
      RoutingFixture.hubPool(
        "B", depth: 1_000_000, k: 0.02, lpBps: 8, externalDepth: 3_000_000, externalBps: 2),
    ])
    return RoutingFixture.state(try RoutingFixture.scenario(d))
  }

  @Test(arguments: [20_000.0, 150_000, 600_000])
  func splitEqualisesMarginalOutputsAndNoShiftPaysMore(amount: Double) throws {
    let s = try Self.splitState()
    for (a, b) in [(1, 0), (0, 1), (1, 2)] {
      let (pmm, external) = s.routes(from: a, to: b, amount: amount)
      let x = s.split(pmm, external, amount: amount)
      #expect(x > 0 && x < amount, "interior split expected for \(a)->\(b)")
      let f = s.quote(pmm, x).marginal
      let g = s.quote(external, amount - x).marginal
      #expect(Self.close(f, g, rel: 1e-7), "marginal outputs \(f) vs \(g)")
      func total(_ y: Double) -> Double {
        s.quote(pmm, y).received + s.quote(external, amount - y).received
      }
      for shift in [-0.01, -1e-4, 1e-4, 0.01] {
        #expect(total(x) >= total(x + shift * amount), "moving \(shift) of the order pays more")
      }
    }
  }

  @Test func smallOrdersGoWhollyToTheCheaperRoute() throws {
    // The PMM is flat (k = 0.001) and cheaper than the venue: a small order goes all to the pool.
    let cheap = try RoutingFixture.deployment(pools: [
      RoutingFixture.hubPool("A", k: 0.001, lpBps: 1, mtBps: 0, externalBps: 30)
    ])
    let s = RoutingFixture.state(try RoutingFixture.scenario(cheap))
    let (pmm, external) = s.routes(from: 1, to: 0, amount: 1000)
    #expect(s.split(pmm, external, amount: 1000) == 1000)
    // The pool charges 50 bps, the venue 1 bp: all to the venue.
    let dear = try RoutingFixture.deployment(pools: [
      RoutingFixture.hubPool("A", lpBps: 40, mtBps: 10, externalBps: 1)
    ])
    let t = RoutingFixture.state(try RoutingFixture.scenario(dear))
    let routes = t.routes(from: 0, to: 1, amount: 1000)
    #expect(t.split(routes.pmm, routes.external, amount: 1000) == 0)
  }

  @Test func twoHopThroughTheHubBeatsAShallowDirectPoolAndLosesToADeepOne() throws {
    func state(directDepth: Double, directBps: Double) throws -> RoutingState {
      let direct =
        #"{"id": "A/B", "base": "A", "quote": "B", "status": "deployed", "baseReserve": \#(directDepth), "quoteReserve": \#(directDepth), "oraclePrice": 1, "k": 0.05, "lpFeeBps": \#(directBps), "maintainerFeeBps": 0}"#
      let d = try RoutingFixture.deployment(pools: [
        RoutingFixture.hubPool("A", depth: 5_000_000, k: 0.005, lpBps: 2),
        RoutingFixture.hubPool("B", depth: 5_000_000, k: 0.005, lpBps: 2),
        direct,
      ])
      return RoutingFixture.state(try RoutingFixture.scenario(d))
    }
    let shallow = try state(directDepth: 20_000, directBps: 5)
    let viaHub = shallow.routes(from: 1, to: 2, amount: 50_000).pmm
    #expect(viaHub.legs == 2 && viaHub.first.pool == 0 && viaHub.second.pool == 1)
    let deep = try state(directDepth: 5_000_000, directBps: 1)
    let direct = deep.routes(from: 1, to: 2, amount: 50_000).pmm
    #expect(direct.legs == 1 && direct.first.pool == 2 && direct.first.baseIn)
    // The chosen route pays more than the other for the whole order.
    let twoHop = Route(
      RouteLeg(pool: 0, external: false, baseIn: true),
      RouteLeg(pool: 1, external: false, baseIn: false))
    #expect(deep.quote(direct, 50_000).received > deep.quote(twoHop, 50_000).received)
    #expect(
      shallow.quote(viaHub, 50_000).received
        > shallow.quote(Route(RouteLeg(pool: 2, external: false, baseIn: true)), 50_000).received)
  }

  @Test(arguments: [0.985, 1.015])
  func arbitrageBringsPoolAndVenueWithinFees(venuePrice: Double) throws {
    let d = try RoutingFixture.deployment(pools: [
      RoutingFixture.hubPool("A", k: 0.05, lpBps: 5, mtBps: 1, externalBps: 3)
    ])
    var s = RoutingFixture.state(
      try RoutingFixture.scenario(d, extra: ["arbitrage": .object(["minProfitUSD": .number(0)])]))
    s.venues[0].recentre(price: venuePrice, depth: 2_000_000)
    let before = s.pools[0].baseReserve
    s.arbitrage(pool: 0)
    #expect(s.pools[0].baseReserve != before)
    #expect(s.stats[PoolStat.arbitrageVolume.at(0)] > 0)
    // No direction is profitable any more: the prices agree within fees.
    let sellToPool = s.pools[0].quote(selling: 0, baseIn: true).marginal
    let buyFromVenue = s.venues[0].costToBuyBase(0).marginal
    #expect(sellToPool <= buyFromVenue * (1 + 1e-7))
    let buyFromPool = s.pools[0].quote(selling: 0, baseIn: false).marginal
    let sellToVenue = s.venues[0].quote(selling: 0, baseIn: true).marginal
    #expect(buyFromPool * sellToVenue <= 1 + 1e-7)
    // And it was the arbitrage that closed the gap: the pool's price moved toward the venue's.
    #expect(abs(s.pools[0].marginalPrice - venuePrice) < abs(1 - venuePrice))
  }

  @Test func interventionRestoresRToOneAndChargesAtMarkPlusGas() throws {
    let d = try RoutingFixture.deployment(pools: [RoutingFixture.hubPool("A", k: 0.05)])
    var s = RoutingFixture.state(
      try RoutingFixture.scenario(
        d, extra: ["intervention": .object(["band": .number(0.003), "gasUSD": .number(25)])]))
    s.pools[0].sellBase(200_000)
    let expected = s.pools[0].backToOne!.cost(atPrice: 1) + 25
    #expect(abs(s.pools[0].rFactor - 1) > 0.003)
    s.measureAndIntervene(epoch: 0)
    #expect(s.pools[0].rState == .one)
    #expect(s.stats[PoolStat.interventions.at(0)] == 1)
    #expect(Self.close(s.stats[PoolStat.interventionCost.at(0)], expected, rel: 1e-12))
    #expect(s.stats[PoolStat.worstDeviation.at(0)] > 0.003)
  }

  @Test func poissonCountsHaveTheirMean() {
    var sum = 0
    let n = 20_000
    for j in 0..<n { sum += RoutingModel.poisson(mean: 24, (Double(j) + 0.5) / Double(n)) }
    #expect(abs(Double(sum) / Double(n) - 24) < 0.01)
    #expect(RoutingModel.poisson(mean: 0, 0.7) == 0)
  }
}
