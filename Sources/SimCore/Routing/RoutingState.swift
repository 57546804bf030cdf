import Foundation

/// One worker's pool graph in motion: pools, external venues, prices, shock
/// state and the current path's statistics. Built once per worker and reset
/// per path, so the epoch loop allocates nothing.
///
/// The pools' guide prices come from `ring`, the outside prices of the last
/// `maxLag + 1` epochs, so the oracle can trail the market. Few stored arrays
/// (per-token state is one array of structs), so that a debug build, which
/// copies the state when a mutating method calls a non-mutating one, stays
/// usable.
struct RoutingState {
  let model: RoutingModel
  var pools: [PMMPool]
  var venues: [ExternalVenue]
  var tokens: [TokenState]
  var ring: [Double]
  var lagShock = 0
  var lagUntil = 0
  /// The hub's outside price in USD this epoch.
  var hubUSD = 1.0
  /// This path's statistics: `PoolStat` per pool, then `RoutingTotal` from `totalsBase`.
  var stats: [Double]
  let totalsBase: Int
  var epoch = PoolEpoch()
  var hubOut = 0.0
  var hubIn = 0.0

  /// Relative tolerance of the root finders (routing split and arbitrage size).
  static let tolerance = 1e-9

  init(model: RoutingModel) {
    self.model = model
    pools = model.initialPools
    venues = model.venueFeeRate.map { ExternalVenue(baseReserve: 1, quoteReserve: 1, feeRate: $0) }
    tokens = model.price0.map { TokenState(priceUSD: $0) }
    ring = [Double](repeating: 0, count: model.tokenCount * (model.maxLag + 1))
    stats = [Double](repeating: 0, count: model.stride)
    totalsBase = model.poolCount * PoolStat.count
  }

  /// Resets pools, prices, shocks and statistics for a new path.
  /// - Complexity: O(tokens × lag + pools), no allocation.
  mutating func startPath() {
    let width = model.maxLag + 1
    for p in 0..<model.poolCount { pools[p] = model.initialPools[p] }
    for t in 0..<model.tokenCount {
      tokens[t] = TokenState(priceUSD: model.price0[t])
      for j in 0..<width { ring[t &* width &+ j] = model.price0[t] }
    }
    lagShock = 0
    lagUntil = 0
    for i in 0..<stats.count { stats[i] = 0 }
  }

  /// Applies the pool-graph shock `index` (of the scenario's list) at epoch `t`.
  mutating func applyShock(_ index: Int, epoch t: Int) {
    let c = model.shocks[index]
    switch c.kind {
    case .capital:
      break
    case .bridgeHalt:
      for j in c.tokenStart..<(c.tokenStart + c.tokenCount) {
        let token = model.haltTokens[j]
        tokens[token].haltUntil = max(tokens[token].haltUntil, t + c.epochs)
        tokens[token].haltDepth = c.depthFactor
        tokens[token].haltDiscount = c.discount
        tokens[token].haltExit = c.exitShare
      }
    case .poolDepeg:
      tokens[c.token].depegUntil = t + c.epochs
      tokens[c.token].depegPrice = c.price
    case .oracleLag:
      lagShock = c.lag
      lagUntil = t + c.epochs
    }
  }

  /// One epoch of MODEL.md section 2: oracle, order flow, arbitrage,
  /// measurement, intervention. `assetPrice` is S; `flowImbalance` the flow
  /// shocks active this epoch; `capital` the overlay's T (0 when routing only).
  /// - Complexity: O(tokens + pools + orders × about 10 root-finding steps).
  mutating func step(
    path: Int, epoch t: Int, assetPrice: Double, flowImbalance: Double, capital: Double
  ) -> PoolEpoch {
    epoch = PoolEpoch()
    hubOut = 0
    hubIn = 0
    var words = WordStream(model.random.philox, path: path, epoch: t, stream: .orderFlow)
    moveOracle(epoch: t, assetPrice: assetPrice, words: &words)
    orderFlow(epoch: t, imbalance: flowImbalance, words: &words)
    bridgeExits(epoch: t)
    for p in 0..<model.poolCount where model.hasVenue[p] { arbitrage(pool: p) }
    measureAndIntervene(epoch: t)
    return closeEpoch(capital: capital)
  }

