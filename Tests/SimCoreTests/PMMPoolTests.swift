import Testing

@testable import CapscriptIO
@testable import SimCore

/// DODO v2 PMM pool math: DODO's own contract-test oracles, then properties.
@Suite struct PMMPoolTests {
  /// `|a - b| <= rel * max(|a|, |b|)`.
  static func close(_ a: Double, _ b: Double, rel: Double = 1e-12) -> Bool {
    abs(a - b) <= rel * max(abs(a), abs(b))
  }

  /// DODO's test pool: B0 = Q0 = 1000, i = 1, k = 0.1, no fees, unless told.
  static func pool(
    base: Double = 1000, quote: Double = 1000, i: Double = 1, k: Double = 0.1,
    lp: Double = 0, mt: Double = 0
  ) throws -> PMMPool {
    try PMMPool(
      baseReserve: base, quoteReserve: quote, guidePrice: i, k: k,
      lpFeeRate: lp, maintainerFeeRate: mt)
  }

  /// The same pool moved to a base-short, quote-short or equilibrium state.
  static func pool(k: Double, state: PMMRState, lp: Double = 0, mt: Double = 0)
    throws -> PMMPool
  {
    var p = try pool(i: 1.25, k: k, lp: lp, mt: mt)
    switch state {
    case .one: break
    case .aboveOne: p.sellQuote(300)
    case .belowOne: p.sellBase(300)
    }
    return p
  }

  // MARK: DODO oracles

  @Test func sellingQuoteAtOneMatchesDODOOracle() throws {
    var p = try Self.pool()
    let trade = p.sellQuote(100)
    #expect(Self.close(trade.received, 98.914196817061816))
    #expect(p.rState == .aboveOne)
  }

  @Test func sellingOneBaseFromFreshPoolMatchesDODOOracle() throws {
    var p = try Self.pool()
    let trade = p.sellBase(1)
    #expect(Self.close(trade.received, 0.999899919944970))
    #expect(p.rState == .belowOne)
  }

