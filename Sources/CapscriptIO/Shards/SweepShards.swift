import Foundation
public import SimCore

/// The candidate shards of a sweep (docs/SHARDS.md): `capscript run NAME
/// --optimizer --shard K/N --out DIR` evaluates slice K of N of the first
/// round's candidates into a journal of its own, in
/// `DIR/sweeps/NAME.shards/IDENTITY-KofN/`; a resumed sweep in `DIR` takes
/// their results into its journal (`absorb`) and runs only what is missing.
public enum SweepShards {
  /// The folder of the shards of the sweep `name` under `directory` (the sweeps folder).
  public static func folder(_ directory: String, name: String) -> String { "\(directory)/\(name).shards" }

  /// The journal folder of candidate slice `slice` of `sweep`.
  public static func journalFolder(_ directory: String, name: String, sweep: Sweep, slice: ShardSlice) -> String {
    "\(folder(directory, name: name))/\(sweep.identity)-\(slice.index)of\(slice.count)"
  }

  /// Evaluates the first-round candidates of `slice` that its journal does not
  /// hold yet, journaling each with its contributions; a finished slice is a
  /// no-op. Returns the journal folder. `starting` sees each candidate.
  /// - Complexity: one candidate evaluation per candidate of the slice not yet journaled.
  public static func run(
    _ sweep: Sweep, name: String, slice: ShardSlice, directory: String, options: RunOptions,
    starting: (Sweep.Step) -> Void = { _ in }
  ) throws -> (folder: String, evaluated: Int) {
    let dir = journalFolder(directory, name: name, sweep: sweep, slice: slice)
    let (journal, done) = try SweepJournal.open(directory: dir, name: name, sweep: sweep, resume: true)
    let indices = Array(slice.paths(of: sweep.candidates.count))
    let paths = sweep.rounds[0]
    var evaluated = 0
    for (position, index) in indices.enumerated() {
      let key = Sweep.Key(index: index, round: 0)
      if done[key] != nil, journal.store.load(key)?.count == paths { continue }
      let step = Sweep.Step(
        round: 0, rounds: sweep.rounds.count, position: position, count: indices.count, index: index)
      starting(step)
      let (summary, values) = try sweep.evaluation(index, round: 0, options: step.options(options, paths: paths))
      try journal.store.save(key, values)
      if done[key] == nil { try journal.append(summary) }
      evaluated += 1
    }
    return (dir, evaluated)
  }

  /// Takes into `journal` (of `sweep`, in `directory`) every evaluation that the
  /// shard journals of this very sweep hold and `done` lacks, with its
  /// contributions; returns `done` with them. Shards of another sweep (another
  /// identity) are left alone.
  public static func absorb(
    into journal: SweepJournal, done: [Sweep.Key: CandidateSummary], directory: String, name: String, sweep: Sweep
  ) throws -> [Sweep.Key: CandidateSummary] {
    let root = folder(directory, name: name)
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
    var done = done
    for entry in entries.sorted() where entry.hasPrefix(sweep.identity + "-") {
      let (shard, shardDone) = try SweepJournal.open(
        directory: "\(root)/\(entry)", name: name, sweep: sweep, resume: true)
      for (key, summary) in shardDone.sorted(by: { ($0.key.round, $0.key.index) < ($1.key.round, $1.key.index) })
      where done[key] == nil {
        guard let values = shard.store.load(key) else { continue }
        try journal.store.save(key, values)
        try journal.append(summary)
        done[key] = summary
      }
    }
    return done
  }
}
