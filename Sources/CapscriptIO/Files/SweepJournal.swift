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

  /// Where the sweep keeps and finds the per-path score contributions (`Sweep.run(store:)`).
  public var store: Sweep.ContributionStore { contributionFile.store }
  /// The sweep's confidence level (the policy's `gateConfidence`), for the CSV's `confidence` column.
  public let confidence: Double

  /// Opens the journal of `sweep` in `directory`. Without `resume` it starts
  /// afresh; with it, returns the results already recorded. A journal of a
  /// different sweep is an error, never silently mixed in.
  public static func open(directory: String, name: String, sweep: Sweep, resume: Bool) throws
    -> (SweepJournal, [Sweep.Key: CandidateSummary])
  {
    let resuming = resume && FileManager.default.fileExists(atPath: "\(directory)/\(name).jsonl")
    let journal = SweepJournal(
      jsonlPath: "\(directory)/\(name).jsonl", csvPath: "\(directory)/\(name).csv",
      contributionFile: try ContributionFile(path: "\(directory)/\(name).contributions", fresh: !resuming),
      confidence: sweep.base.policy.gateConfidence)
    var fields: [String: ConfigValue] = [
      "journal": .string("capscript sweep"), "candidates": .number(Double(sweep.candidates.count)),
      "rounds": .array(sweep.rounds.map { .number(Double($0)) }),
    ]
    let provenance = Scorecard.Provenance(scenario: sweep.base, paths: sweep.base.paths)
    for f in provenance.fields(["scenario", "scenario_hash", "policy_hash"]) { fields[f.name] = f.value }
    let header = ConfigValue.object(fields)
    if resume, let data = FileManager.default.contents(atPath: journal.jsonlPath) {
      let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
      guard let first = lines.first, (try? JSONText.parse(String(first), file: journal.jsonlPath)) == header else {
        throw OutputError(
          "\(journal.jsonlPath): the journal is for a different sweep (scenario, policy or design changed); run without --resume to start afresh"
        )
      }
      var done: [Sweep.Key: CandidateSummary] = [:]
      for (n, line) in lines.dropFirst().enumerated() {
        // A line cut short by a kill is the last one; it is run again.
        guard let tree = try? JSONText.parse(String(line), file: journal.jsonlPath) else {
          if n == lines.count - 2 { break }
          throw OutputError("\(journal.jsonlPath):\(n + 2): not a journal line")
        }
        let s = try CandidateSummary(tree, file: journal.jsonlPath)
        done[Sweep.Key(index: s.index, round: s.round)] = s
      }
      try journal.rewrite(
        header: header, entries: done.values.sorted { ($0.round, $0.index) < ($1.round, $1.index) }, sweep: sweep)
      return (journal, done)
    }
    try journal.rewrite(header: header, entries: [], sweep: sweep)
    return (journal, [:])
  }

  /// Writes the header and `entries` whole (temporary file, then rename).
  func rewrite(header: ConfigValue, entries: [CandidateSummary], sweep: Sweep) throws {
    try OutputFile.write(
      ([JSONText.canonical(header)] + entries.map { JSONText.canonical($0.tree) }).map { $0 + "\n" }.joined(),
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

  /// Appends one finished candidate to both files, one write each.
  public func append(_ s: CandidateSummary) throws {
    try Self.appendLine(JSONText.canonical(s.tree), to: jsonlPath)
    try Self.appendLine(csvRow(s), to: csvPath)
  }

  static func appendLine(_ line: String, to path: String) throws {
    let fd = Foundation.open(path, O_WRONLY | O_APPEND | O_CREAT, 0o644)
    guard fd >= 0 else { throw OutputError("cannot append to \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    let bytes = Array((line + "\n").utf8)
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard written == bytes.count else { throw OutputError("cannot append to \(path)") }
  }
}
