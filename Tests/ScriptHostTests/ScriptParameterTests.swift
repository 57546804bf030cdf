import Foundation
import TestSupport
import Testing

@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// The declarations the tests parse against: one of each type, two with a range.
private let declared: [ScriptParameter] = [
  ScriptParameter(
    name: "drop", description: "crash", kind: .number, defaultValue: .number(0.5), minimum: 0, maximum: 1),
  ScriptParameter(name: "label", description: "name", kind: .string, defaultValue: .string("base")),
  ScriptParameter(name: "max_loss", description: "cap", kind: .number, defaultValue: nil),
  ScriptParameter(name: "paths", description: "paths", kind: .integer, defaultValue: .integer(4000), minimum: 1),
  ScriptParameter(name: "verbose", description: "more", kind: .boolean, defaultValue: .boolean(false)),
]

private func usageError(_ arguments: [String]) -> String {
  do {
    _ = try ScriptArguments.parse(arguments, parameters: declared, file: "f.lua")
  } catch {
    #expect(error.isUsage)
    return error.message
  }
  Issue.record("expected a usage error from \(arguments)")
  return ""
}

@Suite struct ScriptArgumentParsing {
  @Test func bothSpellingsSetTypedValuesAndTheRestIsPositional() throws {
    let a = try ScriptArguments.parse(
      ["--drop=0.25", "x", "--paths", "300", "--verbose", "--label", "-5", "--max-loss=1e3", "--", "--drop", "y"],
      parameters: declared, file: "f.lua")
    #expect(a.values["drop"] == .number(0.25))
    #expect(a.values["paths"] == .integer(300))
    #expect(a.values["verbose"] == .boolean(true))
    #expect(a.values["label"] == .string("-5"))
    #expect(a.values["max_loss"] == .number(1000))
    #expect(a.positional == ["x", "--drop", "y"])
    #expect(!a.wantsHelp)
  }

  @Test func absentParamsTakeTheirDefaultsAndBooleansTakeFalse() throws {
    let a = try ScriptArguments.parse(["--verbose=false", "-h"], parameters: declared, file: "f.lua")
    #expect(a.values["verbose"] == .boolean(false))
    #expect(a.values["drop"] == .number(0.5))
    #expect(a.values["paths"] == .integer(4000))
    #expect(a.values["max_loss"] == nil)
    #expect(a.wantsHelp)
  }

  @Test func aScriptWithoutParamsGetsEveryArgumentUnchanged() throws {
    let args = ["--x", "1", "--paths=3", "--", "-h"]
    let a = try ScriptArguments.parse(args, parameters: nil, file: "f.lua")
    #expect(a.positional == args && a.values.isEmpty && !a.wantsHelp)
    #expect(try ScriptArguments.parse(["x", "--help"], parameters: nil, file: "f.lua").wantsHelp)
    // An empty declaration declares that the script takes no options.
    #expect(throws: ScriptParameterError.self) { try ScriptArguments.parse(["--x"], parameters: [], file: "f.lua") }
  }

  @Test(arguments: [
    (
      ["--levrage=2"], "f.lua: unknown option --levrage; its params are --drop, --label, --max_loss, --paths, --verbose"
    ),
    (["--dorp=2"], "f.lua: unknown option --dorp (did you mean --drop?); its params are"),
    (["--drop=1.5"], "f.lua: --drop: 1.5 is outside the allowed range [0, 1]"),
    (["--paths=0"], "f.lua: --paths: 0 is outside the allowed range: it must be at least 1"),
    (["--paths=2.5"], "f.lua: --paths: 2.5 is not an integer; it must be a whole number"),
    (["--drop=abc"], "f.lua: --drop: expected a number, got \"abc\""),
    (["--drop=nan"], "f.lua: --drop: expected a number, got \"nan\""),
    (["--verbose=maybe"], "f.lua: --verbose: expected true or false, got \"maybe\""),
    (["--paths"], "f.lua: --paths needs a value (--paths=INTEGER)"),
    (["--drop=0.1", "--drop=0.2"], "f.lua: --drop is given twice"),
  ])
  func mistakesAreUsageErrorsNamingTheOptionValueAndRange(arguments: [String], message: String) {
    #expect(usageError(arguments).hasPrefix(message))
  }
}

