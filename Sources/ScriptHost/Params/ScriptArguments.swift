import SimCore

/// A script's command line split by its declared parameters: `--name=value`
/// and `--name value` (a boolean: `--flag`, `--flag=false`) set parameters,
/// `--help` / `-h` asks for the listing, `--` ends the options, and anything
/// else is positional (the script's `arg`).
public struct ScriptArguments: Sendable, Equatable {
  /// Every declared parameter's value: given, else its default (absent when it has neither).
  public var values: [String: ScriptParameter.Value] = [:]
  /// The arguments that are not options, in order: the script's `arg[1...]`.
  public var positional: [String] = []
  /// `--help` or `-h` came before any `--`.
  public var wantsHelp = false

  /// Splits `arguments` for the script `file` that declares `parameters`.
  /// Throws a usage error for an unknown `--option` (with the declared ones and
  /// the nearest), a missing value, a value of the wrong type or out of range,
  /// or a parameter given twice. A script that declares none (`nil`) gets every
  /// argument unchanged, as `lua FILE args` gives them; only `--help`/`-h`
  /// before any `--` is the host's.
  public static func parse(
    _ arguments: [String], parameters declared: [ScriptParameter]?, file: String
  ) throws(ScriptParameterError) -> ScriptArguments {
    var out = ScriptArguments()
    guard let parameters = declared else {
      out.positional = arguments
      out.wantsHelp = arguments.prefix { $0 != "--" }.contains { $0 == "--help" || $0 == "-h" }
      return out
    }
    var given: Set<String> = []
    var i = 0
    while i < arguments.count {
      let a = arguments[i]
      i += 1
      if a == "--" {
        out.positional += arguments[i...]
        break
      }
      if a == "--help" || a == "-h" {
        out.wantsHelp = true
        continue
      }
      guard a.hasPrefix("--"), a.count > 2 else {
        out.positional.append(a)
        continue
      }
      let body = a.dropFirst(2)
      let name = String(body.prefix { $0 != "=" })
      var text = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
      guard let p = parameter(named: name, in: parameters) else {
        throw unknown(name, parameters: parameters, file: file)
      }
      guard given.insert(p.name).inserted else {
        throw ScriptParameterError(.usage, "\(file): --\(p.name) is given twice")
      }
      if text == nil, p.kind == .boolean { text = "true" }
      if text == nil {
        guard i < arguments.count else {
          throw ScriptParameterError(.usage, "\(file): --\(p.name) needs a value (\(p.usage))")
        }
        text = arguments[i]
        i += 1
      }
      out.values[p.name] = try value(text ?? "", for: p, file: file)
    }
    for p in parameters where out.values[p.name] == nil {
      out.values[p.name] = p.defaultValue
    }
    return out
  }

  /// The parameter an option names: `--max-loss` also finds `max_loss`.
  static func parameter(named name: String, in parameters: [ScriptParameter]) -> ScriptParameter? {
    let underscored = String(name.map { $0 == "-" ? "_" : $0 })
    return parameters.first { $0.name == name } ?? parameters.first { $0.name == underscored }
  }

  static func unknown(_ name: String, parameters: [ScriptParameter], file: String) -> ScriptParameterError {
    var message = "\(file): unknown option --\(name)"
    if let near = ConfigReader.nearest(to: name, in: parameters.map(\.name)) { message += " (did you mean --\(near)?)" }
    message += "; its params are " + parameters.map { "--\($0.name)" }.joined(separator: ", ")
    message += "; other arguments take no leading --, or come after a lone --"
    return ScriptParameterError(.usage, message)
  }

  /// `text` read as the type of `p`, within its range.
  static func value(_ text: String, for p: ScriptParameter, file: String) throws(ScriptParameterError)
    -> ScriptParameter.Value
  {
    let option = "\(file): --\(p.name)"
    switch p.kind {
    case .string:
      return .string(text)
    case .boolean:
      switch text.lowercased() {
      case "true", "yes", "1", "on": return .boolean(true)
      case "false", "no", "0", "off": return .boolean(false)
      default: throw ScriptParameterError(.usage, "\(option): expected true or false, got \"\(text)\"")
      }
    case .number, .integer:
      guard let x = Double(text), x.isFinite else {
        throw ScriptParameterError(
          .usage, "\(option): expected \(p.kind == .integer ? "an integer" : "a number"), got \"\(text)\"")
      }
      if p.kind == .integer, x != x.rounded() || abs(x) >= 9e15 {
        throw ScriptParameterError(
          .usage, "\(option): \(ConfigReader.numberText(x)) is not an integer; it must be a whole number")
      }
      if let range = p.range, !range.contains(x) {
        throw ScriptParameterError(
          .usage, "\(option): " + ConfigReader.outOfRangeText(x, range))
      }
      return p.kind == .integer ? .integer(Int(x)) : .number(x)
    }
  }
}
