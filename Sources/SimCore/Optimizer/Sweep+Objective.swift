extension Sweep {
  /// Judges a candidate's finished run with the host objective and its
  /// constraints; called on the sweep's thread, never inside the native loop.
  /// Throws only to stop the whole sweep (a cancelled script); a function
  /// that fails is a `Judgement` with its error.
  public typealias Judge = (RunResult) throws -> SweepObjective.Judgement

  /// `summary` ranked by the judgement: its score is the objective's value
  /// (`SweepObjective.score`), each unsatisfied constraint is a failed gate
  /// ("constraint K"), and a failed function is the failed gate "objective".
  func judged(
    _ summary: CandidateSummary, by j: SweepObjective.Judgement, _ objective: SweepObjective
  ) -> CandidateSummary {
    var s = summary
    s.score = objective.score(j)
    s.objective = j.error == nil ? j.value : nil
    s.constraints = j.constraints
    s.error = j.error
    for (k, ok) in j.constraints.enumerated() where !ok {
      s.failedGates.append(
        GateReport.Failure(gate: "constraint \(k + 1)", detail: "constraint \(k + 1) of the objective is not met"))
    }
    if let e = j.error {
      let firstLine = e.split(separator: "\n").first.map(String.init) ?? e
      s.failedGates.append(GateReport.Failure(gate: "objective", detail: "objective failed: \(firstLine)"))
    }
    return s
  }
}

extension Sweep {
  /// Runs one candidate and judges its run with `judge` (no judge: the
  /// objective failed for want of one, so the candidate is marked failed).
  func judgedEvaluation(_ index: Int, round: Int, options: RunOptions, judge: Judge?) throws -> CandidateSummary {
    let (summary, run) = try summarised(index, round: round, options: options)
    guard let objective else { return summary }
    let verdict =
      try judge?(run)
      ?? SweepObjective.Judgement(value: nil, constraints: [], error: "no objective function to call")
    return judged(summary, by: verdict, objective)
  }
}
