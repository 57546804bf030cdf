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

  /// Shock types that need no pool graph, in `ShockSchema` order.
  public static let typeNames = ShockSchema.types.filter { $0.scope != .graph }.map(\.name)
  /// Shock types that need the pool graph (coupled mode).
  public static let coupledTypeNames = ShockSchema.types.filter { $0.scope == .graph }.map(\.name)
  /// Shock types that act on the capital overlay's own state.
  public static let capitalTypeNames = ShockSchema.types.filter { $0.scope == .capital }.map(\.name)

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

  /// The schema entry of the shock's type.
  public var spec: ShockSpec {
    switch kind {
    case .assetCrash: ShockSchema.assetCrash
    case .volSpike: ShockSchema.volSpike
    case .liquidityShock: ShockSchema.liquidityShock
    case .redemptionWave: ShockSchema.redemptionWave
    case .pegShock: ShockSchema.pegShock
    case .flowShock: ShockSchema.flowShock
    case .bridgeHalt: ShockSchema.bridgeHalt
    case .poolDepeg: ShockSchema.poolDepeg
    case .oracleLag: ShockSchema.oracleLag
    }
  }

  /// The scenario-field name of the shock's type.
  public var typeName: String { spec.name }
}

extension Shock {
  /// Decodes one entry of a scenario's `shocks` array. `graph` is the
  /// scenario's pool graph (nil without one); `hasCapital` whether it has the
  /// capital overlay. Shocks on state the scenario does not simulate are errors.
  init(
    _ value: ConfigValue, file: String, field: String, epochs: Int, graph: PoolGraph? = nil, hasCapital: Bool = true
  ) throws(ConfigError) {
    let r = try ConfigReader(value, file: file, path: [field])
    let type = try r.string("type", default: nil, allowed: ShockSchema.names)
    guard let spec = ShockSchema.spec(named: type) else { preconditionFailure("allowed: ShockSchema.names") }
    if spec.scope == .graph && graph == nil {
      throw ConfigError(
        .outOfRange, file: file, field: field + ".type",
        "\"\(type)\" needs the pool graph: set graphMode to \"synthetic\" or \"deployed\" (pmm.mode \"coupled\")")
    }
    if spec.scope == .capital && !hasCapital {
      throw ConfigError(
        .outOfRange, file: file, field: field + ".type",
        "\"\(type)\" acts on the capital overlay, which this routing-only scenario does not have (add capitalEfficiency)"
      )
    }
    let last = max(epochs - 1, 0)
    let timing = ShockFields(reader: r, fields: ShockSchema.timing, epochs: epochs)
    let f = ShockFields(reader: r, fields: spec.fields, epochs: epochs)
    let at = try timing.optionalInteger("at")
    let lo = try timing.optionalInteger("from")
    let hi = try timing.optionalInteger("to")
    if at != nil, lo != nil || hi != nil {
      throw ConfigError(.outOfRange, file: file, field: field, "give either \"at\" or \"from\"/\"to\", not both")
    }
    from = at ?? lo ?? 0
    to = at ?? hi ?? (lo == nil ? 0 : last)
    if to < from {
      throw ConfigError(.outOfRange, file: file, field: field + ".to", "\(to) is before \"from\" \(from)")
    }
    probability = try timing.number("p")
    switch type {
    case ShockSchema.assetCrash.name:
      kind = .assetCrash(drop: try f.number("drop"))
    case ShockSchema.volSpike.name:
      let level = try f.optionalNumber("level")
      let add = try f.optionalNumber("add")
      if level == nil && add == nil {
        throw ConfigError(.missingField, file: file, field: field, "vol_spike needs \"level\" or \"add\"")
      }
      kind = .volSpike(level: level, add: add)
    case ShockSchema.liquidityShock.name:
      kind = .liquidityShock(factor: try f.number("factor"))
    case ShockSchema.redemptionWave.name:
      kind = .redemptionWave(rate: try f.number("rate"), epochs: try f.integer("epochs"))
    case ShockSchema.pegShock.name:
      kind = .pegShock(delta: try f.number("delta"))
    case ShockSchema.flowShock.name:
      kind = .flowShock(imbalance: try f.number("imbalance"), epochs: try f.integer("epochs"))
    case ShockSchema.bridgeHalt.name:
      guard let graph else { throw Self.needsGraph(type, file: file, field: field) }
      kind = try Self.bridgeHalt(f, graph: graph)
    case ShockSchema.poolDepeg.name:
      guard let graph else { throw Self.needsGraph(type, file: file, field: field) }
      let symbol = try f.string("token")
      guard let t = graph.token(symbol) else {
        var message = "\"\(Echo.name(symbol))\" is not a token of the graph"
        if let near = ConfigReader.nearest(to: symbol, in: graph.tokens.map(\.symbol)) {
          message += "; did you mean \"\(near)\"?"
        }
        throw ConfigError(.outOfRange, file: file, field: r.fieldName("token"), message)
      }
      guard graph.tokens[t].kind == .stable else {
        throw ConfigError(
          .outOfRange, file: file, field: r.fieldName("token"),
          "\"\(symbol)\" is volatile; pool_depeg moves a stable off its peg")
      }
      kind = .poolDepeg(token: symbol, price: try f.number("price"), epochs: try f.integer("epochs"))
    default:
      kind = .oracleLag(lag: try f.integer("epochs"), epochs: try f.integer("duration"))
    }
    try r.finish()
  }
}

