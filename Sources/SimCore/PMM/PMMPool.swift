/// A DODO v2 proactive-market-maker pool (`PMMPricing` / `DODOMath`), as a value.
///
/// The pool holds base reserve `B` and quote reserve `Q` with targets `B0`, `Q0`,
/// a guide (oracle) price `i` in quote per base, a curve parameter `k` in
/// [0, 1], LP and maintainer fee rates, and the R state. The marginal price is
/// `P = i * R` with `R = 1 - k + k*(B0/B)^2` when base is short,
/// `R = 1 / (1 - k + k*(Q0/Q)^2)` when quote is short, and `R = 1` at equilibrium.
///
/// As in DODO v2, only the target of the side in surplus is carried from trade
/// to trade; the short side's target is re-solved from the reserves and the
/// current `i` (see `setGuidePrice(_:)`). At equilibrium both targets equal the
/// reserves, so LP fees kept in the pool accrue to the targets.
@frozen
public struct PMMPool: Sendable, Hashable {
  /// Base reserve `B`.
  public internal(set) var baseReserve: Double
  /// Quote reserve `Q`.
  public internal(set) var quoteReserve: Double
  /// Base target `B0`: the base reserve at equilibrium.
  public internal(set) var baseTarget: Double
  /// Quote target `Q0`: the quote reserve at equilibrium.
  public internal(set) var quoteTarget: Double
  /// Guide (oracle) price `i`, in quote per base.
  public internal(set) var guidePrice: Double
  /// Curve parameter: 0 trades flat at `i`, 1 is constant product.
  public let k: Double
  /// Fraction of each output kept by the pool for its LPs.
  public let lpFeeRate: Double
  /// Fraction of each output paid to the maintainer (leaves the pool).
  public let maintainerFeeRate: Double
  /// Which side is short of its target.
  public internal(set) var rState: PMMRState

  /// The smallest non-zero `k` a pool accepts. Below it the curve's `k` terms
  /// are lost to rounding (a subnormal `k` such as 5e-324 paid out more than
  /// the curve allows), and such a pool is flat (`k = 0`) in all but name.
  public static let minimumK = 1e-12

  /// The allowed values of `k`, in words, for error messages.
  public static let kRangeDescription = "0 or [\(minimumK), 1]"

  /// Whether `k` is an allowed curve parameter: 0, or in [`minimumK`, 1].
  public static func isValidK(_ k: Double) -> Bool {
    k == 0 || (k >= minimumK && k <= 1)
  }

  /// Creates a pool at equilibrium: targets equal the reserves and `R = 1`.
  ///
  /// Reserves and `i` must be positive and finite, `k` 0 or in
  /// [`minimumK`, 1], and each fee rate in [0, 1) with a sum below 1.
  public init(
    baseReserve: Double, quoteReserve: Double, guidePrice: Double, k: Double,
    lpFeeRate: Double = 0, maintainerFeeRate: Double = 0
  ) throws(ConfigError) {
    func check(_ ok: Bool, _ field: String, _ message: String)
      throws(ConfigError)
    {
      if !ok {
        throw ConfigError(.outOfRange, file: "pmm pool", field: field, message)
      }
    }
    try check(
      baseReserve.isFinite && baseReserve > 0, "base_reserve",
      "must be positive, got \(baseReserve)")
    try check(
      quoteReserve.isFinite && quoteReserve > 0, "quote_reserve",
      "must be positive, got \(quoteReserve)")
    try check(
      guidePrice.isFinite && guidePrice > 0, "guide_price",
      "must be positive, got \(guidePrice)")
    try check(Self.isValidK(k), "k", "must be \(Self.kRangeDescription), got \(k)")
    try check(
      lpFeeRate >= 0 && lpFeeRate < 1, "lp_fee_rate",
      "must be in [0, 1), got \(lpFeeRate)")
    try check(
      maintainerFeeRate >= 0 && maintainerFeeRate < 1, "maintainer_fee_rate",
      "must be in [0, 1), got \(maintainerFeeRate)")
    try check(
      lpFeeRate + maintainerFeeRate < 1, "maintainer_fee_rate",
      "fee rates must sum below 1")
    self.baseReserve = baseReserve
    self.quoteReserve = quoteReserve
    baseTarget = baseReserve
    quoteTarget = quoteReserve
    self.guidePrice = guidePrice
    self.k = k
    self.lpFeeRate = lpFeeRate
    self.maintainerFeeRate = maintainerFeeRate
    rState = .one
  }

  /// DODO's `R`: the marginal price over the guide price.
  /// - Complexity: O(1).
  public var rFactor: Double {
    guard k > 0 else { return 1 }
    switch rState {
    case .one:
      return 1
    case .aboveOne:
      let ratio = baseTarget / baseReserve
      return (1 - k) + k * ratio * ratio
    case .belowOne:
      let ratio = quoteTarget / quoteReserve
      return 1 / ((1 - k) + k * ratio * ratio)
    }
  }

  /// The marginal price `P = i * R`, in quote per base.
  /// - Complexity: O(1).
  public var marginalPrice: Double { guidePrice * rFactor }

  /// The pool's reserves valued at `price` (quote per base), in quote.
  public func markValue(atPrice price: Double) -> Double {
    baseReserve * price + quoteReserve
  }

  /// Moves the guide price to `price` and re-solves the short side's target at
  /// the new price, keeping the reserves and the surplus side's target.
  ///
  /// Base short (`R > 1`): `B0 = B + 2s / (1 + sqrt(1 + 4ks/B))` with
  /// `s = (Q - Q0) / i`, so that selling `B0 - B` base back pays exactly the
  /// quote surplus `Q - Q0` at the new `i`. Quote short (`R < 1`):
  /// `Q0 = Q + 2s / (1 + sqrt(1 + 4ks/Q))` with `s = (B - B0) * i`. At
  /// equilibrium the targets stay. The marginal price is a continuous function
  /// of `i`; the change in what the targets are worth is the LPs' profit or
  /// loss from the oracle move.
  /// - Precondition: `price` is positive and finite (callers validate input).
  /// - Complexity: O(1).
  public mutating func setGuidePrice(_ price: Double) {
    precondition(
      price.isFinite && price > 0, "PMM guide price must be positive and finite"
    )
    guidePrice = price
    resolveShortTarget()
  }

  /// Re-solves the short side's target from the reserves, the surplus side's
  /// target and `i` (DODO v2 `adjustedTarget`), and returns the pool to
  /// `R = 1` with targets at the reserves when no surplus is left.
  /// - Complexity: O(1).
  mutating func resolveShortTarget() {
    switch rState {
    case .one:
      baseTarget = baseReserve
      quoteTarget = quoteReserve
    case .aboveOne:
      let surplus = quoteReserve - quoteTarget
      guard surplus > 0 else { return settleAtOne() }
      baseTarget = PMMMath.target(
        reserve: baseReserve, convertedSurplus: surplus / guidePrice, k: k)
    case .belowOne:
      let surplus = baseReserve - baseTarget
      guard surplus > 0 else { return settleAtOne() }
      quoteTarget = PMMMath.target(
        reserve: quoteReserve, convertedSurplus: surplus * guidePrice, k: k)
    }
  }

  /// Marks the pool as at equilibrium, with targets equal to the reserves.
  mutating func settleAtOne() {
    rState = .one
    baseTarget = baseReserve
    quoteTarget = quoteReserve
  }
}
