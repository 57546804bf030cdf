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
    }
  }
}

extension Shock {
  /// Decodes one entry of a scenario's `shocks` array.
  init(_ value: ConfigValue, file: String, field: String, epochs: Int) throws(ConfigError) {
    let r = try ConfigReader(value, file: file, path: [field])
    let type = try r.string("type", default: nil, allowed: Self.typeNames + Self.coupledTypeNames)
    if Self.coupledTypeNames.contains(type) {
      throw ConfigError(
        .outOfRange, file: file, field: field + ".type",
        "\"\(type)\" needs the pool graph (pmm.mode \"coupled\"), which this build does not simulate yet")
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
        rate: try r.number("rate", default: 0, in: 0...1), epochs: try r.integer("epochs", default: 1, in: 1...1_000_000))
    case "peg_shock":
      kind = .pegShock(delta: try r.number("delta", default: 0, in: -1...1))
    default:
      kind = .flowShock(
        imbalance: try r.number("imbalance", default: 0, in: -1...1),
        epochs: try r.integer("epochs", default: 1, in: 1...1_000_000))
    }
    try r.finish()
  }
}
