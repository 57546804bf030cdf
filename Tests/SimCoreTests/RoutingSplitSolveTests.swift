import Testing

@testable import CapscriptIO
@testable import SimCore

/// The split's Newton solve: the exact curvatures it uses, checked against
/// finite differences, and the split it finds, checked against plain bisection.
@Suite struct RoutingSplitSolveTests {
  static func close(_ a: Double, _ b: Double, rel: Double) -> Bool {
    abs(a - b) <= rel * max(abs(a), abs(b))
  }

  /// The central difference of `f` at `x` with step `h`.
  static func derivative(_ x: Double, _ h: Double, _ f: (Double) -> Double) -> Double {
    (f(x + h) - f(x - h)) / (2 * h)
  }

  @Test(arguments: [0.0, 0.001, 0.1, 0.5, 1.0], [PMMRState.one, .aboveOne, .belowOne])
  func poolCurvatureIsTheDerivativeOfTheMarginal(k: Double, state: PMMRState) throws {
    let p = try RoutingMathTests.pool(k: k, state: state)
    // Clear of the back-to-one points (about 230-300), where the curvature jumps.
    for amount in [1.0, 37, 150, 450, 2000] {
      for baseIn in [true, false] {
        let q = p.curvedQuote(selling: amount, baseIn: baseIn)
        let plain = p.quote(selling: amount, baseIn: baseIn)
        #expect(q.received == plain.received && q.marginal == plain.marginal)
        #expect(p.curvedQuoteAtZero(baseIn: baseIn) == p.curvedQuote(selling: 0, baseIn: baseIn))
        let numeric = Self.derivative(amount, amount * 1e-4) {
          p.quote(selling: $0, baseIn: baseIn).marginal
        }
        if k == 0 {
          #expect(q.curvature == 0)
        } else {
          #expect(q.curvature < 0, "outputs are concave")
          #expect(
            Self.close(q.curvature, numeric, rel: 1e-4),
            "k \(k) \(state) amount \(amount) baseIn \(baseIn): \(q.curvature) vs \(numeric)")
        }
      }
    }
  }

  @Test func venueAndTwoLegCurvaturesAreDerivativesOfTheMarginals() throws {
    let v = ExternalVenue(baseReserve: 2_000, quoteReserve: 6_000_000, feeRate: 0.003)
    for amount in [1.0, 50, 400] {
      for baseIn in [true, false] {
        let size = baseIn ? amount : amount * 3_000
        let q = v.curvedQuote(selling: size, baseIn: baseIn)
        #expect(q.marginal == v.quote(selling: size, baseIn: baseIn).marginal)
        let numeric = Self.derivative(size, size * 1e-4) {
          v.quote(selling: $0, baseIn: baseIn).marginal
        }
        #expect(Self.close(q.curvature, numeric, rel: 1e-5), "\(q.curvature) vs \(numeric)")
      }
    }
    // Two hops through the hub, PMM and external, with the first pool off R = 1.
    var s = try RoutingMathTests.splitState()
    s.pools[0].sellBase(80_000)
    for external in [false, true] {
      let route = Route(
        RouteLeg(pool: 0, external: external, baseIn: true),
        RouteLeg(pool: 1, external: external, baseIn: false))
      for amount in [5_000.0, 60_000, 300_000] {
        let q = s.curvedQuote(route, amount)
        #expect(q.marginal == s.quote(route, amount).marginal)
        let numeric = Self.derivative(amount, amount * 1e-4) { s.quote(route, $0).marginal }
        #expect(Self.close(q.curvature, numeric, rel: 1e-4), "\(q.curvature) vs \(numeric)")
      }
    }
  }

  /// The split by plain bisection of `f'(x) - g'(amount - x)` to a width of
  /// 1e-13 of the order: an independent reference for `split`.
  static func bisectedSplit(_ s: RoutingState, _ pmm: Route, _ external: Route, _ amount: Double)
    -> Double
  {
    func f(_ x: Double) -> Double {
      s.quote(pmm, x).marginal - s.quote(external, amount - x).marginal
    }
    if f(amount) >= 0 { return amount }
    if f(0) <= 0 { return 0 }
    var lo = 0.0
    var hi = amount
    while hi - lo > 1e-13 * amount {
      let mid = 0.5 * (lo + hi)
      if f(mid) > 0 { lo = mid } else { hi = mid }
    }
    return 0.5 * (lo + hi)
  }

  @Test(arguments: [0.0, -120_000, 90_000])
  func splitAgreesWithBisectionToTheTolerance(poolTrade: Double) throws {
    var s = try RoutingMathTests.splitState()
    // Pools at R = 1, base short (the order's crossing of the back-to-one
    // point is inside the bracket) and quote short.
    if poolTrade > 0 { s.pools[0].sellBase(poolTrade) }
    if poolTrade < 0 { s.pools[0].sellQuote(-poolTrade) }
    var interior = 0
    for amount in [3_000.0, 20_000, 75_000, 150_000, 600_000, 2_000_000] {
      for (a, b) in [(1, 0), (0, 1), (1, 2), (2, 1)] {
        let (pmm, external) = s.routes(from: a, to: b, amount: amount)
        let x = s.split(pmm, external, amount: amount)
        let reference = Self.bisectedSplit(s, pmm, external, amount)
        #expect(
          abs(x - reference) <= RoutingState.tolerance * amount,
          "\(a)->\(b) amount \(amount): \(x) vs bisection \(reference)")
        if x > 0 && x < amount { interior += 1 }
      }
    }
    #expect(interior >= 12, "most orders split")
  }

  /// Hub pools A and B (with venues) and a direct A/B pool of `directDepth`.
  static func spokeState(directDepth: Double) throws -> RoutingState {
    let direct =
      #"{"id": "A/B", "base": "A", "quote": "B", "status": "deployed", "baseReserve": \#(directDepth), "quoteReserve": \#(directDepth), "oraclePrice": 1, "k": 0.05, "lpFeeBps": 2, "maintainerFeeBps": 0}"#
    let d = try RoutingFixture.deployment(pools: [
      RoutingFixture.hubPool("A", depth: 2_000_000, k: 0.01, lpBps: 4, externalBps: 3),
      RoutingFixture.hubPool("B", depth: 2_000_000, k: 0.01, lpBps: 4, externalBps: 3),
      direct,
    ])
    var s = RoutingFixture.state(try RoutingFixture.scenario(d))
    s.pools[0].sellBase(80_000)
    return s
  }

  @Test(arguments: [0.0, 30_000, 5_000_000])
  func ordersSplitAsTheGenericRoutesDo(directDepth: Double) throws {
    // No direct pool (the hub pairs and the two hops), a shallow one (the
    // two hops win) and a deep one (the direct pool wins).
    var s = try directDepth == 0 ? RoutingMathTests.splitState() : Self.spokeState(directDepth: directDepth)
    if directDepth == 0 { s.pools[0].sellBase(80_000) }
    for (a, b) in [(1, 0), (0, 1), (2, 0), (0, 2), (1, 2), (2, 1)] {
      for amount in [3_000.0, 75_000, 600_000] {
        var fast = s
        fast.order(from: a, to: b, amount: amount, usd: amount)
        var slow = s
        let (pmm, external) = slow.routes(from: a, to: b, amount: amount)
        #expect(s.copiedSplit(from: a, to: b, amount: amount)?.pmm == pmm)
        let x = slow.split(pmm, external, amount: amount)
        if x > 0 {
          let out = slow.trade(pmm.first, x, arbitrage: false)
          if pmm.legs == 2 { slow.trade(pmm.second, out, arbitrage: false) }
        }
        if amount - x > 0 {
          let out = slow.trade(external.first, amount - x, arbitrage: false)
          if external.legs == 2 { slow.trade(external.second, out, arbitrage: false) }
        }
        #expect(fast.pools == slow.pools && fast.venues == slow.venues, "\(a)->\(b) \(amount)")
        #expect(fast.stats[PoolStat.orderVolume.at(pmm.first.pool)] > 0 || x == 0)
      }
    }
  }

  @Test func newtonFindsTheRootOfACurvedFunctionAndSurvivesABadDerivative() {
    // f(x) = 1 - x - 0.3 x^2 on [0, 2]: root (sqrt(2.2) - 1) / 0.6. From the
    // cubic's first guess (0.8125, 0.007 off) Newton converges quadratically.
    let root = ((2.2).squareRoot() - 1) / 0.6
    var calls = 0
    let x = BracketedRoot.newton(
      lo: 0, hi: 2, fLo: 1, fHi: -2.2, slopeLo: -1, slopeHi: -2.2, width: 1e-12
    ) {
      calls += 1
      return (1 - $0 - 0.3 * $0 * $0, -1 - 0.6 * $0)
    }
    #expect(abs(x - root) <= 1e-12)
    #expect(calls <= 4)
    // A derivative of 0 sends every step out of the bracket: it bisects, and still converges.
    var bisections = 0
    let y = BracketedRoot.newton(
      lo: 0, hi: 2, fLo: 1, fHi: -2.2, slopeLo: 0, slopeHi: 0, width: 1e-9
    ) {
      bisections += 1
      return (1 - $0 - 0.3 * $0 * $0, 0)
    }
    #expect(abs(y - root) <= 1e-9)
    #expect(bisections > 20)
    // A kink: slope -1 left of 0.7, -5 right of it.
    let kinked = BracketedRoot.newton(
      lo: 0, hi: 2, fLo: 0.9, fHi: -6.3, slopeLo: -1, slopeHi: -5, width: 1e-12
    ) {
      $0 < 0.7 ? (0.9 - $0, -1) : (0.2 - 5 * ($0 - 0.7), -5)
    }
    #expect(abs(kinked - 0.74) <= 1e-12)
  }
}
