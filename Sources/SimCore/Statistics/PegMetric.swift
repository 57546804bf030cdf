/// The two peg figures of a run, each defined once (docs/OUTPUTS.md, "Two peg
/// figures"). They measure different prices, so they can disagree: the overlay's
/// peg price follows the whole hub market's net flow, the peg pool's mid is one
/// pool that arbitrage holds to its venue.
public enum PegMetric {
  /// The scorecard's `peg_deviation_frequency`, the one the policy gates.
  public static let overlayName = "peg_deviation_frequency"
  /// What `peg_deviation_frequency` measures.
  public static let overlayDefinition =
    "share of path-epochs with the capital overlay's peg price P (the hub stable's market price, moved by net hub flow and arbitrage, after intervention) more than the policy pegBand from 1; gated"

  /// The routing block's `peg_pool_mid_deviation` (formerly `peg_deviation`, still an alias).
  public static let poolMidName = "peg_pool_mid_deviation"
  /// The routing block's name before it was renamed, kept as an alias.
  public static let poolMidLegacyName = "peg_deviation"
  /// What `peg_pool_mid_deviation` measures.
  public static let poolMidDefinition =
    "share of path-epochs with the peg pool's mid price |P_pool - 1| more than the policy pegBand from 1, measured before intervention; a PMM health figure, not gated"
}
