extension Sweep {
  /// Where a running sweep is: the round and the candidate about to run, for
  /// progress lines ("round 2/3, candidate 5/8").
  public struct Step: Sendable, Equatable {
    /// The halving round, from 0, and how many rounds the schedule has.
    public let round: Int
    public let rounds: Int
    /// The candidate's place among the round's candidates, from 0, and how many the round runs.
    public let position: Int
    public let count: Int
    /// The candidate's index in `Sweep.candidates`.
    public let index: Int

    public init(round: Int, rounds: Int, position: Int, count: Int, index: Int) {
      self.round = round
      self.rounds = rounds
      self.position = position
      self.count = count
      self.index = index
    }

    /// "round 2/3, candidate 5/8" (1-based), or "candidate 5/8" for a one-round sweep.
    public var text: String {
      let candidate = "candidate \(position + 1)/\(count)"
      return rounds > 1 ? "round \(round + 1)/\(rounds), \(candidate)" : candidate
    }

    /// The options of this candidate's run: `progress` counts the round's paths
    /// (this candidate's added to those of the candidates before it), so that one
    /// bar spans the round.
    public func options(_ options: RunOptions, paths: Int) -> RunOptions {
      guard let progress = options.progress else { return options }
      var out = options
      let before = position * paths
      let total = count * paths
      out.progress = { done, _ in progress(before + done, total) }
      return out
    }
  }
}
