import SimCore

extension CapAPI {
  /// The LuaLS `---@meta` stub of the API (`editor/cap.lua`), generated from
  /// the table: a test keeps the committed file equal to this text.
  static var editorStub: String {
    var out = """
      ---@meta capscript
      -- LuaLS definitions of the `cap` module (https://luals.github.io): point your
      -- editor's Lua language server at this folder ("workspace.library") and it
      -- completes and type-checks capscript scripts.
      -- Generated from the API table (Sources/ScriptHost/API/CapAPI.swift); do not edit:
      -- CAPSCRIPT_RECORD_STUB=1 swift test --filter EditorStub writes it anew.

      ---@class cap.Shock
      ---@field type string shock type (cap.shock.<type> sets it)

      """
    for f in ShockSchema.timing {
      out += "---@field \(f.name)? \(f.kind == .integer || f.isEpochIndex ? "integer" : "number") \(f.doc)\n"
    }
    let settable = scenario.members.filter(\.settable)
    out += "\n---@class cap.ScenarioFields\n"
    for m in settable { out += fieldLine(m, optional: true) }
    for c in [scenario, result, candidate, sweepResult, sweep] {
      out += "\n---@class " + c.luaName + (c.luaName == "cap.Scenario" ? ": cap.ScenarioFields" : "") + "\n"
      out += "--- " + c.doc + "\n"
      for m in c.members where m.kind == .field && !m.settable && m.isIdentifier {
        out += fieldLine(m, optional: false)
      }
      let methods = c.members.filter { $0.kind == .method }
      guard !methods.isEmpty else { continue }
      let local = String(c.luaName.split(separator: ".").last ?? "")
      out += "local \(local) = {}\n"
      for m in methods { out += "\n" + functionText(m, owner: local + ":") }
    }
    out += "\n---@class cap.shock\n"
    for m in shock.members {
      let firstLine = m.doc.split(separator: "\n").first.map(String.init) ?? ""
      out += "---@field \(m.name) fun(fields: table): cap.Shock \(firstLine.replacingSuffix("; fields:"))\n"
    }
    out += "\n---@class cap\n"
    for m in module.members where m.kind == .field { out += fieldLine(m, optional: false) }
    out += "cap = {}\n"
    for m in module.members where m.kind == .function { out += "\n" + functionText(m, owner: "cap.") }
    return out
  }

  private static func fieldLine(_ m: APIMember, optional: Bool) -> String {
    let doc = m.doc.isEmpty ? "" : " " + m.doc
    return "---@field \(m.name)\(optional ? "?" : "") \(m.returns.first ?? "any")\(doc)\n"
  }

  private static func functionText(_ m: APIMember, owner: String) -> String {
    var out = "--- " + m.doc + "\n"
    for p in m.params {
      out += "---@param \(p.name)\(p.optional ? "?" : "") \(p.type)\(p.doc.isEmpty ? "" : " " + p.doc)\n"
    }
    if !m.returns.isEmpty { out += "---@return " + m.returns.joined(separator: ", ") + "\n" }
    return out + "function \(owner)\(m.name)(\(m.params.map(\.name).joined(separator: ", "))) end\n"
  }
}

extension String {
  fileprivate func replacingSuffix(_ suffix: String) -> String {
    hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
  }
}
