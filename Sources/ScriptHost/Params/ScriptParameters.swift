import Foundation
public import LuaHost
import SimCore

/// The parameters a script declares, read before it runs: a global table at
/// the start of a line, sysbench-style,
///
///     params = {
///       leverage = { "target leverage", 2.0, min = 1, max = 4 },
///       paths = { "Monte Carlo paths", 4000 },
///     }
///
/// The host finds the first line that starts with `params = {`, takes the
/// table constructor that begins there (as Lua parses it) and evaluates it
/// alone, in an empty environment (only `math`), in a sandboxed state with a
/// timeout: the script itself never runs for this, so `--help` works even for
/// a script that checks its own arguments, and no simulation or write happens.
/// The constructor must therefore hold constants (numbers, strings, booleans,
/// `math.huge`). Each entry is `{description, default}` (or `description =`,
/// `default =`), with optional `min`, `max` and `type` (`number`, `integer`,
/// `boolean`, `string`; by default the type of the default: `2.0` a number,
/// `4000` an integer).
public enum ScriptParameters {
  /// The declaration of the script at `path`: its parameters sorted by name,
  /// nil when the script declares none (or cannot be read: running it will say so).
  public static func declaration(of path: String) throws(ScriptParameterError) -> [ScriptParameter]? {
    guard let source = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
    let tree: ConfigValue
    do {
      let context = HostContext(threads: 1)
      context.limits = ScriptLimits(maxMemory: 64 << 20, timeout: 5, sandbox: true)
      let state = try LuaState(context: context, libraryPaths: [])
      tree = try state.evaluate(declarationSource, name: "=capscript.params", arguments: [source, path])
    } catch {
      // The message names file:line; the host chunk's traceback would only show the host's lines.
      let message = "\(error)".components(separatedBy: "\nstack traceback:")[0]
      throw ScriptParameterError(.declaration, message)
    }
    guard tree != .null else { return nil }
    // An empty declaration, `params = {}`, comes back as an empty object.
    guard case .array(let items)? = tree["params"] else { return [] }
    return items.compactMap(parameter)
  }

  /// A parameter from one item the declaration chunk returns (already checked there).
  static func parameter(_ item: ConfigValue) -> ScriptParameter? {
    guard case .string(let name)? = item["name"], case .string(let kindName)? = item["kind"],
      let kind = ScriptParameter.Kind(rawValue: kindName)
    else { return nil }
    var description = ""
    if case .string(let d)? = item["description"] { description = d }
    var value: ScriptParameter.Value?
    switch (kind, item["default"]) {
    case (.number, .number(let x)?): value = .number(x)
    case (.integer, .number(let x)?): value = .integer(Int(x))
    case (.boolean, .bool(let b)?): value = .boolean(b)
    case (.string, .string(let s)?): value = .string(s)
    default: value = nil
    }
    var minimum: Double?
    var maximum: Double?
    if case .number(let x)? = item["min"] { minimum = x }
    if case .number(let x)? = item["max"] { maximum = x }
    return ScriptParameter(
      name: name, description: description, kind: kind, defaultValue: value, minimum: minimum, maximum: maximum)
  }

  /// What `capscript FILE.lua --help` prints: the usage and each declared
  /// parameter with its type, default and range, or a line saying it declares none.
  public static func help(for path: String, parameters: [ScriptParameter]?) -> String {
    let usage = "usage: capscript [host options] \(path) [--name=value ...] [args...]"
    guard let parameters, !parameters.isEmpty else {
      return usage
        + "\n\(path) declares no params (a line starting `params = { name = {\"description\", default}, ... }`)"
    }
    let width = parameters.map(\.usage.count).max() ?? 0
    let lines = parameters.map { p in
      var notes: [String] = []
      if let d = p.defaultValue { notes.append("default: \(d.text)") }
      if let r = p.range { notes.append(ConfigReader.rangeText(r)) }
      let padded = p.usage.padding(toLength: width, withPad: " ", startingAt: 0)
      let tail = notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))"
      return "  \(padded)  \(p.description)\(tail)"
    }
    return usage + "\nparameters of \(path) (--name=value or --name value; a boolean: --name or --name=false):\n"
      + lines.joined(separator: "\n")
  }
}

extension LuaState {
  /// Makes `values` the script's `params`: the script's own `params = {...}`
  /// statement assigns the parsed values instead of the declaration, and
  /// reading an undeclared `params.x` raises.
  public func installParameters(
    _ values: [String: ScriptParameter.Value], declared: [ScriptParameter]
  ) throws(ScriptError) {
    try runHostChunk(ScriptParameters.installSource, name: "=capscript.params", registryKey: "capscript.params") {
      L in
      self.pushChunkEnvironment()
      LuaStack.newTable(L, fields: values.count)
      for (name, value) in values.sorted(by: { $0.key < $1.key }) {
        switch value {
        case .number(let x): LuaStack.push(L, float: x)
        case .integer(let n): LuaStack.push(L, integer: n)
        case .boolean(let b): LuaStack.push(L, bool: b)
        case .string(let s): LuaStack.push(L, string: s)
        }
        LuaStack.setField(L, -2, name)
      }
      LuaStack.push(L, string: declared.map(\.name).joined(separator: ","))
      return 3
    }
  }
}
