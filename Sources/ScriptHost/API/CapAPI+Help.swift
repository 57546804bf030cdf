import CapscriptIO
import LuaHost
import SimCore

extension CapAPI {
  /// One entry of `help`: the name it is looked up by, the signature line and the doc.
  struct HelpEntry {
    let name: String
    let signature: String
    let doc: String
    /// For methods: the metatable whose methods table holds the function.
    let tname: String?
    let member: String?
    /// Listed by `help()` with no argument.
    let inOverview: Bool
  }

  /// Every help entry: each class, then each of its members.
  static var helpEntries: [HelpEntry] {
    var out: [HelpEntry] = []
    for c in classes {
      let names = c.members.map(\.name)
      let shown = names.count > 12 ? names.prefix(12).joined(separator: ", ") + ", ..." : names.joined(separator: ", ")
      out.append(
        HelpEntry(
          name: c.helpName, signature: c.helpName + " (" + c.luaName + ")", doc: c.doc + "\n  members: " + shown,
          tname: c.tname, member: nil, inOverview: c.luaName != "cap"))
      for m in c.members {
        let h = c.help(m)
        out.append(
          HelpEntry(
            name: h.name, signature: h.signature, doc: m.doc, tname: m.kind == .method ? c.tname : nil,
            member: m.name, inOverview: c.luaName == "cap" && m.kind == .function))
      }
    }
    return out
  }

  /// [-0, +1, m] pushes `{entries = {{name, signature, doc, fn?, overview}...},
  /// types = {[tname] = class entry name}}` for the REPL's `help`.
  package static func pushHelp(_ L: OpaquePointer?) {
    let entries = helpEntries
    LuaStack.newTable(L, fields: 2)
    LuaStack.newTable(L, list: entries.count)
    for (i, e) in entries.enumerated() {
      LuaStack.newTable(L, fields: 5)
      for (k, v) in [("name", e.name), ("signature", e.signature), ("doc", e.doc)] {
        LuaStack.push(L, string: v)
        LuaStack.setField(L, -2, k)
      }
      LuaStack.push(L, bool: e.inOverview)
      LuaStack.setField(L, -2, "overview")
      if let tname = e.tname, let member = e.member {
        LuaStack.pushMethod(L, tname: tname, methodsField: APIObject.methodsField, name: member)
        LuaStack.setField(L, -2, "fn")
      }
      LuaStack.setItem(L, -2, i + 1)
    }
    LuaStack.setField(L, -2, "entries")
    LuaStack.newTable(L, fields: 4)
    for c in classes {
      guard let tname = c.tname else { continue }
      LuaStack.push(L, string: c.helpName)
      LuaStack.setField(L, -2, tname)
    }
    LuaStack.setField(L, -2, "types")
  }
}