extension Shock {
  /// Reads a `bridge_halt`: `chains` must each be the origin of a token of the graph.
  private static func bridgeHalt(_ f: ShockFields, graph: PoolGraph) throws(ConfigError) -> Kind {
    let r = f.reader
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
      chains: chains, epochs: try f.integer("epochs"), depthFactor: try f.number("depthFactor"),
      discount: try f.number("discount"), exitShare: try f.number("exitShare"))
  }

  /// The error for a pool-graph shock in a scenario without a graph (the
  /// scope check before the fields normally reports it first).
  static func needsGraph(_ type: String, file: String, field: String) -> ConfigError {
    ConfigError(.outOfRange, file: file, field: field, "\(type) needs a scenario that steps a pool graph")
  }
}

/// Reads fields of one shock as their `ShockFieldSpec`s declare them: default,
/// range (an epoch index ends at the scenario's last epoch), whole numbers.
private struct ShockFields {
  let reader: ConfigReader
  let fields: [ShockFieldSpec]
  let epochs: Int

  func spec(_ name: String) -> ShockFieldSpec {
    guard let spec = fields.first(where: { $0.name == name }) else {
      preconditionFailure("no shock field \(name) in ShockSchema")
    }
    return spec
  }

  func range(_ spec: ShockFieldSpec) -> ClosedRange<Double> {
    let range = spec.range ?? -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
    return spec.isEpochIndex ? range.lowerBound...min(range.upperBound, Double(max(epochs - 1, 0))) : range
  }

  func fallback(_ spec: ShockFieldSpec) -> Double {
    switch spec.defaultValue {
    case .value(let x): x
    case .scenarioEpochs: Double(epochs)
    case .required, .optional: preconditionFailure("shock field \(spec.name) has no default")
    }
  }

  /// A number field; a required one that is absent is an error naming it.
  func number(_ name: String) throws(ConfigError) -> Double {
    let s = spec(name)
    if s.defaultValue == .required, reader.raw(name) == nil {
      throw ConfigError(
        .missingField, file: reader.file, field: reader.fieldName(name),
        "is required: \(s.doc) (\(s.range.map(ConfigReader.rangeText) ?? s.unit))")
    }
    return try reader.number(name, default: s.defaultValue == .required ? 0 : fallback(s), in: range(s))
  }

  /// An optional whole-number field (an epoch index); a fraction is an error, never truncated.
  func optionalInteger(_ name: String) throws(ConfigError) -> Int? {
    let r = range(spec(name))
    return try reader.optionalInteger(name, in: Int(r.lowerBound)...Int(r.upperBound))
  }

  func optionalNumber(_ name: String) throws(ConfigError) -> Double? {
    try reader.optionalNumber(name, in: range(spec(name)))
  }

  func integer(_ name: String) throws(ConfigError) -> Int {
    let s = spec(name)
    let r = range(s)
    return try reader.integer(name, default: Int(fallback(s)), in: Int(r.lowerBound)...Int(r.upperBound))
  }

  func string(_ name: String) throws(ConfigError) -> String {
    let s = spec(name)
    return try reader.string(name, default: s.defaultValue == .required ? nil : "")
  }
}
