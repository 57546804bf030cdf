import LuaHost
import SimCore

/// Objectives and constraints as Lua functions in `cap.sweep{...}`:
/// `objective = function(r) ... end` (a number; `direction = "minimize"` or
/// `"maximize"`, the default), `constraints = {function(r) ... end, ...}`
/// (true when satisfied). They are kept beside the sweep object and called on
/// the Lua thread after each candidate's native run, with its full result.
extension SweepObject {
  /// The registry table (weak keys: sweep objects) holding each sweep's functions.
  static let functionsTable = "capscript.sweep.functions"
  /// The fields of `cap.sweep{...}` that are Lua values rather than the design.
  static let objectiveFields: Set<String> = ["objective", "constraints", "direction"]

  /// [-0, +1, m] reads `objective`, `constraints` and `direction` of the table
  /// at index 1; pushes a table of the functions (`objective`, `constraint1`,
  /// ...) and returns the objective, or pushes nil and returns nil without one.
  static func pushObjective(_ L: OpaquePointer?) throws -> SweepObjective? {
    LuaStack.pushRawField(L, 1, "objective")
    let objective = LuaStack.top(L)
    LuaStack.pushRawField(L, 1, "constraints")
    let constraints = LuaStack.top(L)
    LuaStack.pushRawField(L, 1, "direction")
    let direction = LuaStack.string(L, -1)
    let directionType = LuaStack.typeName(L, -1)
    LuaStack.pop(L)
    if LuaStack.isNoneOrNil(L, objective) {
      guard LuaStack.isNoneOrNil(L, constraints), directionType == "nil" else {
        throw BindingError("cap.sweep: constraints and direction go with objective = function(r) ... end")
      }
      LuaStack.pop(L, 2)
      LuaStack.pushNil(L)
      return nil
    }
    guard LuaStack.typeName(L, objective) == "function" else {
      throw BindingError(
        "cap.sweep: objective must be a function(r) returning a number, got \(LuaStack.typeName(L, objective))")
    }
    guard directionType == "nil" || direction == "maximize" || direction == "minimize" else {
      throw BindingError(
        "cap.sweep: direction must be \"maximize\" (the default) or \"minimize\", got "
          + (direction.map { "\"\($0)\"" } ?? directionType))
    }
    LuaStack.newTable(L)
    let table = LuaStack.top(L)
    var identity = [LuaStack.functionSource(L, objective)]
    LuaStack.pushValue(L, objective)
    LuaStack.setField(L, table, "objective")
    var count = 0
    if !LuaStack.isNoneOrNil(L, constraints) {
      guard LuaStack.isTable(L, constraints) else {
        throw BindingError(
          "cap.sweep: constraints must be a list of functions, got \(LuaStack.typeName(L, constraints))")
      }
      while true {
        LuaStack.pushItem(L, constraints, count + 1)
        if LuaStack.isNoneOrNil(L, -1) {
          LuaStack.pop(L)
          break
        }
        guard LuaStack.typeName(L, -1) == "function" else {
          throw BindingError(
            "cap.sweep: constraints[\(count + 1)] must be a function(r) returning true when satisfied, got "
              + LuaStack.typeName(L, -1))
        }
        count += 1
        identity.append(LuaStack.functionSource(L, LuaStack.top(L)))
        LuaStack.setField(L, table, "constraint\(count)")
      }
    }
    LuaStack.remove(L, constraints)
    LuaStack.remove(L, objective)
    return SweepObjective(
      identity: identity.joined(separator: "\n--\n"), minimize: direction == "minimize", constraints: count)
  }

  /// The judge of the sweep object at index 1: calls its objective and
  /// constraints with each candidate's result. A function that raises, or an
  /// objective that returns no finite number, fails that candidate with the
  /// message (and traceback); a stop of the limits (Ctrl-C, timeout) throws,
  /// ending the sweep.
  static func judge(_ L: OpaquePointer?, objective: SweepObjective) -> Sweep.Judge {
    { run in
      let top = LuaStack.top(L)
      defer { LuaStack.pop(L, LuaStack.top(L) - top) }
      LuaStack.pushAssociated(L, table: functionsTable, key: 1)
      let functions = LuaStack.top(L)
      LuaObject.push(L, run, tname: CapModule.resultType)
      let argument = LuaStack.top(L)
      var value: Double?
      var verdicts: [Bool] = []
      for k in 0...objective.constraints {
        LuaStack.pushRawField(L, functions, k == 0 ? "objective" : "constraint\(k)")
        let function = LuaStack.top(L)
        let name = k == 0 ? "objective" : "constraint \(k)"
        switch LuaStack.callProtected(L, function: function, argument: argument) {
        case .stopped(let message):
          throw BindingError(message)
        case .raised(let message):
          return .init(value: value, constraints: verdicts, error: "\(name): \(message)")
        case .returned:
          if k == 0 {
            value = LuaStack.typeName(L, -1) == "number" ? LuaStack.number(L, -1) : nil
            guard let v = value, v.isFinite else {
              let got = value.map { "\($0)" } ?? "a " + LuaStack.typeName(L, -1)
              return .init(
                value: nil, constraints: [],
                error: "objective (\(LuaStack.functionPlace(L, function))) returned \(got), expected a finite number")
            }
          } else {
            verdicts.append(LuaStack.truthy(L, -1))
          }
        }
        LuaStack.pop(L, 2)  // the result, the function
      }
      return .init(value: value, constraints: verdicts, error: nil)
    }
  }
}
