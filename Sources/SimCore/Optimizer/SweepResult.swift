/// A finished sweep: candidates ranked, with the gates each failed.
public struct SweepResult: Sendable {
  public let base: Scenario
  /// Ranked best first: later halving rounds first, then by score, then by index.
  public let candidates: [CandidateSummary]

  public init(base: Scenario, candidates: [CandidateSummary]) {
    self.base = base
    self.candidates = candidates
  }

  public static func ranked(_ list: [CandidateSummary]) -> [CandidateSummary] {
    list.sorted {
      if $0.round != $1.round { return $0.round > $1.round }
      if $0.score != $1.score { return $0.score > $1.score }
      return $0.index < $1.index
    }
  }

  /// The candidates whose host objective or a constraint failed (`CandidateSummary.error`), in rank order.
  public var failed: [CandidateSummary] { candidates.filter { $0.error != nil } }

  /// The best candidate, or the best deployable one.
  public func best(deployable: Bool = false) -> CandidateSummary? {
    candidates.first { !deployable || $0.deployable }
  }

  /// Candidates no other beats on ROI, liquidation probability and p95 drawdown at once.
  public var paretoFront: [CandidateSummary] {
    candidates.filter { c in
      !candidates.contains { o in
        o.index != c.index && o["roi_mean"] >= c["roi_mean"]
          && o["liquidation_probability"] <= c["liquidation_probability"]
          && o["max_drawdown_p95"] <= c["max_drawdown_p95"]
          && (o["roi_mean"] > c["roi_mean"] || o["liquidation_probability"] < c["liquidation_probability"]
            || o["max_drawdown_p95"] < c["max_drawdown_p95"])
      }
    }
  }
}