  @Test(arguments: [0.001, 0.01, 0.1, 0.5, 0.9, 0.99], [0.1, 0.5, 0.9, 1.0])
  func buyingFractionOfTargetCostsPremium(fraction f: Double, k: Double) throws {
    let expected = k * f / (1 - f)
    for i in [1.0, 2.5] {
      // Buy base with quote.
      let p = try Self.pool(i: i, k: k)
      let cost = i * f * 1000 * (1 + expected)
      let bought = p.querySellQuote(cost).received
      #expect(Self.close(bought, f * 1000))
      // The average price paid is i * (1 + k*p/(1-p)) for the fraction p actually bought
      // (compared as prices: the premium alone is a difference of near-equal numbers).
      let fraction = bought / 1000
      #expect(
        Self.close(cost / bought, i * (1 + k * fraction / (1 - fraction))))
      // The mirror: buy quote with base.
      let baseCost = f * 1000 / i * (1 + expected)
      #expect(Self.close(p.querySellBase(baseCost).received, f * 1000))
    }
  }

  // MARK: Numerical care

  @Test func tinyTradesKeepFullPrecision() throws {
    let p = try Self.pool()
    #expect(
      Self.close(p.querySellBase(1e-6).received, 9.9999999989999999992e-7))
    #expect(Self.close(p.querySellBase(1e-9).received, 9.999999999999e-10))
    #expect(
      Self.close(p.querySellQuote(1e-3).received, 0.00099999989999991999994))
  }

  @Test func nearlyDepletingTradesKeepFullPrecision() throws {
    var p = try Self.pool()
    let trade = p.sellBase(1e6)
    #expect(Self.close(trade.received, 999.89991994497039199))
    #expect(Self.close(p.quoteReserve, 0.10008005502960801315))
    var q = try Self.pool()
    q.sellQuote(1e12)
    #expect(Self.close(q.baseReserve, 1.0000000008000000005e-7))
    #expect(q.marginalPrice.isFinite && q.marginalPrice > 0)
  }

  @Test(arguments: [PMMRState.one, .aboveOne, .belowOne])
  func outputIsContinuousInKAtBothEnds(state: PMMRState) throws {
    for (edge, inside) in [(0.0, PMMPool.minimumK), (1.0, 1 - 1e-13)] {
      let a = try Self.pool(k: edge, state: state)
      let b = try Self.pool(k: inside, state: state)
      for amount in [1.0, 50, 400] {
        #expect(
          Self.close(
            a.querySellBase(amount).received, b.querySellBase(amount).received,
            rel: 1e-10))
        #expect(
          Self.close(
            a.querySellQuote(amount).received,
            b.querySellQuote(amount).received, rel: 1e-10))
      }
    }
  }

  // MARK: Properties

  @Test(
    arguments: [0.0, 0.1, 0.5, 1.0], [PMMRState.one, .aboveOne, .belowOne])
  func roundTripNeverGains(k: Double, state: PMMRState) throws {
    for (lp, mt) in [(0.0, 0.0), (0.003, 0.001)] {
      for amount in [0.5, 100, 600, 5000] {
        var p = try Self.pool(k: k, state: state, lp: lp, mt: mt)
        let quote = p.sellBase(amount).received
        let back = p.sellQuote(quote).received
        #expect(back <= amount * (1 + 1e-12))
        if lp > 0 { #expect(back < amount) }
        var r = try Self.pool(k: k, state: state, lp: lp, mt: mt)
        let base = r.sellQuote(amount).received
        #expect(r.sellBase(base).received <= amount * (1 + 1e-12))
      }
    }
  }

  @Test func roundTripWithoutFeesIsReversible() throws {
    for state in [PMMRState.one, .aboveOne, .belowOne] {
      var p = try Self.pool(k: 0.3, state: state)
      let start = p
      let quote = p.sellBase(700).received
      #expect(Self.close(p.sellQuote(quote).received, 700, rel: 1e-11))
      #expect(Self.close(p.baseReserve, start.baseReserve, rel: 1e-11))
      #expect(Self.close(p.quoteReserve, start.quoteReserve, rel: 1e-11))
    }
  }

  @Test func kOneMatchesConstantProduct() throws {
    // With i = Q/B at equilibrium, k = 1 is x * y = const on the real reserves.
    var p = try Self.pool(base: 1000, quote: 2500, i: 2.5, k: 1)
    var x = 1000.0
    var y = 2500.0
    let steps: [(sellsBase: Bool, amount: Double)] = [
      (true, 100), (true, 300), (false, 2000), (false, 500), (true, 900),
      (true, 1), (false, 7),
    ]
    for step in steps {
      if step.sellsBase {
        let out = y * step.amount / (x + step.amount)
        #expect(Self.close(p.sellBase(step.amount).received, out))
        x += step.amount
        y -= out
      } else {
        let out = x * step.amount / (y + step.amount)
        #expect(Self.close(p.sellQuote(step.amount).received, out))
        y += step.amount
        x -= out
      }
      #expect(Self.close(p.baseReserve, x))
      #expect(Self.close(p.quoteReserve, y))
      #expect(Self.close(p.marginalPrice, y / x))
    }
  }

  @Test func kZeroTradesFlatAtGuidePriceUntilEmpty() throws {
    var p = try Self.pool(i: 1.5, k: 0)
    #expect(p.sellBase(100).received == 150)
    #expect(p.marginalPrice == 1.5)
    #expect(p.sellBase(400).received == 600)
    #expect(p.quoteReserve == 250)
    #expect(p.sellBase(1000).received == 250)
    #expect(p.quoteReserve == 0)
    #expect(p.sellBase(10).received == 0)

    var q = try Self.pool(i: 1.5, k: 0)
    #expect(q.sellQuote(150).received == 100)
    #expect(q.sellQuote(10).received == 10 / 1.5)
    let left = q.baseReserve
    #expect(q.sellQuote(1e6).received == left)
    #expect(q.baseReserve == 0)
  }

  @Test(arguments: [(0.003, 0.0), (0.0, 0.001), (0.003, 0.001), (0.01, 0.02)])
  func feesReduceOutputByFeeFraction(lp: Double, mt: Double) throws {
    for state in [PMMRState.one, .aboveOne, .belowOne] {
      for sellsBase in [true, false] {
        var bare = try Self.pool(k: 0.2, state: state)
        // The same reserves and targets, with fees switched on.
        var fee = try Self.pool(i: 1.25, k: 0.2, lp: lp, mt: mt)
        fee.baseReserve = bare.baseReserve
        fee.quoteReserve = bare.quoteReserve
        fee.baseTarget = bare.baseTarget
        fee.quoteTarget = bare.quoteTarget
        fee.rState = bare.rState
        let gross =
          sellsBase ? bare.sellBase(250).received : bare.sellQuote(250).received
        let before = fee
        let trade = sellsBase ? fee.sellBase(250) : fee.sellQuote(250)
        #expect(Self.close(trade.grossOutput, gross))
        #expect(Self.close(trade.received, gross * (1 - lp - mt)))
        // The LP fee stays in the pool; the trader's output and the maintainer fee leave.
        let reserveBefore = sellsBase ? before.quoteReserve : before.baseReserve
        let reserveAfter = sellsBase ? fee.quoteReserve : fee.baseReserve
        #expect(
          Self.close(
            reserveBefore - reserveAfter, trade.received + trade.maintainerFee,
            rel: 1e-10))
        #expect(
          Self.close(trade.lpFee, gross * lp)
            && Self.close(trade.maintainerFee, gross * mt))
      }
    }
  }

  @Test(arguments: [0.0, 0.1, 0.6, 1.0])
  func tradeCrossingEquilibriumEqualsItsTwoLegs(k: Double) throws {
    for sellsBase in [true, false] {
      let start = try Self.pool(k: k, state: sellsBase ? .aboveOne : .belowOne)
      let back = try #require(start.backToOne)
      #expect(back.sellsBase == sellsBase)
      let leg = back.trade.amountIn
      for extra in [1e-6, 5.0, 400] {
        var whole = start
        let one =
          sellsBase ? whole.sellBase(leg + extra) : whole.sellQuote(leg + extra)
        var split = start
        let first = sellsBase ? split.sellBase(leg) : split.sellQuote(leg)
        #expect(split.rState == .one)
        let second = sellsBase ? split.sellBase(extra) : split.sellQuote(extra)
        #expect(Self.close(one.received, first.received + second.received))
        #expect(Self.close(whole.baseReserve, split.baseReserve))
        #expect(Self.close(whole.quoteReserve, split.quoteReserve))
        #expect(Self.close(whole.baseTarget, split.baseTarget))
        #expect(Self.close(whole.quoteTarget, split.quoteTarget))
        #expect(whole.rState == split.rState)
      }
    }
  }

  @Test(arguments: [0.1, 0.5, 1.0], [PMMRState.aboveOne, .belowOne])
  func targetResolveKeepsMarginalPriceContinuous(k: Double, state: PMMRState)
    throws
  {
    let p = try Self.pool(k: k, state: state)
    for eps in [1e-3, 1e-6, 1e-9] {
      for sign in [1.0, -1.0] {
        var moved = p
        moved.setGuidePrice(p.guidePrice * (1 + sign * eps))
        #expect(
          moved.baseReserve == p.baseReserve
            && moved.quoteReserve == p.quoteReserve)
        #expect(moved.rState == p.rState)
        #expect(abs(moved.marginalPrice / p.marginalPrice - 1) <= 4 * eps)
      }
    }
  }

  @Test(arguments: [0.1, 0.5, 1.0], [0.5, 0.8, 1.6, 3])
  func resolvedTargetsAreConsistentAtTheNewPrice(k: Double, factor: Double)
    throws
  {
    for state in [PMMRState.aboveOne, .belowOne] {
      var p = try Self.pool(k: k, state: state)
      p.setGuidePrice(p.guidePrice * factor)
      let i = p.guidePrice
      // Moving the short side back to its target pays out exactly the surplus.
      if state == .aboveOne {
        let paid = PMMMath.integral(
          converted: (p.baseTarget - p.baseReserve) * i, target: p.baseTarget,
          from: p.baseReserve, to: p.baseTarget, k: k)
        #expect(Self.close(paid, p.quoteReserve - p.quoteTarget))
      } else {
        let paid = PMMMath.integral(
          converted: (p.quoteTarget - p.quoteReserve) / i,
          target: p.quoteTarget,
          from: p.quoteReserve, to: p.quoteTarget, k: k)
        #expect(Self.close(paid, p.baseReserve - p.baseTarget))
      }
      // The marginal price is the limit of small trades' prices.
      let h = 1e-6
      #expect(
        Self.close(p.querySellBase(h).averageRate, p.marginalPrice, rel: 1e-7))
      #expect(
        Self.close(
          1 / p.querySellQuote(h).averageRate, p.marginalPrice, rel: 1e-7))
    }
  }

  @Test func oracleMoveRevaluesTheShortTarget() throws {
    var baseShort = try Self.pool(k: 0.3, state: .aboveOne)
    let b0 = baseShort.baseTarget
    baseShort.setGuidePrice(2)
    #expect(baseShort.baseTarget < b0)
    var quoteShort = try Self.pool(k: 0.3, state: .belowOne)
    let q0 = quoteShort.quoteTarget
    quoteShort.setGuidePrice(2)
    #expect(quoteShort.quoteTarget > q0)
    var flat = try Self.pool(k: 0.3, state: .one)
    flat.setGuidePrice(2)
    #expect(flat.marginalPrice == 2 && flat.baseTarget == flat.baseReserve)
  }

  @Test func marginalPriceIsContinuousThroughEquilibrium() throws {
    let p = try Self.pool(k: 0.4, state: .aboveOne)
    let leg = try #require(p.backToOne).trade.amountIn
    var before = p
    before.sellBase(leg * (1 - 1e-9))
    var after = p
    after.sellBase(leg * (1 + 1e-9))
    #expect(Self.close(before.marginalPrice, p.guidePrice, rel: 1e-7))
    #expect(Self.close(after.marginalPrice, p.guidePrice, rel: 1e-7))
  }

  @Test(arguments: [PMMRState.aboveOne, .belowOne])
  func backToOneRestoresEquilibrium(state: PMMRState) throws {
    var p = try Self.pool(k: 0.25, state: state, lp: 0.002, mt: 0.001)
    let planned = try #require(p.backToOne)
    let surplus =
      state == .aboveOne
      ? p.quoteReserve - p.quoteTarget : p.baseReserve - p.baseTarget
    #expect(Self.close(planned.trade.grossOutput, surplus))
    let restored = p.restoreToOne()
    let done = try #require(restored)
    #expect(done == planned)
    #expect(p.rState == .one && p.marginalPrice == p.guidePrice)
    #expect(p.backToOne == nil)
    // Restoring R = 1 trades at better than i, so only fees can make it cost
    // at the guide price; a mark away from i can.
    var bare = try Self.pool(k: 0.25, state: state)
    let restoredBare = bare.restoreToOne()
    let free = try #require(restoredBare)
    #expect(free.cost(atPrice: bare.guidePrice) < 0)
    let mark =
      state == .aboveOne ? bare.guidePrice * 1.5 : bare.guidePrice / 1.5
    #expect(free.cost(atPrice: mark) > 0)
  }

  @Test func queriesDoNotChangeThePool() throws {
    let p = try Self.pool(k: 0.3, state: .belowOne, lp: 0.003)
    var q = p
    #expect(p.querySellBase(50) == q.sellBase(50))
    var r = p
    #expect(p.querySellQuote(50) == r.sellQuote(50))
    #expect(p == (try Self.pool(k: 0.3, state: .belowOne, lp: 0.003)))
    #expect(
      p.querySellBase(0).received == 0 && p.querySellQuote(-1).received == 0)
  }

  @Test func invalidParametersAreRejected() {
    #expect(throws: ConfigError.self) { try Self.pool(k: 1.5) }
    #expect(throws: ConfigError.self) { try Self.pool(k: -0.1) }
    #expect(throws: ConfigError.self) { try Self.pool(base: 0) }
    #expect(throws: ConfigError.self) { try Self.pool(i: .nan) }
    #expect(throws: ConfigError.self) { try Self.pool(lp: 0.6, mt: 0.5) }
  }
}
