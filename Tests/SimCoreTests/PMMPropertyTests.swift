import Foundation
import Testing

@testable import SimCore

/// Properties of the PMM curve over random pools and random trade walks:
/// `k` in {0, the minimum, random, 1}, `i` from 1e-6 to 1e6, random reserves
/// and fees, and walks of trades of every size in both directions. Small
/// enough to run in well under a second in a debug build.
@Suite struct PMMPropertyTests {
  /// Relative slack for floating-point rounding in the bounds below.
  static let rel = 1e-9

  /// A random pool from `words`: the k class picks `k`; `i` is log-uniform in [1e-6, 1e6].
  static func randomPool(kClass: Int, words: inout WordStream) throws -> PMMPool {
    let k: Double =
      switch kClass {
      case 0: 0
      case 1: PMMPool.minimumK
      case 2: words.uniform()
      default: 1
      }
    let i = pow(10, -6 + 12 * words.uniform())
    let quoteDepth = pow(10, 2 + 6 * words.uniform())
    let imbalance = 0.25 + 1.5 * words.uniform()
    let fees = words.uniform() < 0.5 ? (0.0, 0.0) : (0.003 * words.uniform(), 0.001 * words.uniform())
    return try PMMPool(
      baseReserve: quoteDepth * imbalance / i, quoteReserve: quoteDepth, guidePrice: i, k: k,
      lpFeeRate: fees.0, maintainerFeeRate: fees.1)
  }

  /// Checks one trade of `amount` on `p` against the curve's bounds, makes it, and returns the pool after it.
  static func checkedTrade(_ p: PMMPool, amount: Double, baseIn: Bool) -> PMMPool {
    let start = p.quote(selling: 0, baseIn: baseIn).marginal
    let q = p.quote(selling: amount, baseIn: baseIn)
    var after = p
    let trade = after.sell(amount, baseIn: baseIn)
    // The quote and the trade agree bit for bit.
    #expect(q.received == trade.received)
    // Prices are finite and never negative; reserves too.
    #expect(start.isFinite && start >= 0)
    #expect(q.marginal.isFinite && q.marginal >= 0)
    #expect(trade.received.isFinite && trade.received >= 0)
    #expect(after.baseReserve.isFinite && after.baseReserve >= 0)
    #expect(after.quoteReserve.isFinite && after.quoteReserve >= 0)
    #expect(after.marginalPrice.isFinite && after.marginalPrice >= 0)
    // Conservation: the curve is concave, so the trade pays at most its first
    // unit's price and at least its last unit's, and never more than the other side holds.
    #expect(trade.received <= amount * start * (1 + rel))
    #expect(trade.received >= amount * q.marginal * (1 - rel))
    let outputSide = baseIn ? p.quoteReserve : p.baseReserve
    #expect(trade.grossOutput <= outputSide * (1 + rel))
    // Selling the proceeds straight back never returns more than was paid in.
    let back = after.querySellQuoteOrBase(trade.received, baseIn: !baseIn)
    #expect(back <= amount * (1 + rel))
    return after
  }

  @Test(arguments: 0..<4)
  func randomWalksStayOnTheCurve(kClass: Int) throws {
    let random = UniformSource(seed: 13)
    for poolIndex in 0..<60 {
      var words = WordStream(random.philox, path: poolIndex, epoch: kClass, stream: .overlay)
      var p = try Self.randomPool(kClass: kClass, words: &words)
      for _ in 0..<40 {
        let baseIn = words.uniform() < 0.5
        // Trade sizes from a millionth of the input side to three times it.
        let side = baseIn ? p.baseTarget : p.quoteTarget
        let amount = side * pow(10, -6 + 6.5 * words.uniform())
        p = Self.checkedTrade(p, amount: amount, baseIn: baseIn)
      }
    }
  }
}

extension PMMPool {
  /// What selling `amount` of base (`baseIn`) or quote would pay, without changing the pool.
  fileprivate func querySellQuoteOrBase(_ amount: Double, baseIn: Bool) -> Double {
    baseIn ? querySellBase(amount).received : querySellQuote(amount).received
  }
}
