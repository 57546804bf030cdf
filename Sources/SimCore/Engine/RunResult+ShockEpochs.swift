extension RunResult {
  /// `shock_epoch_1` ... `shock_epoch_K`: one per-path array per shock of the
  /// scenario, in scenario order (the position in its `shocks` list).
  public var shockColumnNames: [String] {
    scenario.shocks.indices.map { "shock_epoch_\($0 + 1)" }
  }

  /// The per-path array `shock_epoch_K`: the epoch (0-based, as the shock's
  /// `at`, `from` and `to`) in which shock K fired on each path, -1 on a path
  /// where it never fired; nil for another name, a shock the scenario does not
  /// have, or a run without a capital overlay.
  ///
  /// The schedule is drawn again through the kernel's own `schedule` (under
  /// the run's importance tilt, if any): it depends only on (seed, path,
  /// shock, tilt), so the run keeps nothing for it and
  /// a run that never asks pays nothing.
  /// - Complexity: O(paths × shocks).
  func shockEpochs(column name: String) -> [Double]? {
    let prefix = "shock_epoch_"
    guard name.hasPrefix(prefix), let k = Int(name.dropFirst(prefix.count)),
      name == prefix + String(k), scenario.shocks.indices.contains(k - 1), scenario.capital != nil
    else { return nil }
    var kernel = CapitalKernel(scenario: scenario)
    kernel.tilt = importanceTilt
    var epochOf = [Int](repeating: -1, count: scenario.shocks.count)
    return records.indices.map { path in
      _ = kernel.schedule(path: path, into: &epochOf)
      return Double(epochOf[k - 1])
    }
  }
}
