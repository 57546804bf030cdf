public import SimCore

/// Every shipped scenario (or a given list) run and held against the policy
/// gates and its own expectations: the loop behind `capscript validate`,
/// `capscript table` and `capscript export`. It reads nothing beyond what
/// `ConfigLibrary` reads.
public struct ScenarioSuite: Sendable {
  /// What one scenario produced: a plain run, or an optimizer sweep.
  public enum Outcome: Sendable {
    case run(RunResult)
    case sweep(SweepResult)
  }

  /// One scenario of the suite, run and checked.
  public struct Entry: Sendable {
    public let scenario: Scenario
    public let outcome: Outcome
    public let check: ScenarioCheck

    /// The plain run's result (nil for a sweep).
    public var run: RunResult? {
      if case .run(let r) = outcome { return r }
      return nil
    }

    /// The sweep's result (nil for a plain run).
    public var sweep: SweepResult? {
      if case .sweep(let r) = outcome { return r }
      return nil
    }
  }

  public let library: ConfigLibrary
  /// The scenarios, in order, with the overrides applied.
  public let scenarios: [Scenario]

  /// Loads every scenario named in `names` (default: every scenario in the
  /// library) before anything runs, so a config error stops the suite early,
  /// and applies `overrides` (e.g. `paths`) to each.
  public init(
    library: ConfigLibrary, names: [String]? = nil, overrides: [(key: String, value: ConfigValue)] = [],
    including keep: (Scenario) -> Bool = { _ in true }
  ) throws(ConfigError) {
    self.library = library
    var list: [Scenario] = []
    for name in names ?? library.scenarioNames() {
      var s = try library.scenario(name)
      guard keep(s) else { continue }
      if !overrides.isEmpty { s = try s.with(overrides, origin: "command line") }
      list.append(s)
    }
    scenarios = list
  }

  /// Runs one scenario: its sweep when it is an optimizer scenario by default
  /// and `sweeps` is true, else a plain run of it. `sweepStep` sees each
  /// candidate of a sweep before it runs (`Sweep.run`'s `starting`).
  public func run(
    _ s: Scenario, options: RunOptions, sweeps: Bool = true, sweepStep: (Sweep.Step) -> Void = { _ in }
  ) throws -> Entry {
    if sweeps, let spec = s.sweep, s.optimizerByDefault {
      let result = try Sweep(base: s, spec: spec, evidence: library.evidence()).run(
        options: options, starting: sweepStep)
      return Entry(scenario: s, outcome: .sweep(result), check: ScenarioCheck(result))
    }
    let result = try Runner.run(s, options: options)
    return Entry(scenario: s, outcome: .run(result), check: ScenarioCheck(result))
  }

  /// Runs every scenario in order with the options `options` gives for it.
  /// `starting` sees each scenario with its place (from 0, of
  /// `scenarios.count`) before it runs, `sweepStep` each candidate of a sweep,
  /// and `finished` each entry as soon as it is done.
  /// - Complexity: one run (or sweep) per scenario.
  public func run(
    sweeps: Bool = true, options: (Scenario) -> RunOptions,
    starting: (_ position: Int, _ scenario: Scenario) -> Void = { _, _ in },
    sweepStep: (Sweep.Step) -> Void = { _ in }, finished: (Entry) -> Void = { _ in }
  ) throws -> [Entry] {
    var entries: [Entry] = []
    for (position, s) in scenarios.enumerated() {
      starting(position, s)
      let entry = try run(s, options: options(s), sweeps: sweeps, sweepStep: sweepStep)
      finished(entry)
      entries.append(entry)
    }
    return entries
  }

  /// Runs every scenario in order with the same options.
  public func run(sweeps: Bool = true, options: RunOptions = RunOptions()) throws -> [Entry] {
    try run(sweeps: sweeps, options: { _ in options })
  }
}
