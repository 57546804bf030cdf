import Foundation
import TestSupport
import Testing

@testable import CapscriptIO

/// Whole-or-nothing writes (issue 16, item 15): a write removes the temporary
/// files `.NAME.PID.tmp` that writes killed midway left, and only those.
@Suite struct OutputFileTests {
  @Test func aWriteRemovesTheTemporaryFilesOfDeadWritersOnly() throws {
    let dir = try temporaryFolder("output")
    defer { removeFolder(dir) }
    // A pid above any pid_max (2^22) belongs to no process: kill(pid, 0) fails with ESRCH.
    let dead = OutputFile.temporaryName("x.json", pid: Int32.max - 1)
    let live = OutputFile.temporaryName("x.json", pid: getppid())
    let others = [".x.json.notapid.tmp", OutputFile.temporaryName("y.json", pid: Int32.max - 1)]
    for name in [dead, live] + others {
      try "partial".write(toFile: dir + "/" + name, atomically: false, encoding: .utf8)
    }
    try OutputFile.write("{}\n", to: dir + "/x.json")
    let left = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
    #expect(left == ([live, "x.json"] + others).sorted())
    #expect(try String(contentsOfFile: dir + "/x.json", encoding: .utf8) == "{}\n")
  }

  @Test func aLinkAtTheTemporaryNameIsReplacedNotFollowed() throws {
    let dir = try temporaryFolder("output")
    let outside = try temporaryFolder("outside")
    defer {
      removeFolder(dir)
      removeFolder(outside)
    }
    let tmp = dir + "/" + OutputFile.temporaryName("x.json", pid: getpid())
    try FileManager.default.createSymbolicLink(atPath: tmp, withDestinationPath: outside + "/victim")
    try OutputFile.write("{}\n", to: dir + "/x.json")
    #expect(!FileManager.default.fileExists(atPath: outside + "/victim"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["x.json"])
  }
}
