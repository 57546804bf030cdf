/// The routing simulation's market assumptions (MODEL.md section 2), read from
/// a scenario's `pmm` block: order flow, oracle, arbitrage and intervention.
/// Every field is one stored property here plus one row of `RoutingSchema.fields`
/// (its path under `pmm`, default, range, unit and meaning); `init()` holds the defaults.
public struct RoutingParameters: Sendable, Equatable {
  public var ordersPerEpoch = 0.0
  public var meanOrderUSD = 0.0
  public var orderSizeVol = 0.0
  public var crossShare = 0.0
  public var stableNoise = 0.0
  public var stableReversion = 0.0
  public var oracleLag = 0
  public var volatileSigma = 0.0
  public var arbitrageMinProfitUSD = 0.0
  public var interventionBand = 0.0
  public var volatileInterventionBand = 0.0
  public var interventionGasUSD = 0.0

  /// `oracleLag` as the schema's number.
  var oracleLagEpochs: Double {
    get { Double(oracleLag) }
    set { oracleLag = Int(newValue) }
  }

  /// The default parameters: every field at its `RoutingSchema` default.
  public init() {
    for spec in RoutingSchema.fields { self[keyPath: spec.keyPath] = spec.defaultValue }
  }

  static let maxOrdersPerEpoch = 500.0
  static let maxOracleLag = 365

  /// Reads `pmm.flow`, `pmm.oracle`, `pmm.arbitrage` and `pmm.intervention`.
  /// `hasCapital`: whether the scenario has a capital overlay (then S comes from it).
  init(_ pmm: ConfigReader, hasCapital: Bool) throws(ConfigError) {
    self.init()
    try pmm.read(RoutingSchema.fields, into: &self) { spec, reader throws(ConfigError) in
      if spec.name == "oracle.volatileSigma", hasCapital, reader.raw(spec.key) != nil {
        throw ConfigError(
          .outOfRange, file: reader.file, field: reader.fieldName(spec.key),
          "is for routing-only scenarios; a coupled run takes S from the capital overlay (capitalEfficiency.sigma0, sigmaBar, ...)"
        )
      }
    }
  }
}

public enum RoutingSchema {
  /// The routing parameters of a scenario's `pmm` block, by their path under `pmm`, in the order they are read.
  public static let fields: [RecordFieldSpec<RoutingParameters>] = [
    .init(
      "flow.ordersPerEpoch", \.ordersPerEpoch, default: 24, range: 0...RoutingParameters.maxOrdersPerEpoch,
      unit: "orders per epoch", doc: "mean number of orders per epoch (Poisson)"),
    .init(
      "flow.meanOrderUSD", \.meanOrderUSD, default: 25_000, range: 0...1e12, unit: "USD",
      doc: "mean order size (lognormal)"),
    .init(
      "flow.orderSizeVol", \.orderSizeVol, default: 0.8, range: 0...5, unit: "log", doc: "log-volatility of order sizes"
    ),
    .init(
      "flow.crossShare", \.crossShare, default: 0.15, range: 0...1, unit: "fraction",
      doc: "share of orders between two non-hub tokens (routed direct, two-hop or external)"),
    .init(
      "oracle.stableNoise", \.stableNoise, default: 0.0003, range: 0...0.1, unit: "per epoch",
      doc: "volatility of a stable's outside price around its peg"),
    .init(
      "oracle.stableReversion", \.stableReversion, default: 0.3, range: 0...1, unit: "fraction per epoch",
      doc: "share of a stable's price deviation that decays each epoch"),
    .init(
      "oracle.lag", \.oracleLagEpochs, default: 0, range: 0...Double(RoutingParameters.maxOracleLag), isInteger: true,
      unit: "epochs", doc: "epochs by which the pools' oracle trails the outside market"),
    .init(
      "oracle.volatileSigma", \.volatileSigma, default: 0.6, range: 0...5, unit: "per sqrt(year)",
      doc:
        "annual volatility of the external asset S in routing-only scenarios (coupled runs take S from the capital overlay)"
    ),
    .init(
      "arbitrage.minProfitUSD", \.arbitrageMinProfitUSD, default: 5, range: 0...1e9, unit: "USD",
      doc: "arbitrage smaller than this profit is not worth the gas and is skipped"),
    .init(
      "intervention.band", \.interventionBand, default: 0.003, range: 0...1, unit: "R deviation",
      doc: "the treasury restores a pool of a stable to R = 1 when abs(R - 1) = abs(P/i - 1) exceeds this"),
    .init(
      "intervention.volatileBand", \.volatileInterventionBand, default: 0.02, range: 0...1, unit: "R deviation",
      doc: "the same band for pools whose base is volatile (steeper curve, wider fees)"),
    .init(
      "intervention.gasUSD", \.interventionGasUSD, default: 20, range: 0...1e9, unit: "USD",
      doc: "gas cost of one intervention"),
  ]
}
