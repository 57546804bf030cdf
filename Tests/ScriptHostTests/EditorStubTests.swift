import Foundation
import TestSupport
import Testing

@testable import ScriptHost
@testable import SimCore

/// editor/cap.lua, the LuaLS stub, stays in step with the bridge.
@Suite struct EditorStub {
  let stub = (try? String(contentsOfFile: packageRoot + "/editor/cap.lua", encoding: .utf8)) ?? ""

  func matches(_ pattern: String) -> Set<String> {
    let regex = try! NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
    let range = NSRange(stub.startIndex..., in: stub)
    return Set(regex.matches(in: stub, range: range).map { String(stub[Range($0.range(at: 1), in: stub)!]) })
  }

  @Test func everyCapFunctionIsDeclaredAndNoneIsInvented() throws {
    #expect(stub.hasPrefix("---@meta"))
    let state = try makeState()
    let out = try state.run(
      """
      local names = {}
      for k, v in pairs(cap) do if type(v) == "function" then names[#names + 1] = k end end
      table.sort(names)
      return table.concat(names, ",")
      """)
    let live = Set(out[0].split(separator: ",").map(String.init))
    let declared = matches(#"^function cap\.(\w+)\("#)
    #expect(live == declared, "bridge: \(live.sorted()), stub: \(declared.sorted())")
  }

  @Test func everyScenarioFieldIsDeclared() {
    let declared = matches(#"^---@field (\w+)\?"#)
    let schema = Set(CapitalSchema.names + Scenario.topLevelFields)
    #expect(schema.subtracting(declared).isEmpty, "missing: \(schema.subtracting(declared).sorted())")
  }

  @Test func everyScalarScorecardFieldIsDeclaredOnResults() {
    let declared = matches(#"^---@field (\w+) "#)
    let missing = Set(Scorecard.scalarFieldNames).subtracting(declared)
    #expect(missing.isEmpty, "missing: \(missing.sorted())")
  }
}
