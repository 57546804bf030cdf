/// The score of a leader minus that of another candidate evaluated on the
/// same paths (common random numbers), with the standard error of the paired
/// per-path differences d_i = c_i(leader) - c_i(candidate).
///
/// The estimate is the difference of the two scores (`GateReport.score`), which
/// is the mean of the d_i; the standard error is sd(d) / √n (denominator n - 1).
/// Pairing removes the variance the two candidates share: for positively
/// correlated contributions, Var(d) = Var(a) + Var(b) - 2 Cov(a, b) is below the
/// Var(a) + Var(b) of an unpaired comparison.
public struct PairedDifference: Sendable, Equatable {
  /// score(leader) - score(candidate): positive when the candidate is worse.
  public let difference: Double
  /// sd(d) / √n; infinite with fewer than two paths.
  public let standardError: Double

  public init(difference: Double, standardError: Double) {
    self.difference = difference
    self.standardError = standardError
  }

  /// Pairs two candidates' contributions path by path; the scores give the estimate.
  /// - Complexity: O(n), no allocation.
  public init(leader: [Double], leaderScore: Double, candidate: [Double], candidateScore: Double) {
    precondition(leader.count == candidate.count, "paired candidates must share their paths")
    var moments = RunningMoments()
    for i in leader.indices { moments.add(leader[i] - candidate[i]) }
    difference = leaderScore - candidateScore
    standardError = moments.estimate.standardError
  }

  /// difference ± z · standard error; unbounded when the standard error is not finite.
  public func interval(_ confidence: ConfidenceLevel) -> Interval {
    guard standardError.isFinite, difference.isFinite else { return .unbounded }
    let h = confidence.z * standardError
    return Interval(lower: difference - h, upper: difference + h)
  }
}
