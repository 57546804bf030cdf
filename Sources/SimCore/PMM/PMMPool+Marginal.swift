extension PMMPool {
  /// What `sell(amount, baseIn:)` would pay, and the marginal output at the
  /// end of the trade, without changing the pool or copying it.
  ///
  /// `received` is computed exactly as `sell` computes it (same branches,
  /// same operations), so it equals `querySellBase`/`querySellQuote`'s. The
  /// marginal output is the curve's price at the reserves the trade ends on,
  /// times `1 - fees`: moving the short input side toward its target (DODO's
  /// integral) it is `c * (1 - k + k * (X0/X2)^2)` with `X2` the input reserve
  /// after the trade; moving the output side away from its target (the trade
  /// quadratic, also the second leg of a trade that crosses equilibrium) it is
  /// `c / (1 - k + k * (Y0/Y2)^2)` with `Y2` the output reserve after the
  /// trade. `c` converts the input into output units at `i` (`i` selling base,
  /// `1/i` selling quote). At `k = 0` it is `c` until the output side is
  /// empty, then 0. The targets are those the curve uses during the trade
  /// (re-solving them afterwards does not move the curve). The input is
  /// converted exactly as `sell` converts it (`a * i`, or `a / i`), so
  /// `received` matches the trade bit for bit at any `i`; at `k = 0` a side
  /// emptied to exactly 0 prices flat at `c` (the curve is flat), not `0 * inf`.
  /// - Complexity: O(1): at most one square root.
  public func quote(selling amount: Double, baseIn: Bool) -> PMMQuote {
    let q = curvedQuote(selling: amount, baseIn: baseIn)
    return PMMQuote(received: q.received, marginal: q.marginal)
  }

  /// `quote(selling:baseIn:)` (the same `received` and `marginal`, bit for bit)
  /// with the derivative of the marginal output, for the router's Newton solve.
  ///
  /// Moving the short input side toward its target the marginal is
  /// `c * (1 - k + k * r^2)`, `r = X0 / X2`, `X2 = X + a`, so its derivative is
  /// `-2 * c * k * r^2 / X2`. Moving the output side away from its target the
  /// marginal is `c / D`, `D = 1 - k + k * r^2`, `r = Y0 / Y2`, and `Y2` falls
  /// by `c / D` per unit sold, so its derivative is `-2 * (c / D)^2 * k * r^2 / (Y2 * D)`.
  /// Both times `1 - fees`; 0 at `k = 0` (a flat curve).
  /// - Complexity: O(1): at most one square root.
  @inline(__always)
  func curvedQuote(selling amount: Double, baseIn: Bool) -> CurvedQuote {
    let a = Swift.max(amount, 0)
    let c = baseIn ? guidePrice : 1 / guidePrice
    let x = baseIn ? baseReserve : quoteReserve
    let x0 = baseIn ? baseTarget : quoteTarget
    let y = baseIn ? quoteReserve : baseReserve
    let y0 = baseIn ? quoteTarget : baseTarget
    var gross: Double
    var slope: Double
    var bend = 0.0
    if rState == (baseIn ? .aboveOne : .belowOne) && a < x0 - x {
      gross = Swift.min(
        PMMMath.integral(converted: convert(a, baseIn: baseIn), target: x0, from: x, to: x + a, k: k), y - y0)
      if k == 0 {
        slope = c
      } else {
        let ratio = x0 / (x + a)
        slope = c * ((1 - k) + k * ratio * ratio)
        bend = -2 * c * k * ratio * ratio / (x + a)
      }
    } else {
      // From R = 1, from the output side already short, or past the input's
      // back-to-one point (which pays exactly the surplus y - y0 first).
      var y2: Double
      if rState == (baseIn ? .aboveOne : .belowOne) {
        let rest = PMMMath.away(
          converted: convert(a - (x0 - x), baseIn: baseIn), target: y0, reserve: y0, k: k)
        gross = (y - y0) + rest.output
        y2 = rest.reserve
      } else {
        (gross, y2) = PMMMath.away(converted: convert(a, baseIn: baseIn), target: y0, reserve: y, k: k)
      }
      if k == 0 {
        slope = y2 > 0 ? c : 0
      } else {
        let ratio = y0 / y2
        let d = (1 - k) + k * ratio * ratio
        slope = c / d
        bend = -2 * slope * slope * k * ratio * ratio / (y2 * d)
      }
    }
    if a == 0 { gross = 0 }
    let received = gross - gross * lpFeeRate - gross * maintainerFeeRate
    let keep = 1 - lpFeeRate - maintainerFeeRate
    return CurvedQuote(received: received, marginal: slope * keep, curvature: bend * keep)
  }

  /// `curvedQuote(selling: 0, baseIn:)`, the same numbers bit for bit, without
  /// the trade's arithmetic: the marginal output at the current reserves
  /// (`c * (1 - k + k * (X0/X)^2)` with the input side short, else
  /// `c / (1 - k + k * (Y0/Y)^2)`, times `1 - fees`) and its derivative.
  /// - Complexity: O(1), no square root.
  @inline(__always)
  func curvedQuoteAtZero(baseIn: Bool) -> CurvedQuote {
    let inputShort = rState == (baseIn ? .aboveOne : .belowOne)
    let x = baseIn ? baseReserve : quoteReserve
    let x0 = baseIn ? baseTarget : quoteTarget
    // A short side at or past its target: the general path's branches.
    if inputShort && !(0 < x0 - x) { return curvedQuote(selling: 0, baseIn: baseIn) }
    let c = baseIn ? guidePrice : 1 / guidePrice
    var slope: Double
    var bend = 0.0
    if inputShort {
      if k == 0 {
        slope = c
      } else {
        let ratio = x0 / x
        slope = c * ((1 - k) + k * ratio * ratio)
        bend = -2 * c * k * ratio * ratio / x
      }
    } else {
      let y = baseIn ? quoteReserve : baseReserve
      let y0 = baseIn ? quoteTarget : baseTarget
      if k == 0 {
        slope = y > 0 ? c : 0
      } else {
        let ratio = y0 / y
        let d = (1 - k) + k * ratio * ratio
        slope = c / d
        bend = -2 * slope * slope * k * ratio * ratio / (y * d)
      }
    }
    let keep = 1 - lpFeeRate - maintainerFeeRate
    return CurvedQuote(received: 0, marginal: slope * keep, curvature: bend * keep)
  }
}
