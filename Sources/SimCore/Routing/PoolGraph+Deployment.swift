extension PoolGraph {
  /// The deployment file in the config folder.
  public static let deploymentFile = "deployment-status.json"
  /// Pool statuses a deployment file may give; only `deployed` pools are simulated.
  public static let poolStatuses = ["deployed", "pending", "paused", "deprecated", "planned"]
  /// How far a pool's `oraclePrice` may sit from the ratio of its tokens' prices.
  static let oracleTolerance = 0.02

  /// Reads a deployment-status tree (`config/deployment-status.json`, or the
  /// same object inline as `pmm.deployment`). Every fault names the file, the
  /// field and the value.
  public init(deployment value: ConfigValue, file: String, path: [String] = []) throws(ConfigError) {
    let r = try ConfigReader(value, file: file, path: path)
    let field = path.joined(separator: ".")
    func at(_ key: String) -> String { field.isEmpty ? key : field + "." + key }
    _ = try r.string("description", default: "")
    _ = try r.string("updated", default: "")
    let network = try r.string("network", default: "Chain \(Self.homeChain)")
    _ = try r.integer("chainId", default: Self.homeChain, in: 1...(1 << 53))
    let hubSymbol = try r.string("hub", default: nil)
    let pegID = try r.string("pegPool", default: nil)

    var tokens: [GraphToken] = []
    for (n, item) in try r.array("tokens").enumerated() {
      let t = try ConfigReader(item, file: file, path: path + ["tokens[\(n + 1)]"])
      let symbol = try t.string("symbol", default: nil)
      _ = try t.string("name", default: "")
      _ = try t.string("bridge", default: "")
      let kindName = try t.string("kind", default: nil, allowed: GraphToken.Kind.allCases.map(\.rawValue))
      guard let kind = GraphToken.Kind(rawValue: kindName) else { preconditionFailure("kind was checked") }
      let origin = try t.integer("originChain", default: Self.homeChain, in: 1...(1 << 53))
      let price = try t.number("priceUSD", default: 1, in: 1e-12...1e12)
      try t.finish()
      if tokens.contains(where: { $0.symbol == symbol }) {
        throw ConfigError(
          .outOfRange, file: file, field: t.fieldName("symbol"),
          "token \"\(symbol)\" is listed twice")
      }
      tokens.append(GraphToken(symbol: symbol, kind: kind, originChain: origin, priceUSD: price))
    }
    func index(_ symbol: String, _ reader: ConfigReader, _ key: String) throws(ConfigError) -> Int {
      guard let i = tokens.firstIndex(where: { $0.symbol == symbol }) else {
        var message = "\"\(symbol)\" is not one of the listed tokens"
        if let near = ConfigReader.nearest(to: symbol, in: tokens.map(\.symbol)) {
          message += "; did you mean \"\(near)\"?"
        }
        throw ConfigError(.outOfRange, file: file, field: reader.fieldName(key), message)
      }
      return i
    }
    guard let hub = tokens.firstIndex(where: { $0.symbol == hubSymbol }) else {
      throw ConfigError(
        .outOfRange, file: file, field: at("hub"),
        "\"\(hubSymbol)\" is not one of the listed tokens")
    }

    var pools: [GraphPool] = []
    var pegPool: Int?
    var listed: [String] = []
    var poolFields: [String] = []
    for (n, item) in try r.array("pools").enumerated() {
      let p = try ConfigReader(item, file: file, path: path + ["pools[\(n + 1)]"])
      let id = try p.string("id", default: nil)
      _ = try p.string("note", default: "")
      let status = try p.string("status", default: nil, allowed: Self.poolStatuses)
      let base = try index(try p.string("base", default: nil), p, "base")
      let quote = try index(try p.string("quote", default: nil), p, "quote")
      let baseReserve = try p.number("baseReserve", default: 0, in: 1e-12...1e15)
      let quoteReserve = try p.number("quoteReserve", default: 0, in: 1e-12...1e15)
      let oracle = try p.number("oraclePrice", default: 0, in: 1e-12...1e12)
      let k = try p.curveK("k", default: 0)
      let lp = try p.number("lpFeeBps", default: 0, in: 0...1_000)
      let mt = try p.number("maintainerFeeBps", default: 0, in: 0...1_000)
      let weight = try p.number("flowWeight", default: 1, in: 0...1e6)
      var external: ExternalVenueSpec?
      if p.raw("external") != nil {
        let e = try p.child("external")
        external = ExternalVenueSpec(
          depthUSD: try e.number("depthUSD", default: 0, in: 1...1e13),
          feeRate: try e.number("feeBps", default: 0, in: 0...1_000) * 1e-4)
        try e.finish()
      }
      for key in ["baseReserve", "quoteReserve", "oraclePrice"] where p.raw(key) == nil {
        throw ConfigError(.missingField, file: file, field: p.fieldName(key), "is required")
      }
      try p.finish()
      if listed.contains(id) {
        throw ConfigError(
          .outOfRange, file: file, field: p.fieldName("id"), "pool \"\(id)\" is listed twice")
      }
      listed.append(id)
      let fair = tokens[base].priceUSD / tokens[quote].priceUSD
      if abs(oracle / fair - 1) > Self.oracleTolerance {
        throw ConfigError(
          .outOfRange, file: file, field: p.fieldName("oraclePrice"),
          "\(JSONText.number(oracle)) disagrees with the token prices (\(tokens[base].symbol) \(JSONText.number(tokens[base].priceUSD)) USD / \(tokens[quote].symbol) \(JSONText.number(tokens[quote].priceUSD)) USD = \(JSONText.number(fair))) by more than 2%"
        )
      }
      guard status == "deployed" else {
        if id == pegID {
          throw ConfigError(
            .outOfRange, file: file, field: at("pegPool"),
            "the peg pool \"\(id)\" has status \"\(status)\", not \"deployed\"")
        }
        continue
      }
      let pool: PMMPool
      do {
        pool = try PMMPool(
          baseReserve: baseReserve, quoteReserve: quoteReserve, guidePrice: oracle, k: k,
          lpFeeRate: lp * 1e-4,
          maintainerFeeRate: mt * 1e-4)
      } catch {
        throw ConfigError(
          .outOfRange, file: file, field: p.fieldName("id"), "pool \"\(id)\": \(error.message)")
      }
      if id == pegID { pegPool = pools.count }
      poolFields.append(p.path.joined(separator: "."))
      pools.append(
        GraphPool(
          id: id, base: base, quote: quote, pool: pool, external: external, flowWeight: weight))
    }
    try r.finish()
    guard let pegPool else {
      throw ConfigError(
        .outOfRange, file: file, field: at("pegPool"), "\"\(pegID)\" is not one of the listed pools"
      )
    }
    try self.init(
      name: network, tokens: tokens, pools: pools, hub: hub, pegPool: pegPool, file: file,
      field: field,
      poolFields: poolFields)
  }
}
