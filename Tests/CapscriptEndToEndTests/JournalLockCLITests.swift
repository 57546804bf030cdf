import Foundation
import TestSupport
import Testing

/// Two sweeps of one name at once (issue 16, item 14): the second is refused
/// while the first holds the journal, naming the journal and the first's pid.
@Suite struct JournalLockCommandLine {
  @Test func aSecondSweepOfTheSameNameIsRefusedWhileTheFirstRuns() throws {
    let dir = try temporaryFolder("e2e")
    defer { removeFolder(dir) }
    let first = Process()
    first.executableURL = URL(fileURLWithPath: capscriptBinary)
    first.arguments = ["run", "leverage_sweep_1x_to_4x", "--paths", "40000", "--threads", "1", "--quiet", "--out", dir]
    first.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
    first.standardOutput = FileHandle.nullDevice
    first.standardError = FileHandle.nullDevice
    try first.run()
    defer {
      kill(first.processIdentifier, SIGKILL)
      first.waitUntilExit()
    }
    // The first writer holds the journal once its header is written.
    let journal = dir + "/sweeps/leverage_sweep_1x_to_4x.jsonl"
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline && first.isRunning && !FileManager.default.fileExists(atPath: journal) { usleep(5_000) }
    #expect(first.isRunning, "the first sweep ended before the second started")
    let header = try String(contentsOfFile: journal, encoding: .utf8)

    let second = try capscript(["run", "leverage_sweep_1x_to_4x", "--paths", "500", "--quiet", "--out", dir])
    #expect(second.status == 1)
    #expect(
      second.stderr.contains("another sweep is writing \(journal) (pid \(first.processIdentifier))"), "\(second.stderr)"
    )
    // The refused sweep wrote nothing: the first sweep's journal is as it left it.
    let now = try String(contentsOfFile: journal, encoding: .utf8)
    #expect(now.hasPrefix(header) && !now.contains("\"paths\":500,"))
  }

  @Test func aResumeSaysHowManyLinesOfAnotherSweepItSkipped() throws {
    let mine = try temporaryFolder("e2e")
    let other = try temporaryFolder("e2e")
    defer {
      removeFolder(mine)
      removeFolder(other)
    }
    let args = ["run", "leverage_sweep_1x_to_4x", "--format", "json", "--threads", "2", "--quiet"]
    let straight = try capscript(args + ["--paths", "200", "--out", mine])
    #expect(straight.status == 0, "\(straight.stderr)")
    let foreign = try capscript(args + ["--paths", "300", "--out", other])
    #expect(foreign.status == 0, "\(foreign.stderr)")
    // The mix: this sweep's header and first line, then the other sweep's 7 lines.
    let journal = mine + "/sweeps/leverage_sweep_1x_to_4x.jsonl"
    let own = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n")
    let theirs = try String(contentsOfFile: other + "/sweeps/leverage_sweep_1x_to_4x.jsonl", encoding: .utf8)
      .split(separator: "\n")
    try (own.prefix(2) + theirs.dropFirst()).map { $0 + "\n" }.joined().write(
      toFile: journal, atomically: true, encoding: .utf8)

    let resumed = try capscript(args + ["--paths", "200", "--out", mine, "--resume"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stderr.contains("resuming: skipped 7 line(s) of \(journal) written by another sweep"))
    #expect(resumed.stdout == straight.stdout)
  }
}
