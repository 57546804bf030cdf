import Foundation
import TestSupport
import Testing

/// A sweep ranked by a Lua objective (issue 12) resumes after `kill -9`
/// without calling the objective again for the candidates its journal holds.
@Suite struct SweepObjectiveResume {
  /// Eight candidates ranked by their 99% expected shortfall; each call of the
  /// objective prints one "objective" line, so the calls can be counted.
  static let script = """
    local journal = arg[1]
    local s = cap.scenario("crash_40pct_external_asset"):with{paths = 1500}
    local res = cap.sweep{base = s, grid = {leverage = {1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8}},
      journal = journal, resume = true, direction = "minimize",
      objective = function(r)
        print("objective " .. r.scenario.leverage)
        return r.pnl_es_99
      end}:run()
    for i, c in ipairs(res.candidates) do print(string.format("rank %d %s %.6f", i, c.leverage, c.objective)) end
    """

  static func ranks(_ stdout: String) -> [Substring] { stdout.split(separator: "\n").filter { $0.hasPrefix("rank ") } }
  static func calls(_ stdout: String) -> Int {
    stdout.split(separator: "\n").filter { $0.hasPrefix("objective ") }.count
  }

  @Test func aKilledSweepResumesWithoutReEvaluatingJournaledCandidates() throws {
    let dir = try folder(with: ["sweep.lua": Self.script])
    defer { removeFolder(dir) }
    let straight = try capscript([dir + "/sweep.lua", dir + "/straight"])
    #expect(straight.status == 0, "\(straight.stderr)")
    #expect(Self.calls(straight.stdout) == 8 && Self.ranks(straight.stdout).count == 8)
    // Ranked by the shortfall, smallest first: the lowest leverage leads.
    #expect(Self.ranks(straight.stdout).first?.hasPrefix("rank 1 1.1 ") == true)

    let p = Process()
    p.executableURL = URL(fileURLWithPath: capscriptBinary)
    p.arguments = [dir + "/sweep.lua", dir + "/killed"]
    p.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    let journal = dir + "/killed/crash_40pct_external_asset.jsonl"
    let deadline = Date().addingTimeInterval(300)
    while Date() < deadline {
      let lines = ((try? String(contentsOfFile: journal, encoding: .utf8)) ?? "").split(separator: "\n").count
      if lines >= 3 || !p.isRunning { break }
      usleep(5_000)
    }
    #expect(p.isRunning, "the sweep finished before it could be killed")
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    let text = try String(contentsOfFile: journal, encoding: .utf8)
    // Entries whole enough to be read back (a line cut by the kill is run again).
    let journaled = text.split(separator: "\n").dropFirst().filter {
      $0.hasSuffix("}") && $0.contains("\"objective\":")
    }
    .count
    #expect(journaled >= 2 && journaled < 8, "journal after the kill:\n\(text)")

    let resumed = try capscript([dir + "/sweep.lua", dir + "/killed"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(Self.calls(resumed.stdout) == 8 - journaled, "\(resumed.stdout)")
    #expect(Self.ranks(resumed.stdout) == Self.ranks(straight.stdout))
  }

  @Test func aJournalOfAnotherObjectiveIsNotResumed() throws {
    let dir = try folder(with: [
      "a.lua": Self.script.replacingOccurrences(of: "paths = 1500", with: "paths = 100"),
      "b.lua": Self.script.replacingOccurrences(of: "paths = 1500", with: "paths = 100")
        .replacingOccurrences(of: "return r.pnl_es_99", with: "return r.pnl_es_95"),
    ])
    defer { removeFolder(dir) }
    let first = try capscript([dir + "/a.lua", dir + "/j"])
    #expect(first.status == 0, "\(first.stderr)")
    let other = try capscript([dir + "/b.lua", dir + "/j"])
    #expect(other.status != 0)
    #expect(other.stderr.contains("the journal is for a different sweep") && other.stderr.contains("objective"))
  }
}
