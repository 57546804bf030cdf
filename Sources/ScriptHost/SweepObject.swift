import CapscriptIO
import Foundation
import LuaHost
import SimCore

/// Sweeps in Lua: `cap.sweep{base = s, grid = {...}}` -> sweep; `sw:run()` -> ranked result.
enum SweepObject {
  static let tname = "capscript.Sweep"
  static let resultTname = "capscript.SweepResult"

  /// A sweep and where its journal goes (nil: no journal).
  struct Handle {
    let sweep: Sweep
    let journalDirectory: String?
    let resume: Bool
  }

  static func register(_ L: OpaquePointer?) {
    APIObject.register(
      L, CapAPI.sweep,
      gc: { L in LuaObject.collect(L, tname: SweepObject.tname, as: SweepObject.Handle.self) },
      index: { L in Binding.call(L) { try APIObject.index(L, CapAPI.sweep) } },
      tostring: { L in
        Binding.call(L) {
          let h = try SweepObject.handle(L, 1, "tostring")
          LuaStack.push(
            L,
            string:
              "sweep of \(h.sweep.base.name): \(h.sweep.candidates.count) candidates, paths per round \(h.sweep.rounds)"
          )
          return 1
        }
      })
    APIObject.register(
      L, CapAPI.sweepResult,
      gc: { L in LuaObject.collect(L, tname: SweepObject.resultTname, as: SweepResult.self) },
      index: { L in Binding.call(L) { try APIObject.index(L, CapAPI.sweepResult) } },
      tostring: { L in
        Binding.call(L) {
          LuaStack.push(L, string: try SweepObject.result(L, 1, "tostring").table())
          return 1
        }
      })
  }

  static func handle(_ L: OpaquePointer?, _ i: Int32, _ f: String) throws -> Handle {
    guard let h = LuaObject.get(L, i, tname: tname, as: Handle.self) else {
      throw BindingError.argument(Int(i), f, expected: "sweep", L)
    }
    return h
  }

  static func result(_ L: OpaquePointer?, _ i: Int32, _ f: String) throws -> SweepResult {
    guard let r = LuaObject.get(L, i, tname: resultTname, as: SweepResult.self) else {
      throw BindingError.argument(Int(i), f, expected: "sweep result", L)
    }
    return r
  }

  /// cap.sweep{base = scenario, grid|random|latinHypercube = {...}, samples, halving,
  /// initialPaths, seed, journal = "out/sweeps/name", resume = false,
  /// objective = function(r) ... end, direction = "maximize", constraints = {...},
  /// importance = {target = "liquidation", ...}}
  static func make(_ L: OpaquePointer?) throws -> Int32 {
    guard LuaStack.isTable(L, 1) else { throw BindingError.argument(1, "sweep", expected: "table", L) }
    LuaStack.pushRawField(L, 1, "base")
    let baseType = LuaStack.typeName(L, -1)
    let base = LuaObject.get(L, -1, tname: ScenarioObject.tname, as: Scenario.self)
    if base != nil { try ScenarioRules.refuse(L, at: -1, in: "cap.sweep") }
    LuaStack.pop(L)
    guard let base else {
      throw BindingError("cap.sweep: field \"base\" must be a scenario (cap.scenario \"name\"), got \(baseType)")
    }
    let hostFields = objectiveFields.union(["base", "journal", "resume", "importance"])
    let tree = try LuaStack.configValue(L, 1, field: "", skipping: hostFields)
    let spec: SweepSpec
    if tree == .object([:]), let own = base.sweep {
      spec = own
    } else {
      spec = try SweepSpec(tree, file: "cap.sweep", path: [])
    }
    let context = LuaState.context(L)
    var sweep = try Sweep(
      base: base, spec: spec, evidence: context.library().evidence(), cancellation: context.cancellation)
    let functions = LuaStack.top(L) + 1
    sweep.objective = try pushObjective(L)  // its functions (or nil) at `functions`
    if sweep.objective != nil && spec.halving {
      throw BindingError(
        "cap.sweep: halving ranks by the policy score's paired intervals, which a Lua objective has not;"
          + " drop halving (every candidate then runs at the base scenario's paths)")
    }
    if let importance = try importanceSpec(L, base: base) {
      try sweep.sample(importance: importance, options: context.runOptions)
    }
    LuaStack.pushRawField(L, 1, "journal")
    let journal = LuaStack.string(L, -1)
    LuaStack.pop(L)
    LuaStack.pushRawField(L, 1, "resume")
    let resume = LuaStack.truthy(L, -1)
    LuaStack.pop(L)
    LuaObject.push(L, Handle(sweep: sweep, journalDirectory: journal, resume: resume), tname: tname)
    if sweep.objective != nil {
      LuaStack.associate(L, table: functionsTable, key: functions + 1, value: functions)
    }
    LuaStack.remove(L, functions)
    return 1
  }

