import Testing

@testable import CapscriptIO
@testable import SimCore

/// PMM edge cases a property test over random pools found (issue 13, item 5):
/// an emptied flat pool, quotes at a guide price that is not a power of two,
/// and a subnormal `k`.
@Suite struct PMMEdgeCaseTests {
  /// A flat pool (k = 0, no fees) whose base side was bought out to exactly 0.
  static func emptiedFlatPool() throws -> PMMPool {
    var p = try PMMPool(baseReserve: 1e6, quoteReserve: 1e6, guidePrice: 1, k: 0)
    p.sellQuote(2e6)
    return p
  }

  @Test func anEmptiedFlatPoolStillQuotesItsFlatPrice() throws {
    let p = try Self.emptiedFlatPool()
    #expect(p.baseReserve == 0)
    #expect(p.rState == .aboveOne)
    // Selling base back into it pays i per base: the curve is flat (was 0 x inf = NaN).
    let q = p.quote(selling: 0, baseIn: true)
    #expect(q.marginal == 1)
    #expect(p.quote(selling: 10, baseIn: true).marginal == 1)
    #expect(p.quote(selling: 10, baseIn: true).received == 10)
  }

  @Test func arbitrageRefillsAFlatPoolWhoseBaseSideIsEmpty() throws {
    // A flat, fee-free hub pool drained of base; the venue sells base at 0.99, the pool buys it at 1.
    let d = try RoutingFixture.deployment(pools: [
      RoutingFixture.hubPool("A", depth: 1_000_000, k: 0, lpBps: 0, mtBps: 0, externalBps: 3)
    ])
    var s = RoutingFixture.state(
      try RoutingFixture.scenario(d, extra: ["arbitrage": .object(["minProfitUSD": .number(0)])]))
    s.pools[0].sellQuote(2e6)
    #expect(s.pools[0].baseReserve == 0)
    s.venues[0].recentre(price: 0.99, depth: 2_000_000)
    s.arbitrage(pool: 0)
    #expect(s.stats[PoolStat.arbitrageVolume.at(0)] > 0)
    #expect(s.pools[0].baseReserve > 0)
  }

  @Test(arguments: [0.0, 0.001, 0.1, 1.0], [0.3, 1.1, 3.7, 7e-6, 123_456.789])
  func quoteReceivesBitForBitWhatTheTradeWouldAtAnyGuidePrice(k: Double, i: Double) throws {
    let p = try PMMPool(
      baseReserve: 1000 / i, quoteReserve: 1000, guidePrice: i, k: k, lpFeeRate: 0.003, maintainerFeeRate: 0.001)
    // At equilibrium, base short (quote sold in), quote short (base sold in).
    for move in [0.0, 300, -300] {
      var q = p
      if move > 0 { q.sellQuote(move) } else if move < 0 { q.sellBase(-move / i) }
      for amount in [1e-6, 0.37, 3.3, 37, 149.9, 299.99, 301, 777.7, 2000] {
        let quoteIn = amount
        let baseIn = amount / i
        #expect(q.quote(selling: quoteIn, baseIn: false).received == q.querySellQuote(quoteIn).received)
        #expect(q.quote(selling: baseIn, baseIn: true).received == q.querySellBase(baseIn).received)
      }
    }
  }

  @Test(arguments: [Double.leastNonzeroMagnitude, 1e-300, 1e-13, 0.999e-12, -1e-9, 1.0000001, .nan])
  func aCurveParameterOutsideZeroOrTheMinimumToOneIsRejected(k: Double) {
    #expect(throws: ConfigError.self) {
      try PMMPool(baseReserve: 1e6, quoteReserve: 1e6, guidePrice: 1e-5, k: k)
    }
  }

  @Test(arguments: [0, PMMPool.minimumK, 0.5, 1])
  func zeroAndTheMinimumToOneAreAccepted(k: Double) throws {
    _ = try PMMPool(baseReserve: 1e6, quoteReserve: 1e6, guidePrice: 1e-5, k: k)
  }

  @Test func aDeploymentWithASubnormalKNamesTheFieldAndTheRange() throws {
    let d = try RoutingFixture.deployment(pools: [RoutingFixture.hubPool("A", k: .leastNonzeroMagnitude)])
    do {
      _ = try RoutingFixture.scenario(d)
      Issue.record("a subnormal k was accepted")
    } catch let error as ConfigError {
      let text = error.description
      #expect(text.contains("pools[1].k"))
      #expect(text.contains("5e-324"))
      #expect(text.contains("0 or [1e-12, 1]"))
    }
  }

  @Test func aSyntheticGraphWithATinyKIsRejected() throws {
    let tree = try JSONText.parse(
      #"{"name": "tiny k", "paths": 1, "epochs": 1, "graphMode": "synthetic", "pmm": {"graph": "hub_only_2", "synthetic": {"k": 1e-20}}}"#,
      file: "fixture")
    #expect(throws: ConfigError.self) { try Scenario(tree, file: "fixture", policy: Policy()) }
  }
}
