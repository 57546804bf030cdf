import Foundation

/// A scenario's pool graph and routing parameters compiled into flat arrays
/// for the epoch loop: token and pool tables, the pair-to-pool matrix, the
/// cumulative order-pair weights and the pool-graph shocks. No dictionaries.
///
/// Immutable and shared by every worker. A final class rather than a struct
/// so that reading it never copies its two dozen arrays (which an
/// unoptimised build does for a struct on every method call); an optimised
/// build reads it through one hoisted pointer.
final class RoutingModel: Sendable {
  let p: RoutingParameters
  let tokenCount: Int
  let poolCount: Int
  let hub: Int
  let pegPool: Int
  let isVolatile: [Bool]
  let price0: [Double]
  let initialPools: [PMMPool]
  let poolBase: [Int]
  let poolQuote: [Int]
  let hasVenue: [Bool]
  let venueDepthUSD: [Double]
  let venueFeeRate: [Double]
  /// USD on the quote side of each pool at the start (exit flows are sized on it).
  let poolDepthUSD: [Double]
  /// The hub pool of each token (-1: none, and for the hub itself).
  let hubPool: [Int]
  /// `direct[a * tokenCount + b]`: the pool pairing a and b, or -1.
  let direct: [Int]
  /// Order pairs and their cumulative weights (normalised to 1).
  let pairA: [Int]
  let pairB: [Int]
  let pairCumulative: [Double]
  /// The hub liquidity order flow meets, in hub tokens: the hub pools' quote
  /// reserves and their external venues' hub side, at the start.
  let hubDepth: Double
  /// Each pool's intervention band (`volatileInterventionBand` for a volatile base).
  let interventionBand: [Double]
  let pegBand: Double
  let shocks: [CompiledShock]
  let haltTokens: [Int]
  let maxLag: Int
  /// The run's generator; the routing step draws from the order-flow stream.
  let random: UniformSource
  let zig = Ziggurat.standard
  /// Doubles per path in `RoutingRecords`.
  let stride: Int

  init(scenario s: Scenario, spec: RoutingSpec) {
    let g = spec.graph
    p = spec.parameters
    tokenCount = g.tokens.count
    poolCount = g.pools.count
    hub = g.hub
    pegPool = g.pegPool
    isVolatile = g.tokens.map { $0.kind == .volatile }
    price0 = g.tokens.map(\.priceUSD)
    initialPools = g.pools.map(\.pool)
    poolBase = g.pools.map(\.base)
    poolQuote = g.pools.map(\.quote)
    hasVenue = g.pools.map { $0.external != nil }
    venueDepthUSD = g.pools.map { $0.external?.depthUSD ?? 0 }
    venueFeeRate = g.pools.map { $0.external?.feeRate ?? 0 }
    poolDepthUSD = g.pools.map { $0.pool.quoteReserve * g.tokens[$0.quote].priceUSD }
    hubPool = g.tokens.indices.map { g.hubPool(of: $0) ?? -1 }
    var direct = [Int](repeating: -1, count: g.tokens.count * g.tokens.count)
    for (i, pool) in g.pools.enumerated() {
      direct[pool.base * g.tokens.count + pool.quote] = i
      direct[pool.quote * g.tokens.count + pool.base] = i
    }
    self.direct = direct
    hubDepth = g.pools.filter { $0.quote == g.hub }.reduce(0) {
      $0 + $1.pool.quoteReserve + ($1.external?.depthUSD ?? 0) / g.tokens[g.hub].priceUSD
    }
    interventionBand = g.pools.map {
      g.tokens[$0.base].kind == .volatile
        ? spec.parameters.volatileInterventionBand : spec.parameters.interventionBand
    }
    pegBand = s.policy.pegBand

    // Order pairs: each pool's pair by its flow weight, and `crossShare` spread
    // evenly over the pairs of non-hub tokens that both have a hub pool.
    var a: [Int] = []
    var b: [Int] = []
    var w: [Double] = []
    let poolWeight = g.pools.reduce(0) { $0 + $1.flowWeight }
    let spokes = g.tokens.indices.filter { $0 != g.hub && g.hubPool(of: $0) != nil }
    var cross: [(Int, Int)] = []
    for (n, x) in spokes.enumerated() { for y in spokes[(n + 1)...] { cross.append((x, y)) } }
    let crossShare = cross.isEmpty ? 0 : p.crossShare
    for pool in g.pools where poolWeight > 0 && pool.flowWeight > 0 {
      a.append(pool.base)
      b.append(pool.quote)
      w.append((1 - crossShare) * pool.flowWeight / poolWeight)
    }
    for (x, y) in cross where crossShare > 0 {
      a.append(x)
      b.append(y)
      w.append(crossShare / Double(cross.count))
    }
    let total = w.reduce(0, +)
    var running = 0.0
    pairCumulative = w.map {
      running += $0
      return total > 0 ? running / total : 0
    }
    pairA = a
    pairB = b

    var compiled: [CompiledShock] = []
    var halted: [Int] = []
    var maxLag = p.oracleLag
    for shock in s.shocks {
      var c = CompiledShock()
      switch shock.kind {
      case .bridgeHalt(let chains, let epochs, let depthFactor, let discount, let exitShare):
        c.kind = .bridgeHalt
        c.tokenStart = halted.count
        for chain in chains { halted += g.tokens(from: chain) }
        c.tokenCount = halted.count - c.tokenStart
        c.epochs = epochs
        c.depthFactor = depthFactor
        c.discount = discount
        c.exitShare = exitShare
      case .poolDepeg(let token, let price, let epochs):
        c.kind = .poolDepeg
        guard let index = g.token(token) else { preconditionFailure("pool_depeg token \(token) was validated") }
        c.token = index
        c.price = price
        c.epochs = epochs
      case .oracleLag(let lag, let epochs):
        c.kind = .oracleLag
        c.lag = lag
        c.epochs = epochs
        maxLag = max(maxLag, lag)
      default:
        break
      }
      compiled.append(c)
    }
    shocks = compiled
    haltTokens = halted
    self.maxLag = maxLag
    random = UniformSource(seed: s.seed)
    stride = Self.stride(of: g)
  }

  /// Pool statistics kept per path for `graph`: each pool's, then the totals.
  static func stride(of graph: PoolGraph) -> Int { graph.pools.count * PoolStat.count + RoutingTotal.allCases.count }

  /// The order pair a uniform `u` in (0, 1) selects (binary search on the cumulative weights).
  /// - Complexity: O(log pairs).
  func pair(at u: Double) -> Int {
    let cumulative = pairCumulative
    var lo = 0
    var hi = cumulative.count - 1
    while lo < hi {
      let mid = (lo + hi) >> 1
      if cumulative[mid] < u { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }

  /// A Poisson count with mean `mean` from one uniform, by inversion.
  /// - Complexity: O(mean) multiplications.
  static func poisson(mean: Double, _ u: Double) -> Int {
    guard mean > 0 else { return 0 }
    var k = 0
    var term = exp(-mean)
    var cdf = term
    let cap = Int(mean + 40 * mean.squareRoot() + 40)
    while u > cdf && k < cap {
      k += 1
      term *= mean / Double(k)
      cdf += term
    }
    return k
  }
}
