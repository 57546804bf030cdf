import Foundation
import TestSupport
import Testing

/// Progress bars on stderr wherever a person waits on a terminal (a real
/// pseudo-terminal), never in piped output. Each waits for the bar's text, not
/// for a time: a long run draws it once it has taken a second.
@Suite(.serialized) struct ProgressOnATerminal {
  let config = packageRoot + "/config"

  func environment(_ dir: String) -> [String: String] {
    var env = ProcessInfo.processInfo.environment
    env["TERM"] = "xterm"
    env["HOME"] = dir
    env["CAPSCRIPT_HISTORY"] = dir + "/history"
    return env
  }

  @Test func aLongRunInTheReplDrawsTheBarAndCtrlCClearsIt() throws {
    let dir = try temporaryFolder("e2e")
    defer { removeFolder(dir) }
    let repl = try TerminalSession(["repl", "--config", config], environment: environment(dir))
    try repl.expect("cap> ")
    repl.type("r = cap.run(cap.scenario('crash_40pct_external_asset'):with{ paths = 2000000 })\r")
    try repl.expect("\rcrash_40pct_external_asset [", within: 120)
    try repl.expect("%  ")
    repl.type("\u{03}")
    try repl.expect("\r\u{1B}[K", within: 60)  // the cancelled run clears its line
    try repl.expect("stdin:1: interrupted", within: 60)
    try repl.expect("cap> ")
    repl.settle(0.3)
    repl.type("\u{04}")
    #expect(try repl.exitStatus() == 0)
  }

  @Test func aScriptRunFromATerminalDrawsTheBar() throws {
    let dir = try folder(with: [
      "long.lua":
        "local r = cap.run(cap.scenario 'crash_40pct_external_asset':with{ paths = 2000000 })\nprint(r.scenario.paths)\n"
    ])
    defer { removeFolder(dir) }
    let script = try TerminalSession(["--config", config, dir + "/long.lua"], environment: environment(dir))
    try script.expect("\rcrash_40pct_external_asset [", within: 120)
    try script.expect("ETA ")
  }

  @Test func validateShowsTheScenarioItsPlaceAndTheBar() throws {
    let dir = try temporaryFolder("e2e")
    defer { removeFolder(dir) }
    let validate = try TerminalSession(["validate", "--config", config], environment: environment(dir))
    // The first scenarios may end within the first second (no bar yet): any scenario's bar will do.
    try validate.expect("\rvalidate ", within: 120)
    try validate.expect("/7 ")
    try validate.expect(" [")
  }
}

@Suite struct NoProgressInPipedOutput {
  @Test func pipedValidateAndScriptsPrintNoBar() throws {
    let dir = try folder(with: [
      "run.lua": """
      local s = cap.scenario 'crash_40pct_external_asset':with{ paths = 3000 }
      print(cap.run(s).scenario.paths)
      print(#cap.sweep{ base = s, grid = { leverage = { 1, 2 } } }:run().candidates)
      """
    ])
    defer { removeFolder(dir) }
    let validate = try capscript(["validate", "--paths", "256"])
    #expect(!validate.stderr.contains("\r"), "\(validate.stderr.debugDescription)")
    #expect(validate.stdout.contains("crash_40pct_external_asset"))
    let script = try capscript([dir + "/run.lua"])
    #expect(script.status == 0, "\(script.stderr)")
    #expect(script.stdout == "3000\n2\n")
    #expect(!script.stderr.contains("\r"), "\(script.stderr.debugDescription)")
  }
}
