import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import CapscriptREPL
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// The API table is the one source of the Lua API: registration, `__index`,
/// completion, help and the editor stub must all agree with it.
@Suite struct APITable {
  /// A state with one object of every userdata class in globals s, r, sw, res.
  func stateWithObjects() throws -> LuaState {
    let state = try makeState()
    try state.run(
      """
      s = cap.scenario "crash_40pct_external_asset"
      r = cap.run(s:with{paths = 20, epochs = 40})
      sw = cap.sweep{base = s:with{paths = 10, epochs = 40}, grid = {leverage = {1, 1.5}}}
      res = sw:run()
      """)
    return state
  }

  static let objects = [
    "capscript.Scenario": "s", "capscript.Result": "r", "capscript.Sweep": "sw",
    "capscript.SweepResult": "res",
  ]

  @Test func everyCapEntryIsRegisteredAndNothingElse() throws {
    let state = try makeState()
    let live = try state.run(
      """
      local names = {}
      for k in pairs(cap) do names[#names + 1] = k end
      table.sort(names)
      return table.concat(names, ",")
      """)[0].split(separator: ",").map(String.init)
    #expect(live == CapAPI.module.memberNames.sorted())
    for m in CapAPI.module.members {
      let type = try state.run("return type(cap.\(m.name))")[0]
      #expect(type == (m.kind == .function ? "function" : m.name == "shock" ? "table" : "string"), "cap.\(m.name)")
    }
    let shocks = try state.run(
      "local n = {} for k in pairs(cap.shock) do n[#n + 1] = k end table.sort(n) return table.concat(n, ',')")
    #expect(shocks[0] == CapAPI.shock.memberNames.sorted().joined(separator: ","))
  }

  @Test func everyMemberOfEveryObjectReadsAndUnknownNamesSuggestTheNearest() throws {
    let state = try stateWithObjects()
    for (tname, global) in Self.objects {
      let api = try #require(CapAPI.class(tname: tname))
      for m in api.members {
        let type = try state.run("return type(\(global)[\"\(m.name)\"])")[0]
        if m.kind == .method {
          #expect(type == "function", "\(global).\(m.name)")
          #expect(try state.run("return \(global).\(m.name) == \(global).\(m.name)")[0] == "true")
        }
      }
      let message = try errorMessage("return \(global).\(api.members[0].name)x", in: state)
      #expect(message.contains("has no field \"\(api.members[0].name)x\"; did you mean \"\(api.members[0].name)\"?"))
    }
  }

  @Test func scenarioFieldsReadBackEveryValueOfTheSchema() throws {
    let state = try makeState()
    // Each capital field set to a value of its own inside its range reads back as that value.
    for spec in CapitalSchema.fields {
      let lo = spec.range.lowerBound
      let hi = min(spec.range.upperBound, spec.name.hasSuffix("everage") ? 3 : spec.range.upperBound)
      var x = lo + (hi - lo) * 0.37
      if spec.name == "maxLTV" { x = 0.55 }
      if spec.name == "liquidationThreshold" { x = 0.9 }
      let code =
        "local t = cap.scenario('crash_40pct_external_asset'):with{\(spec.name) = \(x)}\n"
        + "return t.\(spec.name) == \(x), t.capitalEfficiency.\(spec.name) == \(x), math.type(t.\(spec.name))"
      let out = try state.run(code)
      #expect(out == ["true", "true", "float"], "\(spec.name) = \(x): \(out)")
    }
    let top = try state.run(
      """
      local s = cap.scenario "crash_40pct_external_asset"
      local t = s:with{paths = 123, epochs = 45, epochsPerYear = 52, seed = 7, description = "d",
                       expect = {roi_mean = {min = -1}}}
      return t.paths, t.epochs, t.epochsPerYear, t.seed, t.description, t.expect.roi_mean.min,
             s.pmm.mode, s.graphMode, s.mode, s.shocks[1].drop, s.capital, s.name, type(s.sweep)
      """)
    #expect(
      top == [
        "123", "45", "52", "7", "d", "-1", "parametric", "none", "run", "0.4", "10000000.0",
        "crash_40pct_external_asset", "nil",
      ])
    let sweep = try state.run("local s = cap.scenario 'leverage_sweep_1x_to_4x' return s.mode, type(s.sweep)")
    #expect(sweep == ["optimizer", "table"])
    let routing = try state.run(
      "local h = cap.scenario 'hub_only_11' return h.graphMode, h.pmm.mode, h.capitalEfficiency")
    #expect(routing == ["synthetic", "coupled", "nil"])
    #expect(
      try errorMessage("return cap.scenario('hub_only_11').leverage", in: state).contains(
        "hub_only_11 is routing-only (no capitalEfficiency block): it has no field \"leverage\""))
  }

  @Test func everyFunctionAndMethodHasHelp() throws {
    let state = try stateWithObjects()
    let session = try ReplSession(state: state)
    for c in CapAPI.classes {
      for m in c.members where m.kind != .field {
        let h = c.help(m)
        let expression: String
        switch (c.tname, m.kind) {
        case (let tname?, .method): expression = "help(\(Self.objects[tname]!).\(m.name))"
        default: expression = "help(\(h.name))"
        }
        let printed = try captured(state) { _ = session.feed(expression) }
        #expect(printed.hasPrefix(h.signature + "\n  " + m.doc), "\(expression): \(printed)")
      }
    }
    let overview = try captured(state) { _ = session.feed("help()") }
    for m in CapAPI.module.members where m.kind == .function { #expect(overview.contains("cap.\(m.name)(")) }
  }

  @Test func completionOffersExactlyTheTableMembers() throws {
    let state = try stateWithObjects()
    let session = try ReplSession(state: state)
    for (tname, global) in Self.objects {
      let api = try #require(CapAPI.class(tname: tname))
      let names = api.members.filter(\.isIdentifier).map(\.name).sorted()
      #expect(session.completions(for: global + ".") == names.map { global + "." + $0 })
      let methods = api.members.filter { $0.kind == .method }.map(\.name).sorted()
      #expect(session.completions(for: global + ":") == methods.map { global + ":" + $0 })
    }
    #expect(session.completions(for: "cap.") == CapAPI.module.memberNames.sorted().map { "cap." + $0 })
  }

  @Test func theReadmeListsEveryCapFunction() throws {
    let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
    let start = try #require(readme.range(of: "The cap API so far:"))
    let line = String(readme[start.lowerBound...]).components(separatedBy: "\n\n")[0]
    for m in CapAPI.module.members where m.kind == .function {
      #expect(line.contains("`cap.\(m.name)"), "README's API list misses cap.\(m.name)")
    }
  }

  /// What `body` prints through Lua's `print` (redirected for the call).
  func captured(_ state: LuaState, _ body: () throws -> Void) throws -> String {
    try state.run(
      "__printed = {} __print = print print = function(...) __printed[#__printed + 1] = table.concat({...}, '\\t') end")
    try body()
    return try state.run("print = __print return table.concat(__printed, '\\n')")[0]
  }
}
