import Foundation

/// What a reader needs to trust an importance-sampled scorecard
/// (docs/IMPORTANCE.md, "When it fails"): the effective sample size, the
/// largest weight's share, the mean weight (1 in expectation) and the tilt used.
public struct ImportanceDiagnostics: Sendable {
  /// The event the tilt aims at.
  public var target: ImportanceTarget
  /// How the tilt was chosen: "auto" (cross-entropy) or "manual".
  public var method: String
  public var paths: Int
  /// Kish's effective sample size (Σ w)² / Σ w², over all paths.
  public var effectiveSampleSize: Double
  /// The effective sample size of the target-event paths alone.
  public var targetEffectiveSampleSize: Double
  /// Paths with the target event.
  public var targetPaths: Int
  /// The largest single weight's share of the weight of the target-event paths.
  public var largestWeightShare: Double
  /// The mean weight, 1 in expectation, with its standard error.
  public var meanWeight: Double
  public var meanWeightStandardError: Double
  /// Root mean square of the per-epoch shifts of the asset and volatility normals.
  public var assetShiftRMS: Double
  public var volatilityShiftRMS: Double
  /// The sum of the asset shifts over the epochs.
  public var assetShiftSum: Double
  /// The pilot paths spent choosing the tilt (0 for a manual tilt).
  public var pilotPaths: Int
  /// Why the estimate is not to be trusted; empty when the diagnostics pass.
  public var warnings: [String]

  /// An estimate is flagged below this many effective target paths.
  public static let minimumTargetESS = 30.0
  /// ... or when one weight holds more than this share of the target's weight.
  public static let maximumWeightShare = 0.1

  /// The diagnostics of `records` drawn under a tilt aimed at `target`.
  init(records: [PathRecord], target: ImportanceTarget, method: String, tilt: ImportanceTilt, pilotPaths: Int) {
    let all = WeightedSample(weights: records.map(\.weight))
    let eventWeights = records.filter(target.isEvent).map(\.weight)
    let event = WeightedSample(weights: eventWeights)
    self.target = target
    self.method = method
    paths = records.count
    effectiveSampleSize = all.effectiveSampleSize
    targetEffectiveSampleSize = event.effectiveSampleSize
    targetPaths = eventWeights.count
    largestWeightShare = event.largestWeightShare
    meanWeight = all.totalWeight / all.count
    let w = records.map(\.weight)
    meanWeightStandardError = MeanEstimate(values: w).standardError
    assetShiftRMS = tilt.assetShiftRMS
    volatilityShiftRMS = tilt.volatilityShiftRMS
    assetShiftSum = tilt.assetShiftSum
    self.pilotPaths = pilotPaths
    warnings = []
    if targetEffectiveSampleSize < Self.minimumTargetESS {
      warnings.append(
        "only \(formatFixed(targetEffectiveSampleSize, digits: 1)) effective paths with the target event "
          + "(\(target)): below \(Int(Self.minimumTargetESS)), its estimate and interval are unreliable")
    }
    if largestWeightShare > Self.maximumWeightShare {
      warnings.append(
        "one path holds \(formatFixed(100 * largestWeightShare, digits: 1))% of the target event's weight "
          + "(over \(formatFixed(100 * Self.maximumWeightShare, digits: 0))%): the estimate rests on a few paths")
    }
    if abs(meanWeight - 1) > 4 * meanWeightStandardError {
      warnings.append(
        "the weights average \(formatFixed(meanWeight, digits: 4)) ± \(formatFixed(meanWeightStandardError, digits: 4)), "
          + "not 1: the tilt leaves part of the plain distribution unsampled")
    }
  }
}
