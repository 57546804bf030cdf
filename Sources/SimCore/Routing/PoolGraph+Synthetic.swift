/// The pools of a synthetic `hub_only_N` graph: one parameter set for the
/// stable spokes and one for the volatile ones (`pmm.synthetic`).
public struct SyntheticGraphParameters: Sendable, Equatable {
  /// USD on each side of a spoke pool at the start (B0 * price = Q0).
  public var depthUSD = 2_000_000.0
  public var k = 0.002
  public var lpFeeBps = 3.0
  public var maintainerFeeBps = 1.0
  /// How many of the N spokes are volatile (they follow the external asset S);
  /// nil: one, unless N = 1 (the peg pool needs a stable spoke).
  public var volatileSpokes: Int?
  public var volatilePriceUSD = 3_000.0
  public var volatileK = 0.25
  public var volatileLpFeeBps = 20.0
  public var volatileMaintainerFeeBps = 5.0
  /// USD on each side of a spoke's external venue.
  public var externalDepthUSD = 10_000_000.0
  public var externalFeeBps = 4.0
  public var volatileExternalFeeBps = 30.0
  /// Origin chains of the last stable spokes (e.g. [137, 56]); the others are native (138).
  public var bridgedFrom: [Int] = []

  public init() {}

  /// Reads `pmm.synthetic`; absent fields keep their defaults.
  init(_ r: ConfigReader) throws(ConfigError) {
    depthUSD = try r.number("depthUSD", default: depthUSD, in: 1...1e12)
    k = try r.curveK("k", default: k)
    lpFeeBps = try r.number("lpFeeBps", default: lpFeeBps, in: 0...1_000)
    maintainerFeeBps = try r.number("maintainerFeeBps", default: maintainerFeeBps, in: 0...1_000)
    if r.raw("volatileSpokes") != nil {
      volatileSpokes = try r.integer("volatileSpokes", default: 0, in: 0...PoolGraph.maxTokens)
    }
    volatilePriceUSD = try r.number("volatilePriceUSD", default: volatilePriceUSD, in: 1e-9...1e12)
    volatileK = try r.curveK("volatileK", default: volatileK)
    volatileLpFeeBps = try r.number("volatileLpFeeBps", default: volatileLpFeeBps, in: 0...1_000)
    volatileMaintainerFeeBps = try r.number(
      "volatileMaintainerFeeBps", default: volatileMaintainerFeeBps, in: 0...1_000)
    externalDepthUSD = try r.number("externalDepthUSD", default: externalDepthUSD, in: 1...1e13)
    externalFeeBps = try r.number("externalFeeBps", default: externalFeeBps, in: 0...1_000)
    volatileExternalFeeBps = try r.number(
      "volatileExternalFeeBps", default: volatileExternalFeeBps, in: 0...1_000)
    bridgedFrom = []
    for (n, item) in try r.array("bridgedFrom").enumerated() {
      guard case .number(let x) = item, x == x.rounded(), x >= 1, x <= 1e12 else {
        throw ConfigError(
          .wrongType, file: r.file, field: r.fieldName("bridgedFrom") + "[\(n + 1)]",
          "expected a chain id (a whole number), got \(item)")
      }
      bridgedFrom.append(Int(x))
    }
    try r.finish()
  }
}

extension PoolGraph {
  /// The chain id of the simulated deployment (Chain 138).
  public static let homeChain = 138

  /// The spoke count of a `hub_only_N` name, or nil for another name.
  public static func hubOnlySpokes(_ name: String) -> Int? {
    guard name.hasPrefix("hub_only_"), let n = Int(name.dropFirst("hub_only_".count)), n >= 1 else {
      return nil
    }
    return n
  }

  /// `hub_only_N`: a hub stable `HUB` and N spoke tokens, each in one pool with
  /// the hub and an external venue. Spokes `S1...` are stables (the last ones
  /// bridged from `bridgedFrom`), then `V1...` volatile; `S1/HUB` is the peg pool.
  public static func hubOnly(
    spokes n: Int, _ p: SyntheticGraphParameters, file: String, field: String
  ) throws(ConfigError) -> PoolGraph {
    let volatileSpokes = p.volatileSpokes ?? min(1, n - 1)
    let stables = n - volatileSpokes
    guard n + 1 <= maxTokens else {
      throw ConfigError(
        .outOfRange, file: file, field: field + ".graph",
        "hub_only_\(n) has \(n + 1) tokens, above the limit of \(maxTokens)")
    }
    guard stables >= 1 else {
      throw ConfigError(
        .outOfRange, file: file, field: field + ".synthetic.volatileSpokes",
        "\(volatileSpokes) leaves no stable spoke for the peg pool of hub_only_\(n)")
    }
    guard p.bridgedFrom.count <= stables else {
      throw ConfigError(
        .outOfRange, file: file, field: field + ".synthetic.bridgedFrom",
        "\(p.bridgedFrom.count) bridged spokes, but hub_only_\(n) has \(stables) stable spokes")
    }
    var tokens = [GraphToken(symbol: "HUB", kind: .stable, originChain: homeChain, priceUSD: 1)]
    var pools: [GraphPool] = []
    for j in 1...n {
      let volatile = j > stables
      let bridged = j - (stables - p.bridgedFrom.count) - 1
      let origin = !volatile && bridged >= 0 ? p.bridgedFrom[bridged] : homeChain
      let price = volatile ? p.volatilePriceUSD : 1
      let symbol = volatile ? "V\(j - stables)" : "S\(j)"
      tokens.append(
        GraphToken(
          symbol: symbol, kind: volatile ? .volatile : .stable, originChain: origin, priceUSD: price
        ))
      let pool = try PMMPool(
        baseReserve: p.depthUSD / price, quoteReserve: p.depthUSD, guidePrice: price,
        k: volatile ? p.volatileK : p.k,
        lpFeeRate: (volatile ? p.volatileLpFeeBps : p.lpFeeBps) * 1e-4,
        maintainerFeeRate: (volatile ? p.volatileMaintainerFeeBps : p.maintainerFeeBps) * 1e-4)
      let venue = ExternalVenueSpec(
        depthUSD: p.externalDepthUSD,
        feeRate: (volatile ? p.volatileExternalFeeBps : p.externalFeeBps) * 1e-4)
      pools.append(
        GraphPool(
          id: symbol + "/HUB", base: j, quote: 0, pool: pool, external: venue, flowWeight: 1))
    }
    return try PoolGraph(
      name: "hub_only_\(n)", tokens: tokens, pools: pools, hub: 0, pegPool: 0, file: file,
      field: field)
  }
}
