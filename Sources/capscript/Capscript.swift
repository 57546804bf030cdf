import ArgumentParser
import CapscriptIO
import Foundation
import ScriptHost
import SimCore

/// The `capscript` command: subcommands nested in extensions, one per file.
struct Capscript: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "capscript",
    abstract: "Capital-efficiency risk simulation with a Lua scripting host.",
    discussion: """
      Run a script like `lua`:  capscript [--sandbox --timeout S --max-memory N --out DIR --lib DIR] FILE.lua [args...]
      Outputs are evidence for governance; they never authorise leverage by themselves.
      """,
    version: "capscript \(CapModuleInfo.version) (\(Scorecard.modelVersion))",
    subcommands: [
      Run.self, Script.self, Repl.self, Validate.self, Table.self, Gates.self, Export.self, Bench.self, Schema.self,
      ConfigPath.self, Merge.self,
    ])
}

/// Options every run-like subcommand shares.
struct CommonOptions: ParsableArguments {
  // `.unconditional`: `--paths -5` reads -5 (and validate says it must be at least 1), not a missing value.
  // The same for every numeric option, so that a negative value gets a message about its range.
  @Option(parsing: .unconditional, help: "Monte Carlo paths (overrides the scenario).") var paths: Int?
  @Option(parsing: .unconditional, help: "Epochs per path (overrides the scenario).") var epochs: Int?
  @Option(
    parsing: .unconditional, help: "Random seed, 0 ... 2^64-1 (overrides the scenario).",
    transform: CommonOptions.parseSeed)
  var seed: UInt64?
  @Option(parsing: .unconditional, help: "Worker threads (default: all cores). Never changes the numbers.")
  var threads: Int?
  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Set a scenario or policy field for this run: FIELD=VALUE (repeatable).",
      discussion:
        "FIELD as in s:with{...}: leverage, capitalEfficiency.allocation, paths, policy.externalLiquidityFloor, ...; VALUE is JSON (2, true, \"text\", [1, 2]) or a bare word taken as text.",
      valueName: "field=value"))
  var settings: [String] = []
  @Option(
    parsing: .unconditional,
    help:
      "Confidence level of every interval and gate verdict, two-sided (overrides the policy's gateConfidence, e.g. 0.99)."
  )
  var confidence: Double?
  @OptionGroup var configFolder: ConfigFolder
  @Flag(help: "Print nothing but errors and the requested output.") var quiet = false

  func validate() throws {
    if let paths, paths < 1 { throw ValidationError("--paths must be at least 1, got \(paths)") }
    if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1, got \(epochs)") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    _ = try settingOverrides()
    let range = ConfigLibrary.gateConfidenceRange
    if let confidence, !range.contains(confidence) {
      throw ValidationError(
        "--confidence must be between \(JSONText.number(range.lowerBound)) and \(JSONText.number(range.upperBound)) (the policy's gateConfidence range), got \(JSONText.number(confidence))"
      )
    }
  }

  /// Reads `--seed`: a whole number from 0 to 2^64-1; anything else (a
  /// negative or fractional seed, a word) says so instead of "invalid value".
  static func parseSeed(_ text: String) throws -> UInt64 {
    guard let seed = UInt64(text) else {
      throw ValidationError("seeds are whole numbers from 0 to 2^64-1 (\(UInt64.max))")
    }
    return seed
  }

  /// The config library, with the policy's `gateConfidence` overridden by
  /// `--confidence`, so that every scenario it loads (runs, sweeps, validate,
  /// table, export and the alert rules) uses that level.
  func library() throws(ConfigError) -> ConfigLibrary {
    let library = try configFolder.library()
    guard let confidence else { return library }
    return try library.settingGateConfidence(confidence, origin: "--confidence")
  }

  /// The scenario overrides these options ask for, as `with` fields.
  var overrides: [(key: String, value: ConfigValue)] {
    var out: [(key: String, value: ConfigValue)] = []
    if let paths { out.append(("paths", .number(Double(paths)))) }
    if let epochs { out.append(("epochs", .number(Double(epochs)))) }
    if let seed { out.append(("seed", .number(Double(seed)))) }
    // `settingOverrides` was checked by `validate`.
    return out + ((try? settingOverrides()) ?? [])
  }

  /// The `--set FIELD=VALUE` overrides, in order: VALUE as JSON, or a bare word as text.
  func settingOverrides() throws -> [(key: String, value: ConfigValue)] {
    try settings.map { text in
      guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
        throw ValidationError("--set expects FIELD=VALUE (e.g. --set leverage=2), got \"\(text)\"")
      }
      let key = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
      let raw = String(text[text.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
      guard !raw.isEmpty else { throw ValidationError("--set \(key)= has no value") }
      let value = (try? JSONText.parse(raw, file: "--set")) ?? .string(raw)
      return (key, value)
    }
  }

  var runOptions: RunOptions {
    var o = RunOptions()
    if let threads { o.threads = threads }
    return o
  }
}
