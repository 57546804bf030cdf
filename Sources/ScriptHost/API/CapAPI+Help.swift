internal import CLua
import CapscriptIO
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
  static func pushHelp(_ L: OpaquePointer?) {
    let entries = helpEntries
    lua_createtable(L, 0, 2)
    lua_createtable(L, Int32(entries.count), 0)
    for (i, e) in entries.enumerated() {
      lua_createtable(L, 0, 5)
      for (k, v) in [("name", e.name), ("signature", e.signature), ("doc", e.doc)] {
        lua_pushstring(L, v)
        lua_setfield(L, -2, k)
      }
      lua_pushboolean(L, e.inOverview ? 1 : 0)
      lua_setfield(L, -2, "overview")
      if let tname = e.tname, let member = e.member {
        capscript_pushregistry(L)
        lua_getfield(L, -1, tname)
        lua_pushstring(L, APIObject.methodsField)
        lua_rawget(L, -2)
        lua_pushstring(L, member)
        lua_rawget(L, -2)
        lua_setfield(L, -5, "fn")
        capscript_pop(L, 3)
      }
      lua_rawseti(L, -2, lua_Integer(i + 1))
    }
    lua_setfield(L, -2, "entries")
    lua_createtable(L, 0, 4)
    for c in classes {
      guard let tname = c.tname else { continue }
      lua_pushstring(L, c.helpName)
      lua_setfield(L, -2, tname)
    }
    lua_setfield(L, -2, "types")
  }
}
