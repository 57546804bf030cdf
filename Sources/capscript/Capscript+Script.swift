import ArgumentParser
import Foundation
import ScriptHost
import SimCore

extension Capscript {
  /// `capscript FILE.lua [args...]` is rewritten to `capscript script FILE.lua [args...]`.
  struct Script: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a Lua script with the cap module loaded (also: capscript FILE.lua [args...]).")

    @Argument(help: "The script.") var file: String
    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script (its `arg` table).")
    var arguments: [String] = []

    func run() throws {
      do {
        let context = HostContext(configDirectory: "config")
        let state = try LuaState(context: context, libraryPaths: LibraryPaths.forScripts())
        try state.runFile(file, arguments: arguments)
      } catch {
        throw Failure.exit(error)
      }
    }
  }
}

/// Where `require` looks for Lua modules: `scripts/lib`, then each folder in
/// `CAPSCRIPT_PATH` (colon-separated).
enum LibraryPaths {
  static func forScripts(extra: [String] = []) -> [String] {
    let env = ProcessInfo.processInfo.environment["CAPSCRIPT_PATH"] ?? ""
    return extra + env.split(separator: ":").map(String.init) + ["scripts/lib"]
  }
}
