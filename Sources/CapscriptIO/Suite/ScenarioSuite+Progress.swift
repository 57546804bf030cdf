public import SimCore

extension ScenarioSuite {
  /// Runs every scenario in order with the same options and one progress bar
  /// (none when `progress` is nil): each scenario is a stage labelled
  /// "`label` i/N name" with the bar of its run, a sweep's status says its
  /// round and candidate. The bar's line is cleared when the suite ends or fails.
  public func run(
    sweeps: Bool = true, options: RunOptions, progress: ProgressBar?, label: String
  ) throws -> [Entry] {
    guard let progress else { return try run(sweeps: sweeps, options: options) }
    defer { progress.finish() }
    let attached = progress.attach(to: options)
    return try run(
      sweeps: sweeps, options: { _ in attached },
      starting: { position, s in progress.begin("\(label) \(position + 1)/\(scenarios.count) \(s.name)") },
      sweepStep: progress.show)
  }
}
