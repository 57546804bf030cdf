/// The pool graph a coupled run steps: tokens are nodes, PMM pools are edges,
/// one token is the hub stable every hub pool quotes in.
///
/// Built from `hub_only_N` (`PoolGraph+Synthetic`) or from the deployed pools
/// of `config/deployment-status.json` (`PoolGraph+Deployment`).
public struct PoolGraph: Sendable {
  /// `hub_only_N`, or the deployment's network name.
  public let name: String
  public let tokens: [GraphToken]
  public let pools: [GraphPool]
  /// Index of the hub stable.
  public let hub: Int
  /// Index of the pool whose mid price measures the hub's peg.
  public let pegPool: Int

  /// Checks the graph's invariants: the hub is a stable; a pool holding the hub
  /// quotes in it and has an external venue; no pair has two pools; the peg
  /// pool pairs the hub with a stable. `field` names the graph's field and
  /// `poolFields` each pool's, for error messages.
  public init(
    name: String, tokens: [GraphToken], pools: [GraphPool], hub: Int, pegPool: Int, file: String,
    field: String,
    poolFields: [String]? = nil
  ) throws(ConfigError) {
    func at(_ key: String) -> String { field.isEmpty ? key : field + "." + key }
    func fail(_ f: String, _ message: String) -> ConfigError {
      ConfigError(.outOfRange, file: file, field: f, message)
    }
    guard !pools.isEmpty else {
      throw fail(at("pools"), "no pool has status \"deployed\"; there is nothing to simulate")
    }
    guard tokens.count <= Self.maxTokens else {
      throw fail(at("tokens"), "\(tokens.count) tokens is above the limit of \(Self.maxTokens)")
    }
    guard tokens[hub].kind == .stable else {
      throw fail(at("hub"), "the hub \"\(tokens[hub].symbol)\" must be a stable token")
    }
    var seen = Set<[Int]>()
    for (n, p) in pools.enumerated() {
      let poolField = poolFields?[n] ?? at("pools[\(n + 1)]")
      let pair = [min(p.base, p.quote), max(p.base, p.quote)]
      guard p.base != p.quote else {
        throw fail(poolField, "pool \"\(p.id)\" pairs a token with itself")
      }
      guard seen.insert(pair).inserted else {
        throw fail(poolField, "pool \"\(p.id)\" repeats the pair of an earlier deployed pool")
      }
      if p.base == hub {
        throw fail(
          poolField + ".base",
          "the hub \"\(tokens[hub].symbol)\" must be the quote token of its pools")
      }
      if p.quote == hub && p.external == nil {
        throw fail(
          poolField + ".external", "hub pair \"\(p.id)\" needs an external venue (depthUSD, feeBps)"
        )
      }
      if p.quote != hub && p.external != nil {
        throw fail(
          poolField + ".external",
          "only hub pairs have an external venue; \"\(p.id)\" does not hold the hub")
      }
    }
    guard pools[pegPool].quote == hub, tokens[pools[pegPool].base].kind == .stable else {
      throw fail(
        at("pegPool"), "the peg pool \"\(pools[pegPool].id)\" must pair a stable with the hub")
    }
    self.name = name
    self.tokens = tokens
    self.pools = pools
    self.hub = hub
    self.pegPool = pegPool
  }

  /// The most tokens a graph may have (order pairs grow as its square).
  public static let maxTokens = 64

  /// The index of the token `symbol`, if it is in the graph.
  public func token(_ symbol: String) -> Int? { tokens.firstIndex { $0.symbol == symbol } }

  /// The pool holding `token` and the hub, if any.
  public func hubPool(of token: Int) -> Int? {
    pools.firstIndex { $0.quote == hub && $0.base == token }
  }

  /// Indices of the tokens (other than the hub) native to `chain`.
  public func tokens(from chain: Int) -> [Int] {
    tokens.indices.filter { tokens[$0].originChain == chain && $0 != hub }
  }
}