  /// sw:run() -> sweep result (journaled when the sweep names a journal folder)
  static func run(_ L: OpaquePointer?) throws -> Int32 {
    let h = try handle(L, 1, "run")
    let context = LuaState.context(L)
    let result: SweepResult
    // One bar per round on a terminal; its status says the round and the candidate.
    let bar = context.progressBar(label: "sweep \(h.sweep.base.name)")
    defer { bar?.finish() }
    let options = bar?.attach(to: context.runOptions) ?? context.runOptions
    let starting: (Sweep.Step) -> Void = { bar?.show($0) }
    let judge = h.sweep.objective.map { Self.judge(L, objective: $0) }
    if let given = h.journalDirectory {
      try context.checkWritable(given + "/" + h.sweep.base.name + ".jsonl")
      // The journal's folder, resolved and checked inside --out once; its files are opened without following links.
      let dir = try context.writableFolder(given)
      let (journal, done) = try SweepJournal.open(
        directory: dir, name: h.sweep.base.name, sweep: h.sweep, resume: h.resume)
      if journal.skipped > 0 {
        FileHandle.standardError.write(
          Data(
            ("capscript: resuming: skipped \(journal.skipped) line(s) of \(journal.jsonlPath) written by another "
              + "sweep (another scenario, paths, seed or design); they are not used\n").utf8))
      }
      result = try h.sweep.run(
        options: options, done: done, store: journal.store, finished: { try journal.append($0) }, starting: starting,
        judge: judge)
    } else {
      result = try h.sweep.run(options: options, starting: starting, judge: judge)
    }
    LuaObject.push(L, result, tname: resultTname)
    return 1
  }

  /// The largest `n` of `res:top(n)` (more than any sweep has candidates).
  static let topLimit = Int(Int32.max)

  /// res:top(n) -> ranked table text of the best n (all without n)
  static func top(_ L: OpaquePointer?) throws -> Int32 {
    let r = try result(L, 1, "top")
    let n = try LuaStack.integer(L, 2, in: 1...topLimit, name: "top: n")
    LuaStack.push(L, string: r.table(limit: n))
    return 1
  }

  /// res:best{deployable = true} -> candidate table, or nil when none qualifies
  static func best(_ L: OpaquePointer?) throws -> Int32 {
    let r = try result(L, 1, "best")
    var deployable = false
    if LuaStack.isTable(L, 2) {
      let opts = try ConfigReader(LuaStack.configValue(L, 2, field: ""), file: "best")
      deployable = try opts.bool("deployable", default: false)
      try opts.finish()
    }
    if let c = r.best(deployable: deployable) { LuaStack.push(L, c.luaTree) } else { LuaStack.pushNil(L) }
    return 1
  }

  /// res:save(path): .json (all candidates) or .csv
  static func save(_ L: OpaquePointer?) throws -> Int32 {
    let r = try result(L, 1, "save")
    guard let path = LuaStack.string(L, 2) else { throw BindingError.argument(2, "save", expected: "string", L) }
    let context = LuaState.context(L)
    try context.checkWritable(path)
    try OutputFile.write(try SweepOutput.render(r, path: path), to: context.writeTarget(path))
    return 0
  }
}
