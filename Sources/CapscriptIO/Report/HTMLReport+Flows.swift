import SimCore

extension HTMLReport {
  /// One sentence that splits the mean change in capital into what was paid
  /// out to redeeming holders (an outflow) and what the book earned or lost
  /// (docs/MODEL.md, "Flows: paid out and lost").
  static func flowSummary(_ card: Scorecard) -> String {
    let paid = card.redemptionsPaidMean
    let rest = card.pnlExRedemptionsMean
    let outcome = rest < 0 ? "lost \(formatUSD(-rest))" : "earned \(formatUSD(rest))"
    return "Flows: of the mean PnL of \(formatUSD(card.pnlAttribution.total)) USD per path, "
      + "\(formatUSD(paid)) USD is redemption principal paid out to holders (an outflow, not a loss); "
      + "the book \(outcome) USD. Time-weighted return (value per unit, outflows excluded): "
      + "\(formatPercent(card.twrMean)) mean; p95 drawdown of the value per unit "
      + "\(formatPercent(card.navDrawdownP95)) against \(formatPercent(card.maxDrawdownP95)) for capital."
  }
}
