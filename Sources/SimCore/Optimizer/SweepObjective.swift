/// A sweep objective given by the host (a Lua function in `cap.sweep`) instead
/// of the policy score: evaluated after each candidate's native run, on the
/// calling thread, with the candidate's whole result.
///
/// With one, a candidate's `score` is the objective's value (negated when
/// minimizing, so higher is better everywhere), halving is off (an objective
/// has no paired interval to decide a round), and nothing is paired.
public struct SweepObjective: Sendable, Equatable {
  /// What identifies the objective and its constraints in the sweep's identity
  /// (their source text), so a journal of another objective is not resumed.
  public var identity: String
  public var minimize: Bool
  /// How many constraints the objective carries.
  public var constraints: Int

  public init(identity: String, minimize: Bool, constraints: Int) {
    self.identity = identity
    self.minimize = minimize
    self.constraints = constraints
  }

  /// What the host's functions said of one candidate.
  public struct Judgement: Sendable, Equatable {
    /// The objective's value; nil when a function failed.
    public var value: Double?
    /// Each constraint's verdict, in order (true: satisfied).
    public var constraints: [Bool]
    /// The error of the function that failed, with its traceback.
    public var error: String?

    public init(value: Double?, constraints: [Bool], error: String?) {
      self.value = value
      self.constraints = constraints
      self.error = error
    }
  }

  /// The score a candidate ranks by: the value, negated when minimizing; the
  /// lowest finite score for a failed candidate (ranked last).
  public func score(_ j: Judgement) -> Double {
    guard j.error == nil, let v = j.value else { return -Double.greatestFiniteMagnitude }
    return minimize ? -v : v
  }
}
