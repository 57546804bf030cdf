import Foundation
public import SimCore

/// The results file of a long sweep: one JSON line per finished candidate
/// (JSONL) and the same rows as CSV, appended as each candidate completes, so
/// a sweep stopped by Ctrl-C or `kill -9` resumes where it stopped. Beside
/// them, `NAME.contributions` keeps each candidate's per-path score
/// contributions (`ContributionFile`), which the paired intervals of a resumed
/// sweep need.
public struct SweepJournal {
  public let jsonlPath: String
  public let csvPath: String
  let contributionFile: ContributionFile
  /// Held while the journal is open: a second writer of the same journal is refused.
  let lock: JournalLock
  /// The sweep's identity (`Sweep.identity`), written in the header and on every line.
  let identity: String
  /// How many journal lines a resume set aside because another sweep wrote them
  /// (another identity, or a round, path count or candidate this sweep does not have).
  public let skipped: Int

  /// Where the sweep keeps and finds the per-path score contributions (`Sweep.run(store:)`).
  public var store: Sweep.ContributionStore { contributionFile.store }
  /// The sweep's confidence level (the policy's `gateConfidence`), for the CSV's `confidence` column.
  public let confidence: Double

  /// The key under which the header and every line carry the sweep's identity.
  static let identityKey = "sweep_id"

  /// Opens the journal of `sweep` in `directory`, locked against any other
  /// writer. Without `resume` it starts afresh; with it, returns the results
  /// already recorded by this very sweep. A journal of a different sweep, or
  /// one written before journals named their sweep, is an error; a line of
  /// another sweep inside the journal is set aside and counted in `skipped`.
  public static func open(directory: String, name: String, sweep: Sweep, resume: Bool) throws
    -> (SweepJournal, [Sweep.Key: CandidateSummary])
  {
    let jsonlPath = "\(directory)/\(name).jsonl"
    try OutputFolder.check(directory)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let lock = try JournalLock(path: "\(directory)/\(name).lock", journal: jsonlPath)
    let identity = sweep.identity
    var fields: [String: ConfigValue] = [
      "journal": .string("capscript sweep"), "candidates": .number(Double(sweep.candidates.count)),
      "rounds": .array(sweep.rounds.map { .number(Double($0)) }), identityKey: .string(identity),
    ]
    let provenance = Scorecard.Provenance(scenario: sweep.base, paths: sweep.base.paths)
    for f in provenance.fields(["scenario", "scenario_hash", "policy_hash"]) { fields[f.name] = f.value }
    let header = ConfigValue.object(fields)
    var done: [Sweep.Key: CandidateSummary] = [:]
    var skipped = 0
    let existing = resume ? FileManager.default.contents(atPath: jsonlPath) : nil
    if let data = existing {
      (done, skipped) = try read(data, path: jsonlPath, header: header, sweep: sweep)
    }
    let journal = SweepJournal(
      jsonlPath: jsonlPath, csvPath: "\(directory)/\(name).csv",
      contributionFile: try ContributionFile(
        path: "\(directory)/\(name).contributions", identity: identity, fresh: existing == nil),
      lock: lock, identity: identity, skipped: skipped, confidence: sweep.base.policy.gateConfidence)
    try journal.rewrite(
      header: header, entries: done.values.sorted { ($0.round, $0.index) < ($1.round, $1.index) }, sweep: sweep)
    return (journal, done)
  }

  /// The entries of the journal text `data` that `sweep` wrote, and how many
  /// lines another sweep wrote.
  static func read(_ data: Data, path: String, header: ConfigValue, sweep: Sweep) throws
    -> (done: [Sweep.Key: CandidateSummary], skipped: Int)
  {
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
    let first = lines.first.flatMap { try? JSONText.parse(String($0), file: path) }
    guard let first, first["journal"] == .string("capscript sweep") else {
      throw OutputError("\(path): not a sweep journal; remove it, or run without --resume to start afresh")
    }
    guard first[identityKey] != nil else {
      throw OutputError(
        "\(path): the journal was written by an older capscript and does not say which sweep wrote each line; "
          + "remove it, or run without --resume to start afresh")
    }
    guard first == header else {
      throw OutputError(
        "\(path): the journal is for a different sweep (scenario, policy, paths, seed, design, objective or "
          + "importance sampling changed); run without --resume to start afresh")
    }
    var done: [Sweep.Key: CandidateSummary] = [:]
    var skipped = 0
    let rounds = sweep.rounds
    for (n, line) in lines.dropFirst().enumerated() {
      // A line cut short by a kill is the last one; it is run again.
      guard case .object(var fields)? = try? JSONText.parse(String(line), file: path) else {
        if n == lines.count - 2 { break }
        throw OutputError("\(path):\(n + 2): not a journal line")
      }
      let id = fields.removeValue(forKey: identityKey)
      let s = try CandidateSummary(.object(fields), file: path)
      guard id == .string(sweep.identity), sweep.candidates.indices.contains(s.index),
        rounds.indices.contains(s.round), rounds[s.round] == s.paths
      else {
        skipped += 1
        continue
      }
      done[Sweep.Key(index: s.index, round: s.round)] = s
    }
    return (done, skipped)
  }

  /// Writes the header and `entries` whole (temporary file, then rename).
  func rewrite(header: ConfigValue, entries: [CandidateSummary], sweep: Sweep) throws {
    try OutputFile.write(
      ([JSONText.canonical(header)] + entries.map(line)).map { $0 + "\n" }.joined(),
      to: jsonlPath)
    try OutputFile.write(([Self.csvHeader(sweep)] + entries.map(csvRow)).map { $0 + "\n" }.joined(), to: csvPath)
  }

  static let csvMetrics = Scorecard.scalarFieldNames + ["roi_mean_stderr"]

  static func csvHeader(_ sweep: Sweep) -> String {
    let fields = sweep.assignments.first?.map(\.key) ?? []
    return
      (["index", "round", "paths"] + fields + ["score"] + csvMetrics + ["deployable", "failed_gates"]
      + IntervalColumns.names).joined(separator: ",")
  }

  /// One candidate's CSV row: today's columns, then its intervals (IntervalColumns).
  func csvRow(_ s: CandidateSummary) -> String {
    let values = s.assignments.map { CandidateSummary.text($0.value) }
    let gates = "\"" + s.failedGates.map(\.gate).joined(separator: ";") + "\""
    return
      ([String(s.index), String(s.round), String(s.paths)] + values + [JSONText.number(s.score)]
      + Self.csvMetrics.map { JSONText.number(s[$0]) } + [s.deployable ? "true" : "false", gates]
      + IntervalColumns.cells(confidence: confidence, intervals: s.intervals, standardErrors: s.standardErrors))
      .joined(separator: ",")
  }

  /// One candidate's journal line: its summary and the sweep's identity.
  func line(_ s: CandidateSummary) -> String {
    guard case .object(var fields) = s.tree else { return JSONText.canonical(s.tree) }
    fields[Self.identityKey] = .string(identity)
    return JSONText.canonical(.object(fields))
  }

  /// Appends one finished candidate to both files, one write each.
  public func append(_ s: CandidateSummary) throws {
    try Self.appendLine(line(s), to: jsonlPath)
    try Self.appendLine(csvRow(s), to: csvPath)
  }

  static func appendLine(_ line: String, to path: String) throws {
    let fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw OutputError("cannot append to \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    let bytes = Array((line + "\n").utf8)
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == bytes.count else { throw OutputError("cannot append to \(path)") }
  }
}
