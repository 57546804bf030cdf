import CapscriptIO
import LuaHost
import SimCore

extension ResultObject {
  /// result:save(path, {trace = true}): the traced paths in long format, one
  /// row per path-epoch (`TraceTable`), as .csv or .json records.
  static func saveTrace(_ r: RunResult, path: String, format: ResultFormat, context: HostContext) throws -> Int32 {
    guard let trace = r.trace else {
      throw BindingError("\(r.scenario.name): this run kept no trace; run it with cap.run(s, {trace = 10})")
    }
    switch format {
    case .csv: try OutputFile.write(TraceTable.csv(r, trace), to: context.writeTarget(path))
    case .json: try OutputFile.write(TraceTable.json(trace), to: context.writeTarget(path))
    case .table, .markdown: throw BindingError("a trace is saved as .csv or .json, not \"\(path)\"")
    }
    return 0
  }

  /// result:trace(path) -> {T = {...}, ltv = {...}, ...}: one array per
  /// `PathTrace.fields` entry, element t + 1 the state after epoch t, for a
  /// traced path (0-based, as the `path` column); nil for a path not traced.
  static func trace(_ L: OpaquePointer?) throws -> Int32 {
    let r = try get(L, 1, "trace")
    guard let path = LuaStack.number(L, 2), path == path.rounded(), abs(path) < 1e15 else {
      throw BindingError.argument(2, "trace", expected: "path index", L)
    }
    guard let trace = r.trace, let row = trace.paths.firstIndex(of: Int(path)) else {
      LuaStack.pushNil(L)
      return 1
    }
    var fields: [String: ConfigValue] = [:]
    for (f, name) in PathTrace.fields.enumerated() {
      fields[name] = .array((0..<trace.epochs).map { .number(trace.value(row: row, epoch: $0, field: f)) })
    }
    LuaStack.push(L, .object(fields))
    return 1
  }
}
