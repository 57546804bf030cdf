/// The PMM health block of a run that steps a pool graph (MODEL.md sections 2
/// and 4): capture, churn, intervention cost, the hub's peg deviation, the
/// worst pools and per-pool diagnostics. USD figures are means per path over
/// the run's epochs; every sum is taken in path order.
public struct RoutingScorecard: Sendable {
  /// One pool's diagnostics.
  public struct Pool: Sendable, Equatable {
    public var id: String
    public var base: String
    public var quote: String
    /// The base token's origin chain (138 for Chain 138's own tokens).
    public var originChain: Int
    /// Order flow through the pool, USD per path.
    public var volume: Double
    /// Order flow on the pair's external venue, USD per path.
    public var externalVolume: Double
    /// volume / (volume + externalVolume); 1 for a pool without a venue.
    public var capture: Double
    public var arbitrageVolume: Double
    public var feeIncome: Double
    /// Inventory turnover per epoch: sum of |dB| / sum over epochs of B0.
    public var churn: Double
    /// Interventions per path.
    public var interventions: Double
    /// Intervention cost, USD per path (paid minus received at mark, fees, gas).
    public var interventionCost: Double
    /// Fraction of epochs with |P/i - 1| above the policy peg band (before intervention).
    public var pegDeviationFrequency: Double
    /// Largest |P/i - 1| over all paths and epochs (before intervention).
    public var worstPriceDeviation: Double
    /// The 95th percentile over paths of each path's largest |P/i - 1|: the
    /// worst a typical path sees, less driven by one extreme order than the maximum.
    public var worstPriceDeviationP95: Double
    /// Mean |P/i - 1| over path-epochs.
    public var meanPriceDeviation: Double
  }

  public var graph: String
  public var graphMode: String
  /// PMM order volume / (PMM + external order volume).
  public var capture: Double
  /// Mean of the pools' churn (inventory turnover per epoch).
  public var churn: Double
  /// USD per path.
  public var interventionCost: Double
  public var interventions: Double
  public var feeIncome: Double
  public var pmmVolume: Double
  public var externalVolume: Double
  public var arbitrageVolume: Double
  public var unroutedVolume: Double
  /// The peg pool whose mid price measures the hub's peg.
  public var pegPool: String
  public var pegBand: Double
  /// Fraction of path-epochs with the peg pool's |mid - 1| above the peg band.
  public var pegDeviationFrequency: Double
  /// Largest |mid - 1| of the peg pool.
  public var pegDeviationWorst: Double
  public var pools: [Pool]
  /// Pool indices, worst first: by intervention cost, and by worst |P/i - 1|.
  public var worstByInterventionCost: [Int]
  public var worstByPriceDeviation: [Int]
  /// What `Calibration` fits from, per epoch: mean fee income / T and
  /// intervention cost / T (coupled runs), the pooled within-path standard
  /// deviations of log(fee income) and of the hub imbalance, and its mean.
  public var feeOverCapitalPerEpoch: Double
  public var interventionOverCapitalPerEpoch: Double
  public var logFeeVolatility: Double
  public var imbalanceVolatility: Double
  public var imbalanceMean: Double

  /// How many pools `worst_pools` lists.
  public static let worstCount = 5

