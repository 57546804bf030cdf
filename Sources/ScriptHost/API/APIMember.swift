import LuaHost

/// One parameter of a documented Lua function (help and the editor stub).
struct APIParam: Sendable {
  let name: String
  /// The LuaLS type, e.g. `cap.Scenario` or `{threads?: integer}`.
  let type: String
  let optional: Bool
  let doc: String

  init(_ name: String, _ type: String, optional: Bool = false, doc: String = "") {
    self.name = name
    self.type = type
    self.optional = optional
    self.doc = doc
  }
}

/// A member of the Lua API: a function of a module table, a method or a field
/// of an object. The API table (`CapAPI`) is a list of these; registration,
/// `__index`, completion, `help`, did-you-mean and the editor stub read it.
package struct APIMember: Sendable {
  package enum Kind: Sendable { case function, method, field }

  package let kind: Kind
  package let name: String
  /// Functions and methods: their parameters (a method's `self` is implied).
  let params: [APIParam]
  /// Functions and methods: their LuaLS return types; fields: the field's type.
  let returns: [String]
  /// One or two lines: what it is, what it does.
  let doc: String
  /// The host function of a function or method; nil for one defined in Lua
  /// (the prelude) or for a field.
  let function: BindingFunction?
  /// A field's getter: pushes the value of the object at index 1 (exactly one value).
  let get: (@Sendable (OpaquePointer?) throws -> Void)?
  /// Scenario fields a table given to `cap.scenario`/`with` may set (the stub's `cap.ScenarioFields`).
  let settable: Bool

  /// A function of a module table (`cap.run`).
  static func function(
    _ name: String, _ params: [APIParam], returns: [String], doc: String, _ function: BindingFunction? = nil
  ) -> APIMember {
    APIMember(
      kind: .function, name: name, params: params, returns: returns, doc: doc, function: function, get: nil,
      settable: false)
  }

  /// A method of an object (`scenario:with`).
  static func method(
    _ name: String, _ params: [APIParam], returns: [String], doc: String, _ function: BindingFunction
  ) -> APIMember {
    APIMember(
      kind: .method, name: name, params: params, returns: returns, doc: doc, function: function, get: nil,
      settable: false)
  }

  /// A field of an object, read by `get`.
  static func field(
    _ name: String, _ type: String, doc: String, settable: Bool = false,
    get: (@Sendable (OpaquePointer?) throws -> Void)? = nil
  ) -> APIMember {
    APIMember(
      kind: .field, name: name, params: [], returns: [type], doc: doc, function: nil, get: get, settable: settable)
  }

  /// Whether `name` is a Lua identifier (`t.name` works); dotted names such as
  /// `routing.capture` are read as `r["routing.capture"]` and are not completed.
  package var isIdentifier: Bool { !name.contains(".") }

  /// The call as help prints it: `cap.run(scenario [, opts]) -> cap.Result`.
  func signature(owner: String, separator: String) -> String {
    let prefix = owner.isEmpty ? name : owner + separator + name
    guard kind != .field else { return prefix + ": " + (returns.first ?? "any") }
    var args = ""
    for (i, p) in params.enumerated() {
      let item = (i == 0 ? "" : ", ") + p.name
      args += p.optional ? " [" + item + "]" : item
    }
    let result = returns.isEmpty ? "" : " -> " + returns.joined(separator: ", ")
    return prefix + "(" + args.trimmingLeadingSpace + ")" + result
  }
}

extension String {
  fileprivate var trimmingLeadingSpace: String { first == " " ? String(dropFirst()) : self }
}
