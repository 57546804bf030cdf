/// One evaluated sweep candidate: the scalars ranking needs, flat, so that a
/// journal line restores it exactly.
public struct CandidateSummary: Sendable, Equatable {
  public var index: Int
  /// Successive-halving round (0 for a plain sweep) and the paths it ran on.
  public var round: Int
  public var paths: Int
  public var assignments: [(key: String, value: ConfigValue)]
  public var leverage: Double
  /// Scorecard scalars by name (Scorecard.scalarFieldNames + roi_mean_stderr).
  public var metrics: [String: Double]
  /// The interval of each metric that has one, at the policy's `gateConfidence`
  /// (empty for a candidate restored from a journal written before intervals).
  public var intervals: [String: Interval] = [:]
  /// The standard error of each metric that has a finite one (`Scorecard.standardErrors`).
  public var standardErrors: [String: Double] = [:]
  public var score: Double
  public var failedGates: [GateReport.Failure]
  public var deployable: Bool { failedGates.isEmpty }
  /// The paired interval of score(leader) - score(this candidate) at the policy's
  /// `gateConfidence`, on the paths of the last round it ran, against that round's
  /// leader (`SweepResult.leader(of:)`); nil until its round is paired. Not journaled.
  public var scoreDifference: Interval? = nil
  /// The value of a host objective (`SweepObjective`); nil under the policy score.
  public var objective: Double? = nil
  /// Each host constraint's verdict, in order; empty without constraints.
  public var constraints: [Bool] = []
  /// Why the host's objective or a constraint failed for this candidate (with
  /// its traceback); nil when it did not.
  public var error: String? = nil
  /// Whether its paired interval to the leader includes zero (statistically tied).
  public var tied: Bool { scoreDifference?.contains(0) ?? false }

  public static func == (a: Self, b: Self) -> Bool {
    a.index == b.index && a.round == b.round && a.paths == b.paths && a.leverage == b.leverage
      && a.metrics == b.metrics && a.intervals == b.intervals && a.standardErrors == b.standardErrors
      && a.score == b.score && a.failedGates == b.failedGates && a.scoreDifference == b.scoreDifference
      && a.objective == b.objective && a.constraints == b.constraints && a.error == b.error
      && a.assignments.map(\.key) == b.assignments.map(\.key)
      && a.assignments.map(\.value) == b.assignments.map(\.value)
  }

  /// "leverage=1.5, allocation=0.4"
  public var label: String {
    assignments.map { "\($0.key)=\(Self.text($0.value))" }.joined(separator: ", ")
  }

  public static func text(_ v: ConfigValue) -> String {
    if case .number(let x) = v {
      let short = JSONText.number(x)
      return short.count <= 8 ? short : formatFixed(x, digits: 4)
    }
    return JSONText.canonical(v)
  }

  public subscript(metric: String) -> Double { metrics[metric] ?? .nan }

  /// This summary with the intervals and (finite) standard errors of `card`,
  /// the scorecard its metrics come from.
  public func withIntervals(of card: Scorecard) -> CandidateSummary {
    var s = self
    s.intervals = card.intervals
    // A journal line keeps finite numbers only, so an undefined standard error is left out.
    s.standardErrors = card.standardErrors.filter { $0.value.isFinite }
    return s
  }
}

extension CandidateSummary {
  /// The journal form: one JSON object a line.
  public var tree: ConfigValue {
    guard case .object(var fields) = policyTree else { return policyTree }
    if let objective { fields["objective"] = .number(objective) }
    if !constraints.isEmpty { fields["constraints"] = .array(constraints.map(ConfigValue.bool)) }
    if let error { fields["error"] = .string(error) }
    return .object(fields)
  }

  /// The journal form of the policy-score fields.
  var policyTree: ConfigValue {
    .object([
      "index": .number(Double(index)), "round": .number(Double(round)), "paths": .number(Double(paths)),
      "assignments": .array(assignments.map { .array([.string($0.key), $0.value]) }),
      "leverage": .number(leverage), "metrics": .object(metrics.mapValues(ConfigValue.number)),
      "intervals": .object(intervals.mapValues(Scorecard.tree)),
      "standard_errors": .object(standardErrors.mapValues(ConfigValue.number)),
      "score": .number(score),
      "failed_gates": .array(
        failedGates.map { f in
          var fields: [String: ConfigValue] = ["gate": .string(f.gate), "detail": .string(f.detail)]
          if f.inconclusive { fields["inconclusive"] = .bool(true) }
          if let n = f.pathsToDecide { fields["paths_to_decide"] = .number(Double(n)) }
          return .object(fields)
        }),
      "deployable": .bool(deployable),
    ])
  }

  /// Restores a summary from its journal form.
  public init(_ value: ConfigValue, file: String) throws(ConfigError) {
    let r = try ConfigReader(value, file: file)
    index = try r.integer("index", default: 0, in: 0...Int(Int32.max))
    round = try r.integer("round", default: 0, in: 0...64)
    paths = try r.integer("paths", default: 1, in: 1...Int(Int32.max))
    assignments = []
    for item in try r.array("assignments") {
      guard case .array(let pair) = item, pair.count == 2, case .string(let k) = pair[0] else {
        throw ConfigError(.wrongType, file: file, field: "assignments", "expected [name, value] pairs")
      }
      assignments.append((k, pair[1]))
    }
    leverage = try r.number("leverage", default: 1, in: 0...1e9)
    metrics = [:]
    if case .object(let m)? = r.raw("metrics") {
      for (k, v) in m { if case .number(let x) = v { metrics[k] = x } }
    }
    // Journals written before intervals have neither block; a null side is unbounded.
    if case .object(let m)? = r.raw("intervals") {
      for (k, v) in m {
        guard case .array(let pair) = v, pair.count == 2 else { continue }
        func side(_ x: ConfigValue, _ unbounded: Double) -> Double? {
          switch x {
          case .number(let n): return n
          case .null: return unbounded
          default: return nil
          }
        }
        if let lo = side(pair[0], -.infinity), let hi = side(pair[1], .infinity), !(lo > hi) {
          intervals[k] = Interval(lower: lo, upper: hi)
        }
      }
    }
    if case .object(let m)? = r.raw("standard_errors") {
      for (k, v) in m { if case .number(let x) = v { standardErrors[k] = x } }
    }
    score = try r.number("score", default: 0, in: -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude)
    failedGates = []
    for item in try r.array("failed_gates") {
      if case .string(let g)? = item["gate"], case .string(let d)? = item["detail"] {
        let undecided = item["inconclusive"] == .bool(true)
        var paths: Int?
        if case .number(let n)? = item["paths_to_decide"], n >= 1, n < 9e15 { paths = Int(n) }
        failedGates.append(GateReport.Failure(gate: g, detail: d, inconclusive: undecided, pathsToDecide: paths))
      }
    }
    _ = try r.bool("deployable", default: false)
    if case .number(let x)? = r.raw("objective") { objective = x }
    if case .array(let verdicts)? = r.raw("constraints") {
      constraints = verdicts.map { $0 == .bool(true) }
    }
    if case .string(let e)? = r.raw("error") { error = e }
    try r.finish()
  }
}