  public init(_ r: RoutingRecords, pegBand: Double) {
    let n = Double(r.paths)
    let pathEpochs = n * Double(r.epochs)
    let g = r.graph
    graph = g.name
    graphMode = r.graphMode.rawValue
    pmmVolume = r.sum(.pmmVolume) / n
    externalVolume = r.sum(.externalVolume) / n
    capture = pmmVolume + externalVolume > 0 ? pmmVolume / (pmmVolume + externalVolume) : 0
    interventionCost = r.sum(.interventionCost) / n
    interventions = r.sum(.interventions) / n
    feeIncome = r.sum(.feeIncome) / n
    arbitrageVolume = r.sum(.arbitrageVolume) / n
    unroutedVolume = r.sum(.unroutedVolume) / n
    pegPool = g.pools[g.pegPool].id
    self.pegBand = pegBand
    pegDeviationFrequency = r.sum(.pegEpochsOverBand) / pathEpochs
    var worst = 0.0
    for path in 0..<r.paths { worst = max(worst, r.total(.pegWorst, path: path)) }
    pegDeviationWorst = worst
    var pools: [Pool] = []
    for (p, pool) in g.pools.enumerated() {
      let volume = r.sum(p, .orderVolume) / n
      let external = r.sum(p, .externalVolume) / n
      var churn = 0.0
      var worstPerPath: [Double] = []
      worstPerPath.reserveCapacity(r.paths)
      for path in 0..<r.paths {
        let targets = r.pool(p, .baseTargetSum, path: path)
        if targets > 0 { churn += r.pool(p, .baseTurnover, path: path) / targets }
        worstPerPath.append(r.pool(p, .worstDeviation, path: path))
      }
      worstPerPath.sort()
      pools.append(
        Pool(
          id: pool.id, base: g.tokens[pool.base].symbol, quote: g.tokens[pool.quote].symbol,
          originChain: g.tokens[pool.base].originChain, volume: volume, externalVolume: external,
          capture: volume + external > 0 ? volume / (volume + external) : 0,
          arbitrageVolume: r.sum(p, .arbitrageVolume) / n, feeIncome: r.sum(p, .feeIncome) / n,
          churn: churn / n,
          interventions: r.sum(p, .interventions) / n,
          interventionCost: r.sum(p, .interventionCost) / n,
          pegDeviationFrequency: r.sum(p, .epochsOverBand) / pathEpochs,
          worstPriceDeviation: worstPerPath.last ?? 0,
          worstPriceDeviationP95: Quantiles.sorted(worstPerPath, 0.95),
          meanPriceDeviation: r.sum(p, .deviationSum) / pathEpochs))
    }
    self.pools = pools
    churn = pools.isEmpty ? 0 : pools.reduce(0) { $0 + $1.churn } / Double(pools.count)
    let order = Array(pools.indices)
    worstByInterventionCost = Array(
      order.sorted { (pools[$0].interventionCost, $1) > (pools[$1].interventionCost, $0) }.prefix(
        Self.worstCount))
    worstByPriceDeviation = Array(
      order.sorted { (pools[$0].worstPriceDeviation, $1) > (pools[$1].worstPriceDeviation, $0) }
        .prefix(Self.worstCount))

    feeOverCapitalPerEpoch = r.sum(.feeOverCapital) / pathEpochs
    interventionOverCapitalPerEpoch = r.sum(.interventionOverCapital) / pathEpochs
    var logVar = 0.0
    var logDof = 0.0
    var imbVar = 0.0
    var imbDof = 0.0
    for path in 0..<r.paths {
      let k = r.total(.feeEpochs, path: path)
      if k > 1 {
        let s = r.total(.logFeeSum, path: path)
        logVar += r.total(.logFeeSquares, path: path) - s * s / k
        logDof += k - 1
      }
      let e = r.total(.epochs, path: path)
      if e > 1 {
        let s = r.total(.imbalanceSum, path: path)
        imbVar += r.total(.imbalanceSquares, path: path) - s * s / e
        imbDof += e - 1
      }
    }
    logFeeVolatility = logDof > 0 ? max(0, logVar / logDof).squareRoot() : 0
    imbalanceVolatility = imbDof > 0 ? max(0, imbVar / imbDof).squareRoot() : 0
    imbalanceMean = r.sum(.imbalanceSum) / pathEpochs
  }

  /// The routing block's scalars, by the names `scalar` takes (after `routing.`).
  public static let scalarFieldNames = [
    "capture", "churn", "intervention_cost", "interventions", "fee_income",
    PegMetric.poolMidName + ".frequency",
    PegMetric.poolMidName + ".worst",
  ]

  /// A scalar of the block by name (without the `routing.` prefix); the peg
  /// pool's figures also answer to their former names `peg_deviation.*`.
  public func scalar(_ name: String) -> Double? {
    switch name {
    case "capture": capture
    case "churn": churn
    case "intervention_cost": interventionCost
    case "interventions": interventions
    case "fee_income": feeIncome
    case "pmm_volume": pmmVolume
    case "external_volume": externalVolume
    case "arbitrage_volume": arbitrageVolume
    case "peg_pool_mid_deviation.frequency", "peg_deviation.frequency": pegDeviationFrequency
    case "peg_pool_mid_deviation.worst", "peg_deviation.worst": pegDeviationWorst
    default: nil
    }
  }
}