@Suite struct ScriptParameterDeclarations {
  private func declaration(_ source: String) throws -> [ScriptParameter]? {
    let dir = try folder(with: ["s.lua": source])
    defer { removeFolder(dir) }
    return try ScriptParameters.declaration(of: dir + "/s.lua")
  }

  @Test func theTableIsReadWithoutRunningTheScript() throws {
    let params = try #require(
      try declaration(
        """
        error("the script ran")
        params = {
          leverage = { "target leverage }", 2.0, min = 1, max = 4 }, -- a } in a string and a comment }
          paths = { description = "paths", default = 50000 },
          verbose = { "print more", false },
          scenario = { "base scenario", "crash_40pct_external_asset" },
          cap = { "cap", type = "number", max = math.huge },
        }
        """))
    #expect(params.map(\.name) == ["cap", "leverage", "paths", "scenario", "verbose"])
    #expect(
      params[1]
        == ScriptParameter(
          name: "leverage", description: "target leverage }", kind: .number,
          defaultValue: .number(2), minimum: 1, maximum: 4))
    #expect(params[2].kind == .integer && params[2].defaultValue == .integer(50000))
    #expect(params[3].kind == .string && params[4].kind == .boolean)
    #expect(params[0].defaultValue == nil && params[0].kind == .number)
  }

  @Test func aScriptWithoutALeadingDeclarationDeclaresNone() throws {
    #expect(try declaration("local params = { x = {'x', 1} }\nprint(params)\n") == nil)
  }

  @Test(arguments: [
    ("x = 1\nparams = { n = { 'n', x } }\n", "s.lua:2: the params table must hold constants only"),
    ("params = { n = { 'n', 1, min = 5 } }\n", "s.lua:1: params.n: the default 1 is outside its own min/max"),
    (
      "params = { n = { 'n', 1.5, type = 'integer' } }\n",
      "s.lua:1: params.n: the default 1.5 is not of its type integer"
    ),
    ("params = { n = { 'n', {} } }\n", "s.lua:1: params.n: the default must be a number, boolean or string"),
    ("params = { n = { 'n', 1 }\n", "s.lua:1: cannot read the params table"),
  ])
  func badDeclarationsNameTheFileLineAndParam(source: String, message: String) throws {
    do {
      _ = try declaration(source)
      Issue.record("expected an error for \(source)")
    } catch let error as ScriptParameterError {
      #expect(!error.isUsage)
      #expect(error.message.contains(message), "\(error.message)")
    }
  }

  @Test func theScriptReadsTheParsedValuesAndUndeclaredNamesRaise() throws {
    let dir = try folder(with: [
      "s.lua": """
      params = { leverage = { "l", 2.0 }, paths = { "p", 10 }, note = { "n", type = "string" } }
      print(params.leverage, math.type(params.leverage), params.paths, math.type(params.paths), params.note)
      print(pcall(function() return params.levrage end))
      """
    ])
    defer { removeFolder(dir) }
    let file = dir + "/s.lua"
    let params = try #require(try ScriptParameters.declaration(of: file))
    let parsed = try ScriptArguments.parse(["--leverage=3"], parameters: params, file: file)
    let state = try makeState()
    try state.run(
      """
      captured = {}
      print = function(...)
        local t = {}
        for i = 1, select('#', ...) do t[i] = tostring((select(i, ...))) end
        captured[#captured + 1] = table.concat(t, ' ')
      end
      """)
    try state.installParameters(parsed.values, declared: params)
    try state.runFile(file, arguments: parsed.positional)
    let out = try state.run("return captured[1], captured[2]")
    #expect(out[0] == "3.0 float 10 integer nil")
    #expect(out[1].hasPrefix("false "))
    #expect(out[1].contains("params.levrage is not declared; declared: leverage, note, paths"))
  }
}
