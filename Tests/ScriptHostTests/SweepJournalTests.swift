import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

/// Journals that cannot be mixed (issue 16, item 14): every line and every
/// contributions record carries the sweep's identity, a resume takes only its
/// own sweep's lines, an old journal is refused, and a lock keeps out a second writer.
@Suite struct SweepJournalTests {
  /// The shipped leverage sweep on a three-point grid at `paths`.
  func sweep(paths: Int) throws -> Sweep {
    let library = try ConfigLibrary(directory: packageRoot + "/config")
    let base = try library.scenario("leverage_sweep_1x_to_4x").with([("paths", .number(Double(paths)))], origin: "test")
    let spec = try SweepSpec(
      .object(["grid": .object(["leverage": .array([1, 1.5, 2].map(ConfigValue.number))])]), file: "test")
    return try Sweep(base: base, spec: spec, evidence: DeploymentEvidence())
  }

  /// Runs `sweep` journaled in `dir` and returns the lines of its JSONL.
  func journaledLines(_ sweep: Sweep, in dir: String) throws -> (SweepResult, [Substring]) {
    let (journal, _) = try SweepJournal.open(directory: dir, name: "s", sweep: sweep, resume: false)
    let result = try sweep.run(options: RunOptions(threads: 2), store: journal.store) { try journal.append($0) }
    let text = try String(contentsOfFile: journal.jsonlPath, encoding: .utf8)
    return (result, text.split(separator: "\n"))
  }

  @Test func theIdentityChangesWithPathsSeedAndDesign() throws {
    let a = try sweep(paths: 300)
    #expect(try sweep(paths: 300).identity == a.identity)
    #expect(try sweep(paths: 200).identity != a.identity)
    let seeded = try Sweep(base: a.base.with([("seed", .number(7))]), spec: a.spec, evidence: a.evidence)
    #expect(seeded.identity != a.identity)
    let spec = try SweepSpec(
      .object(["grid": .object(["leverage": .array([1, 2].map(ConfigValue.number))])]), file: "t")
    #expect(try Sweep(base: a.base, spec: spec, evidence: a.evidence).identity != a.identity)
  }

  @Test func aResumeSkipsLinesOfAnotherSweepAndRanksAsAStraightRun() throws {
    let mine = try temporaryFolder("journal")
    let other = try temporaryFolder("journal")
    defer {
      removeFolder(mine)
      removeFolder(other)
    }
    let small = try sweep(paths: 200)
    let large = try sweep(paths: 300)
    let (straight, smallLines) = try journaledLines(small, in: mine)
    let (_, largeLines) = try journaledLines(large, in: other)
    // The two-writer mix of the issue: this sweep's header and first line, then every line of the larger sweep.
    let mixed = ([smallLines[0], smallLines[1]] + largeLines.dropFirst()).map { $0 + "\n" }.joined()
    try mixed.write(toFile: mine + "/s.jsonl", atomically: true, encoding: .utf8)

    let (journal, done) = try SweepJournal.open(directory: mine, name: "s", sweep: small, resume: true)
    #expect(journal.skipped == 3)
    #expect(done.count == 1 && done.values.allSatisfy { $0.paths == 200 })
    let resumed = try small.run(options: RunOptions(threads: 2), done: done, store: journal.store) {
      try journal.append($0)
    }
    #expect(SweepOutput.json(resumed) == SweepOutput.json(straight))
    // The foreign lines are dropped from the journal, which again holds this sweep's lines alone.
    let kept = try String(contentsOfFile: journal.jsonlPath, encoding: .utf8).split(separator: "\n")
    #expect(kept.count == 4 && kept.dropFirst().allSatisfy { $0.contains("\"sweep_id\":\"\(small.identity)\"") })
  }

  @Test func contributionsOfAnotherSweepAreNeverUsed() throws {
    let dir = try temporaryFolder("journal")
    defer { removeFolder(dir) }
    let path = dir + "/x.contributions"
    let key = Sweep.Key(index: 0, round: 0)
    let theirs = try ContributionFile(path: path, identity: "00000000000000bb", fresh: true)
    try theirs.save(key, [1, 2, 3])
    let mine = try ContributionFile(path: path, identity: "00000000000000aa", fresh: false)
    #expect(mine.load(key) == nil)
    try mine.save(key, [4, 5])
    #expect(try ContributionFile(path: path, identity: "00000000000000aa", fresh: false).load(key) == [4, 5])
    #expect(try ContributionFile(path: path, identity: "00000000000000bb", fresh: false).load(key) == [1, 2, 3])
  }

  @Test func aJournalWithoutIdentityIsRefusedOnResume() throws {
    let dir = try temporaryFolder("journal")
    defer { removeFolder(dir) }
    let s = try sweep(paths: 200)
    let (_, lines) = try journaledLines(s, in: dir)
    // The journal as capscript wrote it before lines carried the sweep's identity.
    let old = lines.map { $0.replacingOccurrences(of: ",\"sweep_id\":\"\(s.identity)\"", with: "") + "\n" }.joined()
    #expect(!old.contains("sweep_id"))
    try old.write(toFile: dir + "/s.jsonl", atomically: true, encoding: .utf8)
    let error = #expect(throws: OutputError.self) {
      _ = try SweepJournal.open(directory: dir, name: "s", sweep: s, resume: true)
    }
    let message = error?.message ?? ""
    #expect(message.contains("s.jsonl: the journal was written by an older capscript"), "\(message)")
    #expect(message.contains("remove it, or run without --resume"), "\(message)")
    // The refusal leaves the journal as it was.
    #expect(try String(contentsOfFile: dir + "/s.jsonl", encoding: .utf8) == old)
  }

  @Test func aSecondWriterIsRefusedWhileTheFirstHoldsTheJournal() throws {
    let dir = try temporaryFolder("journal")
    defer { removeFolder(dir) }
    let s = try sweep(paths: 200)
    do {
      let (first, _) = try SweepJournal.open(directory: dir, name: "s", sweep: s, resume: false)
      let error = #expect(throws: OutputError.self) {
        _ = try SweepJournal.open(directory: dir, name: "s", sweep: try sweep(paths: 300), resume: false)
      }
      #expect(error?.message.contains("another sweep is writing \(dir)/s.jsonl (pid \(getpid()))") == true)
      #expect(first.skipped == 0)
    }
    // Released with its journal: the next writer opens it.
    _ = try SweepJournal.open(directory: dir, name: "s", sweep: s, resume: true)
  }
}
