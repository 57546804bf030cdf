import Foundation
import Testing

@testable import CapscriptREPL
@testable import LuaHost
@testable import ScriptHost

func makeSession(_ limits: ScriptLimits = ScriptLimits(interruptible: true)) throws -> ReplSession {
  try ReplSession(state: limitedState(limits))
}

/// Feeds `lines` and returns the last outcome.
func feed(_ session: ReplSession, _ lines: String...) -> ReplOutcome {
  var last = ReplOutcome.printed("")
  for line in lines { last = session.feed(line) }
  return last
}

@Suite struct ReplEvaluation {
  @Test func expressionsPrintTheirValues() throws {
    let s = try makeSession()
    #expect(s.feed("1 + 2") == .printed("3"))
    #expect(s.feed("x = 10") == .printed(""))
    #expect(s.feed("x * 2, 'text', nil, 0.5") == .printed("20\ttext\tnil\t0.5"))
    #expect(s.feed("print") != .printed(""))
    #expect(s.feed("") == .printed(""))
  }

  @Test func incompleteChunksContinueOnTheNextLine() throws {
    let s = try makeSession()
    #expect(s.feed("function sq(a)") == .incomplete)
    #expect(s.isContinuing)
    #expect(s.feed("  return a * a") == .incomplete)
    #expect(s.feed("end") == .printed(""))
    #expect(!s.isContinuing)
    #expect(s.feed("sq(12)") == .printed("144"))
    #expect(feed(s, "t = {", "  1, 2,", "}") == .printed(""))
    #expect(s.feed("#t") == .printed("2"))
  }

  @Test func resetDropsAHalfEnteredChunk() throws {
    let s = try makeSession()
    #expect(s.feed("for i = 1, 3 do") == .incomplete)
    s.reset()
    #expect(!s.isContinuing)
    #expect(s.feed("'fresh'") == .printed("fresh"))
  }

  @Test func errorsNameTheLineAndKeepTheState() throws {
    let s = try makeSession()
    _ = s.feed("kept = true")
    guard case .failed(let syntax) = s.feed("x = = 1") else {
      Issue.record("no syntax error")
      return
    }
    #expect(syntax.hasPrefix("stdin:1: unexpected symbol near '='"))
    guard case .failed(let runtime) = s.feed("error('boom')") else {
      Issue.record("no runtime error")
      return
    }
    #expect(runtime.hasPrefix("stdin:1: boom\nstack traceback:"))
    #expect(s.feed("kept") == .printed("true"))
  }

  @Test func tablesPrintNestedWithSortedKeys() throws {
    let s = try makeSession()
    #expect(
      s.feed("{ b = 2, a = { 1, 2, 'x' }, [10] = true, ['not a name'] = 1 }")
        == .printed(#"{ [10] = true, a = { 1, 2, "x" }, b = 2, ["not a name"] = 1 }"#))
    #expect(s.feed("{}") == .printed("{}"))
    _ = s.feed("c = {} c.self = c")
    #expect(s.feed("c") == .printed("{ self = <cycle> }"))
  }

  @Test func bigTablesAreTruncatedAndBrokenIntoLines() throws {
    let s = try makeSession()
    guard case .printed(let text) = s.feed("cap.range(1, 100)") else {
      Issue.record("no output")
      return
    }
    #expect(text.hasPrefix("{\n  1,\n  2,"))
    #expect(text.hasSuffix("  25,\n  ... (75 more)\n}"))
    guard case .printed(let deep) = s.feed("{{{{{{1}}}}}}") else {
      Issue.record("no output")
      return
    }
    #expect(deep.contains("{...}"))
  }

  @Test func resultsPrintTheirScorecard() throws {
    let s = try makeSession()
    _ = s.feed("r = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 200})")
    guard case .printed(let text) = s.feed("r") else {
      Issue.record("no output")
      return
    }
    #expect(text.contains("roi_mean"))
    guard case .printed(let nested) = s.feed("{ r }") else {
      Issue.record("no output")
      return
    }
    #expect(
      nested.hasPrefix("{") && nested.contains("scenario crash_40pct_external_asset")
        && nested.contains(" ..."))
    #expect(!nested.contains("roi_mean"))
  }

  @Test func helpIsAGlobal() throws {
    let s = try makeSession()
    #expect(s.feed("type(help)") == .printed("function"))
  }

  @Test func aSandboxedSessionSeesTheSandbox() throws {
    let s = try makeSession(ScriptLimits(sandbox: true, interruptible: true))
    guard case .failed(let message) = s.feed("os.execute('true')") else {
      Issue.record("not refused")
      return
    }
    #expect(message.hasPrefix("stdin:1: os.execute is not available in the sandbox"))
    #expect(s.feed("type(help)") == .printed("function"))
    #expect(s.feed("y = 3") == .printed(""))
    #expect(s.completions(for: "y") == ["y"])
  }

  @Test func aRunawayLineIsStoppedAndTheSessionGoesOn() throws {
    let s = try makeSession(ScriptLimits(timeout: 0.3, interruptible: true))
    _ = s.feed("v = 5")
    #expect(
      s.feed("while true do end") == .failed("stdin:1: script stopped: timeout of 0.3 s exceeded"))
    #expect(s.feed("v") == .printed("5"))
  }
}

@Suite struct ReplCompletion {
  @Test(arguments: [
    ("cap.ru", ["cap.run"]),
    ("cap.sc", ["cap.scenario", "cap.scenarios"]),
    ("pri", ["print"]),
    ("whi", ["while"]),
    ("alpha.b", ["alpha.beta", "alpha.bravo"]),
    ("alpha.inner.z", ["alpha.inner.zulu"]),
    ("obj.m", ["obj.method"]),
    ("s:wi", ["s:with"]),
    ("s.lever", ["s.leverage"]),
    ("r.roi_m", ["r.roi_mean", "r.roi_mean_stderr"]),
    ("r.ban", ["r.bands"]),
    ("r.pnl_attribution.mar", ["r.pnl_attribution.market_making"]),
    ("s.pmm.mo", ["s.pmm.mode"]),
    ("s:le", []),
    ("str:up", ["str:upper"]),
    ("nothing.x", []),
    ("1.5", []),
  ])
  func completesNamesAndMembers(word: String, expected: [String]) throws {
    let s = try makeSession()
    _ = s.feed("alpha = { beta = 1, bravo = 2, charlie = 3, inner = { zulu = 1 } }")
    _ = s.feed("obj = setmetatable({}, { __index = { method = function() end } })")
    _ = s.feed("s = cap.scenario 'crash_40pct_external_asset'")
    _ = s.feed("r = cap.run(s:with{paths = 20})")
    _ = s.feed("str = 'text'")
    #expect(s.completions(for: word) == expected)
  }

  @Test(arguments: [
    ("lever", "s2 = s:with{", ["leverage"]),
    ("pa", "s2 = s:with{ leverage = 2, ", ["paths"]),
    ("crash", "x = cap.scenario \"", ["crash_40pct_external_asset"]),
    ("hub", "x = cap.scenario(\"", ["hub_only_11"]),
    ("lever", "x = {", []),
  ])
  func completesFromWhatPrecedesTheWord(word: String, before: String, expected: [String]) throws {
    let s = try makeSession()
    _ = s.feed("s = cap.scenario 'crash_40pct_external_asset'")
    #expect(s.completions(for: word, after: before) == expected)
  }
}
