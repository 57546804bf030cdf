extension Sweep {
  /// One round's candidates, each with `scoreDifference` set: the paired
  /// interval of score(leader) - score(candidate) over the round's paths, the
  /// leader being `SweepResult.leader(of:)` of the round (its own interval is [0, 0]).
  /// - Complexity: O(candidates × paths).
  static func pairRound(
    _ results: [CandidateSummary], contributions: [Int: [Double]], confidence: ConfidenceLevel
  ) -> [CandidateSummary] {
    guard let leader = SweepResult.leader(of: results), let lead = contributions[leader.index] else { return results }
    return results.map { c in
      var paired = c
      if let values = contributions[c.index] {
        paired.scoreDifference = PairedDifference(
          leader: lead, leaderScore: leader.score, candidate: values, candidateScore: c.score
        ).interval(confidence)
      }
      return paired
    }
  }

  /// The candidates a halving round promotes, by index: the better half by
  /// score (as `ranked` orders them) plus every candidate that is not
  /// significantly worse than the round's leader (the lower bound of its
  /// paired interval of leader - candidate is at or below zero). A candidate is
  /// dropped only when it is in the lower half and its paired difference to
  /// the leader excludes zero.
  static func promoted(_ results: [CandidateSummary]) -> [Int] {
    let ranked = SweepResult.ranked(results)
    var keep = Set(ranked.prefix((results.count + 1) / 2).map(\.index))
    for c in results where !((c.scoreDifference?.lower ?? 0) > 0) { keep.insert(c.index) }
    return keep.sorted()
  }
}

extension SweepResult {
  /// The leader of a set of candidates of one round: the best deployable one
  /// by score (ties by index) when any is deployable, else the best one.
  public static func leader(of round: [CandidateSummary]) -> CandidateSummary? {
    let ranked = ranked(round)
    return ranked.first(where: \.deployable) ?? ranked.first
  }

  /// The leader of the sweep: `leader(of:)` among the candidates of the final round.
  public var leader: CandidateSummary? {
    guard let last = candidates.first?.round else { return nil }
    return Self.leader(of: candidates.filter { $0.round == last })
  }

  /// The candidates of the final round statistically tied with the leader (the
  /// leader included): their paired interval of score(leader) - score(candidate)
  /// includes zero. Ranked best first.
  public var tied: [CandidateSummary] {
    guard let last = candidates.first?.round else { return [] }
    return candidates.filter { $0.round == last && $0.tied }
  }
}
