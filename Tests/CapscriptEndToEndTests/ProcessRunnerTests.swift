import Foundation
import TestSupport
import Testing

/// The one process runner every suite uses (Tests/TestSupport).
@Suite struct ProcessRunner {
  /// A child that fills stderr far past a pipe's 64 KB before writing stdout would hang a runner that reads
  /// all of stdout first; this one reads both together.
  @Test func bothStreamsAreDrainedTogether() throws {
    let script = "head -c 300000 /dev/zero | tr '\\0' e >&2; head -c 200000 /dev/zero | tr '\\0' o; echo"
    let r = try runProcess("/bin/sh", ["-c", script], timeout: 60)
    #expect(!r.timedOut)
    #expect(r.status == 0)
    #expect(r.stderr.count == 300_000 && r.stderr.allSatisfy { $0 == "e" })
    #expect(r.stdout.count == 200_001 && r.stdout.hasSuffix("o\n"))
  }

  @Test func inputEnvironmentAndDirectoryReachTheChild() throws {
    let dir = try temporaryFolder("runner")
    defer { removeFolder(dir) }
    let input = String(repeating: "line of input\n", count: 10_000)
    let r = try runProcess(
      "/bin/sh", ["-c", "cat; echo \"$CAPSCRIPT_RUNNER_TEST\" >&2; pwd >&2"], input: input,
      environment: ["CAPSCRIPT_RUNNER_TEST": "seen", "PATH": "/usr/bin:/bin"], directory: dir)
    #expect(r.status == 0)
    #expect(r.stdout == input)
    #expect(r.stderr.hasPrefix("seen\n") && r.stderr.hasSuffix(dir.split(separator: "/").last! + "\n"))
  }

  @Test func aChildOutlivingItsTimeoutIsKilled() throws {
    let start = Date()
    let r = try runProcess("/bin/sh", ["-c", "echo started; exec sleep 60"], timeout: 1)
    #expect(r.timedOut && r.killedBySignal)
    #expect(r.stdout == "started\n")
    #expect(Date().timeIntervalSince(start) < 30)
  }
}
