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
}
