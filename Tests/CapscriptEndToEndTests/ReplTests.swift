import Foundation
import TestSupport
import Testing

@Suite(.serialized) struct ReplOnATerminal {
  /// Keystrokes through a pseudo-terminal: a multi-line function and a
  /// multi-line scenario, Tab completion, Ctrl-C during a long native run and
  /// during a Lua loop, Ctrl-C at the prompt, then the same variables, Ctrl-D.
  @Test func ctrlCCancelsALongRunAndKeepsTheVariables() throws {
    let dir = try temporaryFolder("e2e")
    defer { removeFolder(dir) }
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = "xterm"
    env["HOME"] = dir
    env["CAPSCRIPT_HISTORY"] = dir + "/history"
    let repl = try TerminalSession(["repl", "--config", packageRoot + "/config"], environment: env)
    try repl.expect("cap> ")
    repl.type("function sq(a)\r")
    try repl.expect("  >> ")
    repl.type("  return a * a\r")
    try repl.expect("  >> ")
    repl.type("end\r")
    try repl.expect("cap> ")
    repl.type("y = sq(7)\r")
    try repl.expect("cap> ")
    repl.type("s = cap.scenario('crash_40pct_external_asset'):with{\r")
    try repl.expect("  >> ")
    repl.type("  paths = 2000000,\r")
    try repl.expect("  >> ")
    repl.type("}\r")
    try repl.expect("cap> ")
    repl.type("r = cap.ru\t")  // Tab completes cap.run
    repl.settle(0.5)
    repl.type("(s)\r")
    repl.settle(1.5)
    repl.type("\u{03}")
    try repl.expect("stdin:1: interrupted", within: 30)
    try repl.expect("cap> ")
    repl.type("y + 1\r")
    try repl.expect("50")
    try repl.expect("cap> ")
    repl.type("while true do end\r")
    repl.settle(0.5)
    repl.type("\u{03}")
    try repl.expect("stdin:1: interrupted")
    try repl.expect("cap> ")
    repl.type("half = \u{03}")  // Ctrl-C at the prompt drops the line
    try repl.expect("cap> ")
    repl.type("r == nil, s.paths, y\r")
    try repl.expect("true\t2000000\t49")
    try repl.expect("cap> ")
    repl.type("sw = cap.sweep{\r")  // a multi-line sweep on the variables kept
    try repl.expect("  >> ")
    repl.type("  base = s:with{ paths = 200 },\r")
    try repl.expect("  >> ")
    repl.type("  grid = { leverage = { 1, 1.5 } },\r")
    try repl.expect("  >> ")
    repl.type("}\r")
    try repl.expect("cap> ")
    repl.type("#sw:run().candidates, sq(3)\r")
    try repl.expect("2\t9", within: 60)
    try repl.expect("cap> ")
    repl.type("help(cap.run)\r")
    try repl.expect("cap.run(scenario [, opts]) -> cap.Result")
    try repl.expect("cap> ")
    repl.settle(0.3)  // libedit may still be switching the terminal to raw mode
    repl.type("\u{04}")
    #expect(try repl.exitStatus() == 0)
    let history = try String(contentsOfFile: dir + "/history", encoding: .utf8)
    #expect(history.contains("sq(7)"))
    #expect(history.contains("paths\\040=\\0402000000"))
  }

  @Test func historyIsKeptAcrossSessions() throws {
    let dir = try temporaryFolder("e2e")
    defer { removeFolder(dir) }
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = "xterm"
    env["CAPSCRIPT_HISTORY"] = dir + "/history"
    let first = try TerminalSession(["repl"], environment: env)
    try first.expect("cap> ")
    first.type("6 * 7\r")
    try first.expect("42")
    try first.expect("cap> ")
    first.settle(0.3)
    first.type("\u{04}")
    #expect(try first.exitStatus() == 0)
    let second = try TerminalSession(["repl"], environment: env)
    try second.expect("cap> ")
    second.type("\u{1b}[A\r")  // Up arrow recalls the last line
    try second.expect("42")
    try second.expect("cap> ")
    second.settle(0.3)
    second.type("\u{04}")
    #expect(try second.exitStatus() == 0)
  }
}

@Suite struct ReplOnPipedInput {
  @Test func expressionsMultiLineChunksAndErrors() throws {
    let input = """
      x = 20
      x + 1
      function f(a)
        return a * 2
      end
      f(x)
      { b = 1, a = 'z', list = { 1, 2 } }
      error('boom')
      for i = 1, 2 do
        print('line', i)
      end
      x, nil, 'text'

      """
    let r = try capscript(["repl"], input: input)
    #expect(r.status == 0)
    #expect(
      r.stdout == "21\n40\n{ a = \"z\", b = 1, list = { 1, 2 } }\nline\t1\nline\t2\n20\tnil\ttext\n"
    )
    #expect(r.stderr.hasPrefix("stdin:1: boom\nstack traceback:"))
  }

  @Test func helpAndResults() throws {
    let r = try capscript(
      ["repl"],
      input:
        "help(cap.run)\nr = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 100})\nr\n"
    )
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("cap.run(scenario [, opts]) -> cap.Result\n"))
    #expect(r.stdout.contains("roi_mean"))
  }

  @Test func runawayLinesAreStoppedAndTheSessionGoesOn() throws {
    let r = try capscript(
      ["repl", "--timeout", "2", "--max-memory", "16M", "--sandbox"],
      input: """
        v = 'kept'
        while true do end
        t = {} for i = 1, 1e9 do t[i] = string.rep('x', 4096) .. i end
        t = nil
        os.execute('echo escaped')
        v

        """)
    #expect(r.status == 0)
    #expect(r.stdout == "kept\n")
    let lines = r.stderr.split(separator: "\n").filter {
      !$0.hasPrefix("\t") && $0 != "stack traceback:"
    }
    #expect(
      lines == [
        "stdin:1: script stopped: timeout of 2 s exceeded",
        "stdin:1: script stopped: memory limit of 16777216 bytes exceeded",
        "stdin:1: os.execute is not available in the sandbox",
      ])
  }

  @Test func aLoopingTostringIsStoppedAndTheSessionGoesOn() throws {
    // Printing a value runs its __tostring under the line's limits (issue 16, item 12).
    let r = try runProcess(
      capscriptBinary, ["repl", "--timeout", "2", "--max-memory", "64M", "--sandbox"],
      input: """
        v = 'kept'
        setmetatable({}, { __tostring = function() while true do end end })
        v

        """, timeout: 120)
    #expect(!r.timedOut)
    #expect(r.status == 0)
    #expect(r.stdout == "kept\n")
    #expect(r.stderr.hasPrefix("stdin:1: script stopped: timeout of 2 s exceeded\n"), "\(r.stderr)")
  }
}
