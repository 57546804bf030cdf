import Foundation
import TestSupport
import Testing

/// Limits that hold inside host calls (issue 16, items 8, 9, 15 and the
/// string methods): Lua code that a host call causes to run (a finalizer of a
/// GC step) is under the memory limit, the memory stop names its line, a
/// pattern reached as a string method is bounded, and a sweep's set-up stops
/// at the timeout. Each script runs in a child process killed after 120 s.
@Suite struct HostCallLimitTests {
  /// Runs `script` under `options`.
  func run(_ script: String, _ options: [String]) throws -> ProcessOutput {
    let dir = try folder(with: ["s.lua": script])
    defer { removeFolder(dir) }
    return try runProcess(capscriptBinary, options + [dir + "/s.lua"], timeout: 120)
  }

  @Test func finalizersRunByHostCallsStayUnderTheMemoryLimit() throws {
    // Each finalizer keeps 256 KB and arms the next; the loop's host calls
    // (s.source builds a table) make the GC steps that run them. They used to
    // run with the limit off (a host function on the C stack): 64 MB under 16 MB.
    let r = try run(
      """
      local hoard, n = {}, 0
      local function arm()
        setmetatable({}, { __gc = function()
          n = n + 1
          hoard[n] = string.rep("x", 256 * 1024) .. n
          io.stderr:write("hoard ", n * 256 * 1024, "\\n")
          arm()
        end })
      end
      arm()
      local s = cap.scenario("crash_40pct_external_asset")
      while true do local t = s.source end
      """, ["--timeout", "60", "--max-memory", "16M"])
    #expect(!r.timedOut)
    #expect(r.status == 1, "\(r.stderr)")
    let hoards = r.stderr.split(separator: "\n").compactMap { $0.hasPrefix("hoard ") ? Int($0.dropFirst(6)) : nil }
    #expect(!hoards.isEmpty, "\(r.stderr)")
    #expect((hoards.max() ?? .max) <= 16 << 20, "\(hoards.max() ?? 0)")
    #expect(r.stderr.hasSuffix("/s.lua:12: script stopped: memory limit of 16777216 bytes exceeded\n"), "\(r.stderr)")
  }

  @Test(arguments: [
    ("print(pcall(string.rep, 'x', 32 * 1024 * 1024))\nreturn\n", 1),
    ("local t = {}\nfor i = 1, 1e9 do t[i] = i end\n", 2),
    ("local a = 1\nlocal s = string.rep('x', 32 * 1024 * 1024)\n", 2),
  ])
  func theMemoryStopNamesItsLine(script: String, line: Int) throws {
    let r = try run(script, ["--sandbox", "--timeout", "30", "--max-memory", "16M"])
    #expect(r.status == 1, "\(r.stderr)")
    #expect(
      r.stderr.hasSuffix("/s.lua:\(line): script stopped: memory limit of 16777216 bytes exceeded\n"), "\(r.stderr)")
  }

  @Test func patternsReachedAsStringMethodsAreBounded() throws {
    // s:find(p) goes through the string metatable, which used to hold the
    // host's unbounded string table: the match ran for minutes.
    let r = try run(
      """
      local s = ("a"):rep(4000)
      print(pcall(function() return s:find(".-.-.-.-.-b") end))
      print(pcall(s.gsub, s, "a-a-a-b", "x"))
      print(getmetatable("").__index == string, ("  hi  "):match("^%s*(.-)%s*$"))
      """, ["--sandbox", "--timeout", "2", "--max-memory", "64M"])
    #expect(!r.timedOut)
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 3, "\(r.stdout)")
    #expect(
      lines.first?.hasPrefix("false\t") == true && lines.first?.contains("string.find: pattern too complex") == true)
    #expect(lines.dropFirst().first?.contains("string.gsub: pattern too complex") == true, "\(r.stdout)")
    #expect(lines.last == "true\thi")
  }

  @Test func theParamsReaderKeepsItsOwnPatternsAndBoundsTheScripts() throws {
    // The reader's own search on a long script is not refused (it calls the
    // real functions by name); a pattern inside the params table is bounded.
    let long =
      "params = { n = { \"count\", 3 } }\n" + String(repeating: "-- padding\n", count: 400) + "print(params.n)\n"
    let ok = try run(long, ["--sandbox", "--timeout", "10"] + [])
    #expect(ok.status == 0, "\(ok.stderr)")
    #expect(ok.stdout == "3\n")
    let bomb = try run(
      "params = { x = { \"d\", (\"a\"):rep(4000):find(\".-.-.-.-.-b\") } }\nprint(params.x)\n", ["--timeout", "10"])
    #expect(!bomb.timedOut)
    #expect(bomb.status == 1)
    #expect(bomb.stderr.contains("the params table must hold constants only"), "\(bomb.stderr)")
    #expect(bomb.stderr.contains("string.find: pattern too complex for the sandbox"), "\(bomb.stderr)")
  }

  @Test func aSweepSetUpStopsAtTheTimeout() throws {
    // 98,000 candidates take seconds to build and validate (about 5 s of CPU
    // on this machine, no less than 1 s on any current core): the set-up used
    // to run to its end in one host call; the process then ended as stuck.
    let r = try run(
      """
      local s = cap.scenario("crash_40pct_external_asset")
      local sw = cap.sweep{ base = s, grid = { allocation = cap.range(0.51, 0.99, 0.01), leverage = cap.range(1, 2.999, 0.001) } }
      print("built", tostring(sw))
      """, ["--sandbox", "--timeout", "0.25"])
    #expect(!r.timedOut)
    #expect(r.status == 1, "\(r.stderr)")
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.hasSuffix("/s.lua:2: script stopped: timeout of 0.25 s exceeded\n"), "\(r.stderr)")
  }
}
