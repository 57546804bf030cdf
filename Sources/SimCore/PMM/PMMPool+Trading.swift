extension PMMPool {
  /// Sells `amount` base into the pool and returns the trade; the trader
  /// receives `trade.received` quote.
  ///
  /// Follows DODO v2 `sellBaseToken`: from `R = 1` the trade quadratic; with
  /// base short, the integral back toward `B0`, and a trade that passes `B0` is
  /// split into the back-to-one leg (which pays exactly `Q - Q0`) and a trade
  /// from `R = 1`; with quote short, the trade quadratic. Fees come out of the
  /// output; the LP fee stays in `quoteReserve`. A non-positive amount is an
  /// empty trade. At `k = 0` an amount beyond the quote reserve takes the whole
  /// reserve and the excess is absorbed, as in DODO.
  /// - Complexity: O(1): at most two square roots.
  @discardableResult
  public mutating func sellBase(_ amount: Double) -> PMMTrade {
    sell(amount, baseIn: true)
  }

  /// Sells `amount` quote into the pool and returns the trade.
  ///
  /// The trader receives `trade.received` base. The mirror of `sellBase(_:)`,
  /// with quote amounts converted to base at `1 / i`.
  /// - Complexity: O(1): at most two square roots.
  @discardableResult
  public mutating func sellQuote(_ amount: Double) -> PMMTrade {
    sell(amount, baseIn: false)
  }

  /// The trade `sellBase(amount)` would make, without changing the pool.
  /// - Complexity: O(1).
  public func querySellBase(_ amount: Double) -> PMMTrade {
    var copy = self
    return copy.sell(amount, baseIn: true)
  }

  /// The trade `sellQuote(amount)` would make, without changing the pool.
  /// - Complexity: O(1).
  public func querySellQuote(_ amount: Double) -> PMMTrade {
    var copy = self
    return copy.sell(amount, baseIn: false)
  }

  /// Converts an amount of the input token into output-token units at `i`
  /// (`sell` and `quote` both use it, so they agree bit for bit).
  func convert(_ amount: Double, baseIn: Bool) -> Double {
    baseIn ? amount * guidePrice : amount / guidePrice
  }

  /// Where a trade leaves the pool, seen from the side being paid in.
  private enum Outcome {
    case one, inputShort, outputShort
  }

  /// One swap, written once for both directions.
  ///
  /// "Input" is the token paid in (base when `baseIn`), "output" the token
  /// paid out.
  /// - Complexity: O(1).
  @inline(__always)
  mutating func sell(_ amount: Double, baseIn: Bool) -> PMMTrade {
    assert(amount.isFinite, "PMM trade amount must be finite")
    guard amount > 0 else {
      return PMMTrade(amountIn: 0, grossOutput: 0, lpFee: 0, maintainerFee: 0)
    }
    let x = baseIn ? baseReserve : quoteReserve
    let x0 = baseIn ? baseTarget : quoteTarget
    let y = baseIn ? quoteReserve : baseReserve
    let y0 = baseIn ? quoteTarget : baseTarget
    let inputShort = rState == (baseIn ? .aboveOne : .belowOne)

    var gross: Double
    var newY: Double
    var outcome: Outcome
    if rState == .one {
      (gross, newY) = PMMMath.away(
        converted: convert(amount, baseIn: baseIn), target: y0, reserve: y, k: k
      )
      outcome = .outputShort
    } else if inputShort {
      let backToOne = x0 - x
      let surplus = y - y0
      if amount < backToOne {
        let integral = PMMMath.integral(
          converted: convert(amount, baseIn: baseIn), target: x0, from: x,
          to: x + amount, k: k)
        gross = Swift.min(integral, surplus)
        newY = y - gross
        outcome = .inputShort
      } else if amount == backToOne {
        gross = surplus
        newY = y0
        outcome = .one
      } else {
        let rest = PMMMath.away(
          converted: convert(amount - backToOne, baseIn: baseIn), target: y0,
          reserve: y0, k: k)
        gross = surplus + rest.output
        newY = rest.reserve
        outcome = .outputShort
      }
    } else {
      (gross, newY) = PMMMath.away(
        converted: convert(amount, baseIn: baseIn), target: y0, reserve: y, k: k
      )
      outcome = .outputShort
    }

    let trade = PMMTrade(
      amountIn: amount, grossOutput: gross,
      lpFee: gross * lpFeeRate, maintainerFee: gross * maintainerFeeRate)
    newY += trade.lpFee
    let newX = x + amount
    if baseIn {
      baseReserve = newX
      quoteReserve = newY
    } else {
      quoteReserve = newX
      baseReserve = newY
    }
    switch outcome {
    case .one:
      settleAtOne()
    case .inputShort:
      // The output side stays in surplus and keeps its target; the input side's
      // target is re-solved below.
      rState = baseIn ? .aboveOne : .belowOne
      resolveShortTarget()
    case .outputShort:
      // The input side is now in surplus over its old target (its reserve at
      // R = 1, or the back-to-one point of a crossing trade).
      if baseIn { baseTarget = x0 } else { quoteTarget = x0 }
      rState = baseIn ? .belowOne : .aboveOne
      resolveShortTarget()
    }
    return trade
  }
}
