/// A scheduled shock (MODEL.md section 3, step 1).
///
/// Timing: `at` fixes the epoch; `from`/`to` draw the epoch uniformly from that
/// window per path; `p` makes the shock happen on a path with that probability.
/// Both draws come from the shock stream, so they never disturb market draws.
public struct Shock: Sendable, Equatable {
  public enum Kind: Sendable, Equatable {
    /// S *= (1 - drop).
    case assetCrash(drop: Double)
    /// sigma = max(sigma, level), then sigma += add.
    case volSpike(level: Double?, add: Double?)
    /// ell *= factor.
    case liquidityShock(factor: Double)
    /// Adds `rate` (fraction of T per epoch) to redemptions for `epochs` epochs.
    case redemptionWave(rate: Double, epochs: Int)
    /// P += delta.
    case pegShock(delta: Double)
    /// Adds `imbalance` to the flow imbalance for `epochs` epochs.
    case flowShock(imbalance: Double, epochs: Int)
    /// Pool graph: for `epochs` epochs, holders of tokens bridged from `chains`
    /// sell them one way into the pools (`exitShare` of their hub pool's depth
    /// per epoch, on top of order flow, which sells them too), and their
    /// external venues keep `depthFactor` of their depth and price them at
    /// `1 - discount` of par.
    case bridgeHalt(chains: [Int], epochs: Int, depthFactor: Double, discount: Double, exitShare: Double)
    /// Pool graph: the outside price of the stable `token` is `price` USD for `epochs` epochs.
    case poolDepeg(token: String, price: Double, epochs: Int)
    /// Pool graph: the pools' oracle reports the outside price of `lag` epochs
    /// earlier, for `epochs` epochs.
    case oracleLag(lag: Int, epochs: Int)
  }

  public static let typeNames = [
    "asset_crash", "vol_spike", "liquidity_shock", "redemption_wave", "peg_shock", "flow_shock",
  ]
  /// Shock types that need the pool graph (coupled mode).
  public static let coupledTypeNames = ["bridge_halt", "pool_depeg", "oracle_lag"]

  public var kind: Kind
  /// First and last epoch the shock may start in (equal for a fixed `at`).
  public var from: Int
  public var to: Int
  /// Probability that the shock happens on a given path.
  public var probability: Double

  public init(kind: Kind, from: Int, to: Int, probability: Double = 1) {
    self.kind = kind
    self.from = from
    self.to = to
    self.probability = probability
  }

  /// The scenario-field name of the shock's type.
  public var typeName: String {
    switch kind {
    case .assetCrash: "asset_crash"
    case .volSpike: "vol_spike"
    case .liquidityShock: "liquidity_shock"
    case .redemptionWave: "redemption_wave"
    case .pegShock: "peg_shock"
    case .flowShock: "flow_shock"
    case .bridgeHalt: "bridge_halt"
    case .poolDepeg: "pool_depeg"
    case .oracleLag: "oracle_lag"
    }
  }

  /// Shock types that act on the capital overlay's own state.
  public static let capitalTypeNames = ["vol_spike", "liquidity_shock", "redemption_wave", "peg_shock"]
}

