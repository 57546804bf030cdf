public import SimCore

extension ImportanceDiagnostics {
  /// The diagnostics under a table scorecard: the tilt, the effective sample
  /// sizes, the largest weight's share, and any warning.
  public var text: String {
    var out =
      "importance sampling (\(method), target \(target)): \(paths) paths + \(pilotPaths) pilot, "
      + "ESS \(formatFixed(effectiveSampleSize, digits: 0)), target paths \(targetPaths) "
      + "(ESS \(formatFixed(targetEffectiveSampleSize, digits: 1))), largest weight share "
      + "\(formatFixed(largestWeightShare, digits: 4)), mean weight \(formatFixed(meanWeight, digits: 4))\n"
    for w in warnings { out += "warning: \(w)\n" }
    return out
  }
}