  /// Step 1 of section 2: outside prices, the oracle (possibly lagged), the
  /// pools' guide prices, and the external venues re-centred on fair prices.
  /// Draws one normal per stable spoke (in token order) when `stableNoise > 0`.
  mutating func moveOracle(epoch t: Int, assetPrice: Double, words: inout WordStream) {
    let width = model.maxLag + 1
    let slotNow = t % width
    let keep = 1 - model.p.stableReversion
    for token in 0..<model.tokenCount {
      let peg = t < tokens[token].depegUntil ? tokens[token].depegPrice : model.price0[token]
      if model.isVolatile[token] {
        tokens[token].usd = model.price0[token] * assetPrice
      } else if token == model.hub || model.p.stableNoise == 0 {
        tokens[token].usd = peg
      } else {
        tokens[token].noise =
          tokens[token].noise * keep + model.p.stableNoise * model.zig.normal(&words)
        tokens[token].usd = peg * max(1e-6, 1 + tokens[token].noise)
      }
      ring[token &* width &+ slotNow] = tokens[token].usd
    }
    hubUSD = tokens[model.hub].usd
    for token in 0..<model.tokenCount {
      let halted = t < tokens[token].haltUntil
      tokens[token].fair =
        tokens[token].usd / hubUSD * (1 - (halted ? tokens[token].haltDiscount : 0))
      if !halted && tokens[token].locked > 0 {
        epoch.liquidityDrawUSD -= tokens[token].locked * tokens[token].fair * hubUSD
        tokens[token].locked = 0
      }
    }
    let lag = min(max(model.p.oracleLag, t < lagUntil ? lagShock : 0), model.maxLag)
    let slotOracle = ((t - lag) % width + width) % width
    for p in 0..<model.poolCount {
      let base = model.poolBase[p]
      let quote = model.poolQuote[p]
      pools[p].setGuidePrice(ring[base &* width &+ slotOracle] / ring[quote &* width &+ slotOracle])
      if model.hasVenue[p] {
        let depth =
          model.venueDepthUSD[p] * (t < tokens[base].haltUntil ? tokens[base].haltDepth : 1)
          / hubUSD
        venues[p].recentre(price: tokens[base].fair / tokens[quote].fair, depth: depth)
      }
    }
  }

  /// Step 5 of section 2, after measuring: every pool whose |R - 1| passes its
  /// intervention band is restored to R = 1 by the treasury's back-to-one
  /// trade, valued at the fair (mark) prices, plus gas. The tokens received
  /// are sold back at mark in the same epoch, unless they are halted bridged
  /// tokens, which the treasury holds until the bridge reopens.
  mutating func measureAndIntervene(epoch t: Int) {
    for p in 0..<model.poolCount {
      let deviation = abs(pools[p].rFactor - 1)
      stats[PoolStat.worstDeviation.at(p)] = max(stats[PoolStat.worstDeviation.at(p)], deviation)
      stats[PoolStat.deviationSum.at(p)] += deviation
      stats[PoolStat.baseTargetSum.at(p)] += pools[p].baseTarget
      if deviation > model.pegBand { stats[PoolStat.epochsOverBand.at(p)] += 1 }
      if p == model.pegPool {
        let peg = abs(pools[p].marginalPrice - 1)
        stats[totalsBase &+ RoutingTotal.pegWorst.rawValue] = max(
          stats[totalsBase &+ RoutingTotal.pegWorst.rawValue], peg)
        if peg > model.pegBand { stats[totalsBase &+ RoutingTotal.pegEpochsOverBand.rawValue] += 1 }
      }
      guard deviation > model.interventionBand[p] else { continue }
      let before = pools[p].baseReserve
      guard let back = pools[p].restoreToOne() else { continue }
      let base = model.poolBase[p]
      let quote = model.poolQuote[p]
      let mark = tokens[base].fair / tokens[quote].fair
      let usdPerQuote = tokens[quote].fair * hubUSD
      let cost = back.cost(atPrice: mark) * usdPerQuote + model.p.interventionGasUSD
      let notional =
        (back.sellsBase ? back.trade.amountIn * mark : back.trade.amountIn) * usdPerQuote
      stats[PoolStat.interventions.at(p)] += 1
      stats[totalsBase &+ RoutingTotal.interventions.rawValue] += 1
      stats[PoolStat.interventionCost.at(p)] += cost
      stats[PoolStat.interventionNotional.at(p)] += notional
      stats[PoolStat.baseTurnover.at(p)] += abs(pools[p].baseReserve - before)
      epoch.interventionCostUSD += cost
      let received = back.sellsBase ? quote : base
      if t < tokens[received].haltUntil {
        tokens[received].locked += back.trade.received
        epoch.liquidityDrawUSD += notional + model.p.interventionGasUSD
      } else {
        epoch.liquidityDrawUSD += cost
      }
      stats[totalsBase &+ RoutingTotal.interventionNotional.rawValue] += notional
    }
  }

  /// Books the epoch's totals and returns what the capital overlay takes.
  mutating func closeEpoch(capital: Double) -> PoolEpoch {
    epoch.imbalance = (hubOut - hubIn) / model.hubDepth
    stats[totalsBase &+ RoutingTotal.feeIncome.rawValue] += epoch.feeIncomeUSD
    stats[totalsBase &+ RoutingTotal.interventionCost.rawValue] += epoch.interventionCostUSD
    stats[totalsBase &+ RoutingTotal.imbalanceSum.rawValue] += epoch.imbalance
    stats[totalsBase &+ RoutingTotal.imbalanceSquares.rawValue] += epoch.imbalance * epoch.imbalance
    if epoch.feeIncomeUSD > 0 {
      let l = log(epoch.feeIncomeUSD)
      stats[totalsBase &+ RoutingTotal.feeEpochs.rawValue] += 1
      stats[totalsBase &+ RoutingTotal.logFeeSum.rawValue] += l
      stats[totalsBase &+ RoutingTotal.logFeeSquares.rawValue] += l * l
    }
    if capital > 0 {
      stats[totalsBase &+ RoutingTotal.feeOverCapital.rawValue] += epoch.feeIncomeUSD / capital
      stats[totalsBase &+ RoutingTotal.interventionOverCapital.rawValue] +=
        epoch.interventionCostUSD / capital
    }
    stats[totalsBase &+ RoutingTotal.epochs.rawValue] += 1
    return epoch
  }
}
