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
  /// A host objective that ranks the candidates instead of the policy score
  /// (`SweepObjective`); nil ranks by the policy score.
  public var objective: SweepObjective? = nil
  /// The importance sampling every candidate runs under (`sample(importance:options:)`); nil: plain paths.
  public internal(set) var importance: ImportanceSpec? = nil
  /// Its tilt, resolved once on the base scenario.
  var importanceRun: ImportanceRun? = nil

  /// Builds and validates every candidate; leverage above the hard limit is
  /// an error here, before any simulation. `cancellation` is read before each
  /// candidate (100,000 candidates take seconds): a cancelled set-up throws
  /// `ConfigError.Code.cancelled`, so a timeout or Ctrl-C stops it.
  public init(
    base: Scenario, spec: SweepSpec, evidence: DeploymentEvidence, cancellation: CancellationToken? = nil
  ) throws(ConfigError) {
    self.base = base
    self.spec = spec
    self.evidence = evidence
    let assignments = spec.assignments()
    var candidates: [Scenario] = []
    candidates.reserveCapacity(assignments.count)
    for (i, a) in assignments.enumerated() {
      if cancellation?.isCancelled == true {
        throw ConfigError(.cancelled, file: "cap.sweep", field: nil, "the sweep's set-up was cancelled")
      }
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
    guard spec.halving, candidates.count > 1, objective == nil else { return [base.paths] }
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
    try evaluation(index, round: round, options: options).summary
  }

  /// Evaluates one candidate at one round: its summary and its per-path score
  /// contributions (the run's records are dropped once they are summarised).
  public func evaluation(_ index: Int, round: Int, options: RunOptions) throws(RunError) -> (
    summary: CandidateSummary, contributions: [Double]
  ) {
    let (summary, run) = try summarised(index, round: round, options: options)
    return (summary, contributions(of: run).values)
  }

  /// Runs one candidate at one round: its summary under the policy score, and the run.
  func summarised(_ index: Int, round: Int, options: RunOptions) throws(RunError) -> (CandidateSummary, RunResult) {
    let paths = rounds[round]
    var s = candidates[index]
    if paths != s.paths {
      // A round's paths lie between 1 and the base scenario's, so the override always validates.
      guard let round = try? s.with([("paths", .number(Double(paths)))], origin: "halving") else {
        preconditionFailure("a halving round of \(paths) paths must validate")
      }
      s = round
    }
    let run = try runCandidate(s, options: options)
    let card = run.scorecard
    let leverage = s.capital?.leverage ?? 1
    let gates = GateReport(
      card, policy: base.policy, leverage: leverage, leverageCap: evidence.deployableLeverageCap(base.policy))
    let summary = CandidateSummary(
      index: index, round: round, paths: paths, assignments: assignments[index], leverage: leverage,
      metrics: card.capitalScalars,
      score: GateReport.score(card, weights: base.policy.weights), failedGates: gates.failures
    ).withIntervals(of: card)
    return (summary, run)
  }

  /// The level of the paired intervals: the policy's `gateConfidence`.
  public var confidence: ConfidenceLevel { ConfidenceLevel(base.policy.gateConfidence) ?? .standard }

  /// Where a journaled sweep keeps each evaluation's per-path score
  /// contributions, so that a resumed sweep pairs its rounds as an
  /// uninterrupted one does without running them again.
  public struct ContributionStore {
    /// The stored contributions of a finished evaluation, or nil (it is then run again).
    public var load: (Key) -> [Double]?
    /// Stores the contributions of a new evaluation, before `finished` journals its summary.
    public var save: (Key, [Double]) throws -> Void

    public init(load: @escaping (Key) -> [Double]?, save: @escaping (Key, [Double]) throws -> Void) {
      self.load = load
      self.save = save
    }
  }

  /// Runs the sweep. `done` holds results already journaled (a resumed run
  /// skips them, reading their contributions from `store`, or running them
  /// again when it has none); `finished` is called after each new candidate, in
  /// order. Each round is paired against its leader (`pairRound`); halving
  /// keeps the better half plus every candidate not significantly worse than
  /// the leader (`promoted`). The result is the same whether or not the sweep
  /// was interrupted. `starting` sees each candidate of each round before it
  /// runs or is read from `done`; `options.progress` then counts the paths of
  /// the whole round (`Step.options`).
  /// With an `objective`, `judge` judges each new candidate's run, a
  /// journaled candidate that holds its objective's value (or its error) is
  /// not run or judged again, and one that lacks it is run and judged again.
  /// - Complexity: memory of one Double per path per candidate of the current round.
  public func run(
    options: RunOptions, done: [Key: CandidateSummary] = [:], store: ContributionStore? = nil,
    finished: (CandidateSummary) throws -> Void = { _ in }, starting: (Step) -> Void = { _ in },
    judge: Judge? = nil
  ) throws -> SweepResult {
    var alive = Array(candidates.indices)
    var latest: [Int: CandidateSummary] = [:]
    let schedule = rounds
    for round in schedule.indices {
      var results: [CandidateSummary] = []
      var contributions: [Int: [Double]] = [:]
      for (position, index) in alive.enumerated() {
        let step = Step(round: round, rounds: schedule.count, position: position, count: alive.count, index: index)
        starting(step)
        let key = Key(index: index, round: round)
        if objective != nil {
          if let d = done[key], d.objective != nil || d.error != nil {
            results.append(d)
          } else {
            let summary = try judgedEvaluation(
              index, round: round, options: step.options(options, paths: schedule[round]), judge: judge)
            try finished(summary)
            results.append(summary)
          }
          continue
        }
        if let d = done[key], let stored = store?.load(key), stored.count == schedule[round] {
          results.append(d)
          contributions[index] = stored
          continue
        }
        let (summary, values) = try evaluation(
          index, round: round, options: step.options(options, paths: schedule[round]))
        try store?.save(key, values)
        if let d = done[key] {
          // Journaled without its contributions: run again for them; the journaled summary stands.
          results.append(d)
        } else {
          try finished(summary)
          results.append(summary)
        }
        contributions[index] = values
      }
      if objective == nil { results = Self.pairRound(results, contributions: contributions, confidence: confidence) }
      for r in results { latest[r.index] = r }
      if round + 1 < schedule.count { alive = Self.promoted(results) }
    }
    return SweepResult(base: base, candidates: SweepResult.ranked(Array(latest.values)))
  }
}
