public import LuaHost

/// The `params` convention: a script declares its parameters in a global
/// table, `params = { name = {"description", default}, ... }`, and
/// `capscript FILE.lua --help` lists them.
///
/// To find the table, the script runs in the sandbox with a timeout, with
/// `CAPSCRIPT_HELP = true`, with `print` and `io` silenced, and with `cap.run`
/// and `cap.sweep` replaced by a stop: the usual script, which declares its
/// params before it runs anything, is stopped at its first run, and no
/// simulation or file write happens. A script can also return early when it
/// sees `CAPSCRIPT_HELP`.
public enum ScriptParameters {
  static let stopMarker = "capscript: parameters collected"

  /// The parameter listing of the script at `path`, or a line saying it declares none.
  public static func help(
    for path: String, configDirectory: String, libraryPaths: [String]
  ) throws(ScriptError) -> String {
    let context = HostContext(configDirectory: configDirectory, threads: 1)
    context.limits = ScriptLimits(maxMemory: 256 << 20, timeout: 10, sandbox: true)
    let state = try LuaState(context: context, libraryPaths: libraryPaths)
    try state.prepareParameterListing()
    do {
      try state.runFile(path, arguments: ["--help"])
    } catch  where error.message.contains(stopMarker) {
      // the script reached its first run: its params are declared
    }
    let listing = try state.run(listingSource, name: "=capscript.params").first ?? "nil"
    let usage =
      "usage: capscript [--sandbox] [--timeout S] [--max-memory N] [--out DIR] [--lib DIR] \(path) [args...]"
    guard listing != "nil" else {
      return usage + "\n\(path) declares no params (params = { name = {\"description\", default} })"
    }
    return usage + "\nparameters of \(path):\n" + listing
  }

  /// The Lua that silences the script and stops it at its first run.
  static let prepareSource = """
    local env, marker = ...
    env.CAPSCRIPT_HELP = true
    env.print = function() end
    env.io = { write = function() return env.io end, read = function() return nil end }
    local stop = function() error(marker, 0) end
    local cap = setmetatable({ run = stop, sweep = stop, report = stop }, { __index = env.cap })
    env.cap = cap
    env.package.loaded.capscript = cap
    """

  /// The Lua that formats the declared `params` (run in the script's environment).
  static let listingSource = """
    if params == nil then return nil end
    if type(params) ~= "table" then
      error("params must be a table of name = {description, default}, got a " .. type(params), 0)
    end
    local names, width = {}, 0
    for k in pairs(params) do
      names[#names + 1] = tostring(k)
      width = math.max(width, #tostring(k))
    end
    table.sort(names)
    local lines = {}
    for _, name in ipairs(names) do
      local spec = params[name]
      local desc, default = spec, nil
      if type(spec) == "table" then
        desc = spec[1] or spec.description or spec.desc or ""
        default = spec[2]
        if default == nil then default = spec.default end
      end
      local d = ""
      if default ~= nil then
        d = " (default: " .. (type(default) == "string" and string.format("%q", default) or tostring(default)) .. ")"
      end
      lines[#lines + 1] = string.format("  %-" .. width .. "s  %s%s", name, tostring(desc), d)
    end
    return table.concat(lines, "\\n")
    """
}

extension LuaState {
  /// Runs `ScriptParameters.prepareSource` over the chunk environment.
  func prepareParameterListing() throws(ScriptError) {
    try runHostChunk(
      ScriptParameters.prepareSource, name: "=capscript.params", environmentAnd: ScriptParameters.stopMarker)
  }
}
