import ArgumentParser
import CapscriptIO
import Foundation
import LuaHost
import ScriptHost

/// Options of the Lua host, shared by `capscript FILE.lua` and `capscript repl`.
/// For a script they go before the file: `capscript --sandbox --timeout 5 FILE.lua args...`.
struct HostOptions: ParsableArguments {
  @Option(help: "Cap the Lua heap while a chunk runs (bytes; suffixes K, M, G, e.g. 64M).")
  var maxMemory: String?
  @Option(help: "Stop a chunk (and its native runs) after this many seconds.")
  var timeout: Double?
  @Flag(
    help:
      "Run in an allow-list environment: no os.execute, io.popen, debug, dofile, binary chunks; file writes only under --out."
  )
  var sandbox = false
  @Option(help: "The only folder result:save and other outputs may write to.")
  var out: String?
  @Option(
    name: .customLong("lib"),
    help:
      "A folder of Lua modules for require (repeatable; searched before CAPSCRIPT_PATH, scripts/lib and the shipped library)."
  )
  var libraries: [String] = []
  @OptionGroup var configFolder: ConfigFolder

  /// The options that take a value, for telling host options from a script's
  /// file in `capscript [options] FILE.lua [args...]`.
  static let valueOptions: Set<String> = [
    "--max-memory", "--timeout", "--out", "--lib", "--config",
  ]

  func validate() throws {
    if let maxMemory {
      guard let bytes = ScriptLimits.parseBytes(maxMemory) else {
        throw ValidationError(
          "--max-memory expects a byte count like 67108864, 512K, 64M or 2G, got \"\(maxMemory)\"")
      }
      guard bytes >= ScriptLimits.minimumMemory else {
        throw ValidationError(
          "--max-memory must be at least 1M (the libraries alone take a few hundred KB), got \(maxMemory)"
        )
      }
    }
    if let timeout, !(timeout > 0 && timeout.isFinite) {
      throw ValidationError("--timeout must be a positive number of seconds, got \(timeout)")
    }
  }

  var limits: ScriptLimits {
    ScriptLimits(
      maxMemory: maxMemory.flatMap(ScriptLimits.parseBytes), timeout: timeout, sandbox: sandbox)
  }

  /// Where `require` looks: each `--lib`, then `CAPSCRIPT_PATH`, then `scripts/lib`, then the shipped library.
  var libraryPaths: [String] { LibraryPaths.forScripts(extra: libraries) }

  /// A host context with these limits.
  func makeContext(interruptible: Bool = false) -> HostContext {
    let context = HostContext(configSearch: configFolder.search)
    var l = limits
    l.interruptible = interruptible
    context.limits = l
    context.writableRoot = out
    // Progress of long native runs on a terminal only, never in piped output.
    context.showsProgress = ProgressBar.stderrIsTerminal
    return context
  }
}
