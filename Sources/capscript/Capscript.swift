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
    ])
}

/// Options every run-like subcommand shares.
struct CommonOptions: ParsableArguments {
  // `.unconditional`: `--paths -5` reads -5 (and validate says it must be at least 1), not a missing value.
  @Option(parsing: .unconditional, help: "Monte Carlo paths (overrides the scenario).") var paths: Int?
  @Option(help: "Epochs per path (overrides the scenario).") var epochs: Int?
  @Option(help: "Random seed (overrides the scenario).") var seed: UInt64?
  @Option(help: "Worker threads (default: all cores). Never changes the numbers.") var threads: Int?
  @OptionGroup var configFolder: ConfigFolder
  @Flag(help: "Print nothing but errors and the requested output.") var quiet = false

  func validate() throws {
    if let paths, paths < 1 { throw ValidationError("--paths must be at least 1, got \(paths)") }
    if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1, got \(epochs)") }
    if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
  }

  /// The scenario overrides these options ask for, as `with` fields.
  var overrides: [(key: String, value: ConfigValue)] {
    var out: [(key: String, value: ConfigValue)] = []
    if let paths { out.append(("paths", .number(Double(paths)))) }
    if let epochs { out.append(("epochs", .number(Double(epochs)))) }
    if let seed { out.append(("seed", .number(Double(seed)))) }
    return out
  }

  var runOptions: RunOptions {
    var o = RunOptions()
    if let threads { o.threads = threads }
    return o
  }
}

/// `--config`, the folder of the policy, the evidence and the scenarios.
struct ConfigFolder: ParsableArguments {
  @Option(help: "Config folder.") var config: String = "config"

  /// The library of that folder.
  func library() throws(ConfigError) -> ConfigLibrary { try ConfigLibrary(directory: config) }
}