extension Shock {
  /// Decodes one entry of a scenario's `shocks` array. `graph` is the
  /// scenario's pool graph (nil without one); `hasCapital` whether it has the
  /// capital overlay. Shocks on state the scenario does not simulate are errors.
  init(
    _ value: ConfigValue, file: String, field: String, epochs: Int, graph: PoolGraph? = nil, hasCapital: Bool = true
  ) throws(ConfigError) {
    let r = try ConfigReader(value, file: file, path: [field])
    let type = try r.string("type", default: nil, allowed: Self.typeNames + Self.coupledTypeNames)
    if Self.coupledTypeNames.contains(type) && graph == nil {
      throw ConfigError(
        .outOfRange, file: file, field: field + ".type",
        "\"\(type)\" needs the pool graph: set graphMode to \"synthetic\" or \"deployed\" (pmm.mode \"coupled\")")
    }
    if Self.capitalTypeNames.contains(type) && !hasCapital {
      throw ConfigError(
        .outOfRange, file: file, field: field + ".type",
        "\"\(type)\" acts on the capital overlay, which this routing-only scenario does not have (add capitalEfficiency)"
      )
    }
    let last = max(epochs - 1, 0)
    let at = try r.optionalNumber("at", in: 0...Double(last)).map(Int.init)
    let lo = try r.optionalNumber("from", in: 0...Double(last)).map(Int.init)
    let hi = try r.optionalNumber("to", in: 0...Double(last)).map(Int.init)
    if at != nil, lo != nil || hi != nil {
      throw ConfigError(.outOfRange, file: file, field: field, "give either \"at\" or \"from\"/\"to\", not both")
    }
    from = at ?? lo ?? 0
    to = at ?? hi ?? (lo == nil ? 0 : last)
    if to < from {
      throw ConfigError(.outOfRange, file: file, field: field + ".to", "\(to) is before \"from\" \(from)")
    }
    probability = try r.number("p", default: 1, in: 0...1)
    switch type {
    case "asset_crash":
      kind = .assetCrash(drop: try r.number("drop", default: 0, in: 0...1))
    case "vol_spike":
      let level = try r.optionalNumber("level", in: 0...10)
      let add = try r.optionalNumber("add", in: -10...10)
      if level == nil && add == nil {
        throw ConfigError(.missingField, file: file, field: field, "vol_spike needs \"level\" or \"add\"")
      }
      kind = .volSpike(level: level, add: add)
    case "liquidity_shock":
      kind = .liquidityShock(factor: try r.number("factor", default: 1, in: 0...100))
    case "redemption_wave":
      kind = .redemptionWave(
        rate: try r.number("rate", default: 0, in: 0...1),
        epochs: try r.integer("epochs", default: 1, in: 1...1_000_000))
    case "peg_shock":
      kind = .pegShock(delta: try r.number("delta", default: 0, in: -1...1))
    case "flow_shock":
      kind = .flowShock(
        imbalance: try r.number("imbalance", default: 0, in: -1...1),
        epochs: try r.integer("epochs", default: 1, in: 1...1_000_000))
    case "bridge_halt":
      kind = try Self.bridgeHalt(r, graph: graph!, epochs: epochs)
    case "pool_depeg":
      let symbol = try r.string("token", default: nil)
      guard let t = graph!.token(symbol) else {
        var message = "\"\(symbol)\" is not a token of the graph"
        if let near = ConfigReader.nearest(to: symbol, in: graph!.tokens.map(\.symbol)) {
          message += "; did you mean \"\(near)\"?"
        }
        throw ConfigError(.outOfRange, file: file, field: r.fieldName("token"), message)
      }
      guard graph!.tokens[t].kind == .stable else {
        throw ConfigError(
          .outOfRange, file: file, field: r.fieldName("token"),
          "\"\(symbol)\" is volatile; pool_depeg moves a stable off its peg")
      }
      kind = .poolDepeg(
        token: symbol, price: try r.number("price", default: 1, in: 1e-6...10),
        epochs: try r.integer("epochs", default: epochs, in: 1...1_000_000))
    default:
      kind = .oracleLag(
        lag: try r.integer("epochs", default: 1, in: 1...RoutingParameters.maxOracleLag),
        epochs: try r.integer("duration", default: epochs, in: 1...1_000_000))
    }
    try r.finish()
  }
}

extension Shock {
  /// Reads a `bridge_halt`: `chains` must each be the origin of a token of the graph.
  static func bridgeHalt(_ r: ConfigReader, graph: PoolGraph, epochs: Int) throws(ConfigError) -> Kind {
    var chains: [Int] = []
    for (n, item) in try r.array("chains").enumerated() {
      let field = r.fieldName("chains") + "[\(n + 1)]"
      guard case .number(let x) = item, x == x.rounded(), x >= 1, x <= 1e12 else {
        throw ConfigError(
          .wrongType, file: r.file, field: field, "expected a chain id (a whole number), got a \(item.typeName)")
      }
      guard !graph.tokens(from: Int(x)).isEmpty else {
        throw ConfigError(
          .outOfRange, file: r.file, field: field,
          "no token of the graph \"\(graph.name)\" is bridged from chain \(Int(x)); origins present: "
            + Set(graph.tokens.map(\.originChain)).sorted().map(String.init).joined(separator: ", "))
      }
      chains.append(Int(x))
    }
    guard !chains.isEmpty else {
      throw ConfigError(
        .missingField, file: r.file, field: r.fieldName("chains"),
        "is required: the chains whose bridges halt, e.g. [137, 56]")
    }
    return .bridgeHalt(
      chains: chains, epochs: try r.integer("epochs", default: 1, in: 1...1_000_000),
      depthFactor: try r.number("depthFactor", default: 0.1, in: 0.001...1),
      discount: try r.number("discount", default: 0.02, in: 0...0.99),
      exitShare: try r.number("exitShare", default: 0.03, in: 0...1))
  }
}
