import Foundation
import TestSupport
import Testing

/// Code the count hook cannot reach (issue 16, items 5 and 6): `__gc`
/// finalizers, which Lua runs with hooks off, and the pattern matcher, which
/// backtracks inside one C call. Each script runs in a child process killed
/// after 120 s, so a regression fails instead of hanging.
@Suite struct UnhookedCodeTests {
  static let limits = ["--sandbox", "--timeout", "2", "--max-memory", "64M"]

  /// Runs `script` under `options`.
  func run(_ script: String, _ options: [String] = limits) throws -> ProcessOutput {
    let dir = try folder(with: ["s.lua": script])
    defer { removeFolder(dir) }
    return try runProcess(capscriptBinary, options + [dir + "/s.lua"], timeout: 120)
  }

  @Test func theSandboxRefusesFinalizers() throws {
    let r = try run(
      """
      print(pcall(setmetatable, {}, { __gc = function() while true do end end }))
      print(pcall(setmetatable, {}, { __gc = false }))
      print(getmetatable(io.stdout), getmetatable(cap.scenario("crash_40pct_external_asset")))
      print(getmetatable(setmetatable({}, { __index = {} })) ~= nil)
      collectgarbage()
      """)
    #expect(!r.timedOut)
    #expect(r.status == 0, "\(r.stderr)")
    let refusal = "false\tsetmetatable: __gc (finalizers) is not available in the sandbox"
    #expect(r.stdout == "\(refusal)\n\(refusal)\nnil\tnil\ntrue\n", "\(r.stdout)")
  }

  @Test func aLoopingFinalizerDuringTheChunkEndsTheScript() throws {
    // Outside the sandbox the finalizer runs, with hooks off: the process ends
    // with the stop once the chunk has not unwound a second after it.
    let r = try run(
      "setmetatable({}, { __gc = function() while true do end end })\ncollectgarbage()\nprint('after')\n",
      ["--timeout", "2"])
    #expect(!r.timedOut)
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(
      r.stderr
        == "capscript: script stopped: timeout of 2 s exceeded (the script did not unwind: a __gc finalizer or a C library call)\n"
    )
  }

  @Test func aLoopingFinalizerAtExitEndsTheScript() throws {
    let r = try run(
      "setmetatable({}, { __gc = function() while true do end end })\nprint('end')\n", ["--timeout", "2"])
    #expect(!r.timedOut)
    #expect(r.status == 1)
    #expect(r.stdout == "end\n")
    #expect(r.stderr == "capscript: script stopped: timeout of 2 s exceeded in a __gc finalizer at exit\n")
  }

  @Test(arguments: [
    "string.find(s, '.-.-.-.-.-b')", "string.match(s, '(.*)(.*)(.*)b')", "string.gsub(s, 'a-a-a-b', 'x')",
    "string.gmatch(s, '.-.-.-b')()",
  ])
  func backtrackingPatternsAreRefused(call: String) throws {
    let r = try run("local s = ('a'):rep(4000)\nprint(pcall(function() return \(call) end))\n")
    #expect(!r.timedOut)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("false\t"), "\(r.stdout)")
    #expect(r.stdout.contains("pattern too complex for the sandbox"), "\(r.stdout)")
    #expect(r.stdout.contains("on 4000 characters"), "\(r.stdout)")
  }

  @Test func ordinaryPatternsStillMatch() throws {
    let r = try run(
      """
      print(("  hello  "):match("^%s*(.-)%s*$"), (("a,b,c"):gsub(",", ";")), ("x.y"):find(".", 1, true))
      for w in ("one two"):gmatch("%a+") do io.write(w, ";") end
      print(string.find(("a"):rep(10000), "a*b"), ("k=v"):match("(%w+)=(%w+)"))
      """)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "hello\ta;b;c\t2\t2\none;two;nil\tk\tv\n", "\(r.stdout)")
  }
}
