/// Planning figures for an undecided gate: how many paths would make the
/// interval of a figure exclude its threshold, if the estimate stayed where it is.
public enum PathsToDecide {
  /// For any estimator whose interval shrinks as 1/√n (means, quantiles, ES):
  /// with `paths` paths giving `interval` around `estimate`, the paths at which the
  /// half-width on the threshold's side would fall below |estimate - threshold|,
  /// n · (h / d)², rounded up to the next integer strictly beyond it.
  /// `nil` when the estimate sits on the threshold or that side is unbounded.
  /// Already decided intervals return a figure at or below `paths`.
  public static func scaling(estimate: Double, interval: Interval, threshold: Double, paths: Int) -> Int? {
    let d = abs(threshold - estimate)
    let h = threshold > estimate ? interval.upper - estimate : estimate - interval.lower
    guard d > 0, d.isFinite, h.isFinite, paths > 0 else { return nil }
    return smallestExceeding(Double(paths) * (h / d) * (h / d))
  }

  /// The smallest integer n >= 1 with n > `x`; `Int.max` when x does not fit.
  static func smallestExceeding(_ x: Double) -> Int {
    guard x < 9.0e18 else { return Int.max }
    return max(1, Int(x.rounded(.down)) + 1)
  }
}
