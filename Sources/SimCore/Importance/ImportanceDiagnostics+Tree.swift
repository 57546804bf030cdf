extension ImportanceDiagnostics {
  /// The diagnostics as the scorecard's `importance` block (JSON and Lua).
  public var tree: ConfigValue {
    .object([
      "target": .string(target.description),
      "method": .string(method),
      "paths": .number(Double(paths)),
      "pilot_paths": .number(Double(pilotPaths)),
      "effective_sample_size": .number(effectiveSampleSize),
      "target_paths": .number(Double(targetPaths)),
      "target_effective_sample_size": .number(targetEffectiveSampleSize),
      "largest_weight_share": .number(largestWeightShare),
      "mean_weight": .number(meanWeight),
      "mean_weight_se": Scorecard.finite(meanWeightStandardError),
      "asset_shift_rms": .number(assetShiftRMS),
      "asset_shift_sum": .number(assetShiftSum),
      "volatility_shift_rms": .number(volatilityShiftRMS),
      "warnings": .array(warnings.map(ConfigValue.string)),
    ])
  }
}
