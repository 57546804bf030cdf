/// A table or object type of the Lua API and its documented members.
package struct APIClass: Sendable {
  /// The LuaLS class name in the editor stub (`cap.Scenario`), or `cap` for the module.
  let luaName: String
  /// How help and completion name its members: `cap.run`, `scenario:with`, `result.roi_mean`.
  let helpName: String
  /// The metatable of userdata of this type (`capscript.Scenario`); nil for plain tables.
  let tname: String?
  let doc: String
  package let members: [APIMember]

  /// The member named `name`, by dictionary look-up.
  package func member(_ name: String) -> APIMember? { index[name] }

  /// Member names, in table order.
  var memberNames: [String] { members.map(\.name) }

  private let index: [String: APIMember]

  init(luaName: String, helpName: String, tname: String?, doc: String, members: [APIMember]) {
    self.luaName = luaName
    self.helpName = helpName
    self.tname = tname
    self.doc = doc
    self.members = members
    self.index = Dictionary(members.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// What help prints for a member: its signature, then its doc.
  func help(_ m: APIMember) -> (name: String, signature: String, doc: String) {
    let separator = m.kind == .method ? ":" : "."
    return (helpName + separator + m.name, m.signature(owner: helpName, separator: separator), m.doc)
  }
}
