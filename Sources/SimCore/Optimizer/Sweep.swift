/// An optimizer sweep: a base scenario, a design, and the policy and evidence
/// that decide deployability. Every candidate keeps the base seed, so all are
/// compared on the same market paths (common random numbers).
public struct Sweep: Sendable {
  public let base: Scenario
  public let spec: SweepSpec
  public let evidence: DeploymentEvidence
  /// The candidates' scenarios, all validated before anything runs.
  public let candidates: [Scenario]
  public let assignments: [[(key: String, value: ConfigValue)]]

  /// Builds and validates every candidate; leverage above the hard limit is
  /// an error here, before any simulation.
  public init(base: Scenario, spec: SweepSpec, evidence: DeploymentEvidence) throws(ConfigError) {
    self.base = base
    self.spec = spec
    self.evidence = evidence
    let assignments = spec.assignments()
    var candidates: [Scenario] = []
    for (i, a) in assignments.enumerated() {
      candidates.append(try base.with(a, origin: "sweep candidate \(i + 1)"))
    }
    self.assignments = assignments
    self.candidates = candidates
  }

  /// A journal key: candidate index and halving round.
  public struct Key: Hashable, Sendable {
    public let index: Int
    public let round: Int
    public init(index: Int, round: Int) {
      self.index = index
      self.round = round
    }
  }

  /// The (round, paths) schedule: one round at the base paths, or halving rounds.
  public var rounds: [Int] {
    guard spec.halving, candidates.count > 1 else { return [base.paths] }
    var out: [Int] = []
    var paths = min(spec.initialPaths, base.paths)
    var alive = candidates.count
    while alive > 1 && paths < base.paths {
      out.append(paths)
      paths *= 2
      alive = (alive + 1) / 2
    }
    out.append(base.paths)
    return out
  }

  /// Evaluates one candidate at one round.
  public func evaluate(_ index: Int, round: Int, options: RunOptions) throws(RunError) -> CandidateSummary {
    let paths = rounds[round]
    var s = candidates[index]
    if paths != s.paths {
      // A round's paths lie between 1 and the base scenario's, so the override always validates.
      guard let round = try? s.with([("paths", .number(Double(paths)))], origin: "halving") else {
        preconditionFailure("a halving round of \(paths) paths must validate")
      }
      s = round
    }
    let card = try Runner.run(s, options: options).scorecard
    let leverage = s.capital?.leverage ?? 1
    let gates = GateReport(
      card, policy: base.policy, leverage: leverage, leverageCap: evidence.deployableLeverageCap(base.policy))
    var metrics: [String: Double] = [:]
    for name in Scorecard.scalarFieldNames + ["roi_mean_stderr"] { metrics[name] = card.scalar(name) }
    return CandidateSummary(
      index: index, round: round, paths: paths, assignments: assignments[index], leverage: leverage, metrics: metrics,
      score: GateReport.score(card, weights: base.policy.weights), failedGates: gates.failures
    ).withIntervals(of: card)
  }

  /// Runs the sweep. `done` holds results already journaled (a resumed run
  /// skips them); `finished` is called after each new candidate, in order.
  /// The result is the same whether or not the sweep was interrupted.
  public func run(
    options: RunOptions, done: [Key: CandidateSummary] = [:], finished: (CandidateSummary) throws -> Void = { _ in }
  ) throws -> SweepResult {
    var alive = Array(candidates.indices)
    var latest: [Int: CandidateSummary] = [:]
    let schedule = rounds
    for round in schedule.indices {
      var results: [CandidateSummary] = []
      for index in alive {
        let summary: CandidateSummary
        if let d = done[Key(index: index, round: round)] {
          summary = d
        } else {
          summary = try evaluate(index, round: round, options: options)
          try finished(summary)
        }
        results.append(summary)
        latest[index] = summary
      }
      if round + 1 < schedule.count {
        let keep = (alive.count + 1) / 2
        alive = SweepResult.ranked(results).prefix(keep).map(\.index).sorted()
      }
    }
    return SweepResult(base: base, candidates: SweepResult.ranked(Array(latest.values)))
  }
}
