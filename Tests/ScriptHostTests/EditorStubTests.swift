import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// editor/cap.lua, the LuaLS stub, is generated from the API table.
@Suite struct EditorStub {
  static let path = packageRoot + "/editor/cap.lua"

  @Test func theCommittedStubIsTheGeneratedOne() throws {
    let generated = CapAPI.editorStub
    if ProcessInfo.processInfo.environment["CAPSCRIPT_RECORD_STUB"] == "1" {
      try generated.write(toFile: Self.path, atomically: true, encoding: .utf8)
    }
    let committed = (try? String(contentsOfFile: Self.path, encoding: .utf8)) ?? ""
    #expect(
      committed == generated,
      "editor/cap.lua differs from the API table: CAPSCRIPT_RECORD_STUB=1 swift test --filter EditorStub")
  }

  @Test func theStubDeclaresEveryCapFunctionAndEveryScenarioField() {
    let stub = CapAPI.editorStub
    for m in CapAPI.module.members where m.kind == .function { #expect(stub.contains("function cap.\(m.name)(")) }
    for name in Scenario.readableFieldNames { #expect(stub.contains("---@field \(name)? ")) }
    for name in Scorecard.scalarFieldNames { #expect(stub.contains("---@field \(name) number")) }
  }
}
