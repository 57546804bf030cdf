/// One path's flow-adjusted figures (docs/MODEL.md, "Flows: paid out and lost"):
/// the net asset value per unit outstanding, its drawdown, and the redemption
/// principal paid out.
///
/// Each epoch's return excludes that epoch's redemption principal:
/// `1 + r_t = (T_{t+1} + O_t) / T_t` with `O_t = rho_t T_t`, and the value per
/// unit chains them, `u_{t+1} = u_t (1 + r_t)` from `u_0 = 1`. Redeemed units
/// are priced at the epoch's closing value, so redemptions move units, not the
/// value per unit; their fee and fire-sale haircut are losses of the holders who stay.
struct FlowLedger {
  /// The net asset value per unit outstanding (1 at the start).
  var nav = 1.0
  var navPeak = 1.0
  var navMaxDrawdown = 0.0
  /// Redemption principal paid so far, USD.
  var paid = 0.0

  /// Closes one epoch that took T from `before` to `after` and paid `outflow`
  /// of principal; a book with no capital left keeps its value per unit.
  @inline(__always)
  mutating func close(before: Double, after: Double, outflow: Double) {
    paid += outflow
    guard before > 0 else { return }
    nav *= (after + outflow) / before
    if nav < navPeak { navMaxDrawdown = max(navMaxDrawdown, (navPeak - nav) / navPeak) } else { navPeak = nav }
  }

  /// Writes the path's time-weighted return, value-per-unit drawdown and paid-out principal.
  func write(into out: inout PathRecord) {
    out.twr = nav - 1
    out.navMaxDrawdown = navMaxDrawdown
    out.redemptionsPaid = paid
  }
}
