import ArgumentParser
import CapscriptIO
import Foundation
import LuaHost
import ScriptHost
import SimCore

extension Capscript {
  /// `capscript [host options] FILE.lua [args...]` is rewritten to
  /// `capscript script [host options] FILE.lua [args...]` (main.swift).
  struct Script: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a Lua script with the cap module loaded (also: capscript [options] FILE.lua [args...]).",
      discussion: """
        Host options go before the file; everything after it is the script's (its `arg` table).
        A script that declares `params = {...}` (at the start of a line) gets `--name=value` and
        `--name value` parsed and checked by the host into `params.name`; other arguments stay in `arg`.
        `capscript FILE.lua --help` lists the declared params without running the script.
        """)

    @OptionGroup var host: HostOptions
    @Argument(help: "The script.") var file: String
    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script (its `arg` table).")
    var arguments: [String] = []

    func run() throws {
      let declared: [ScriptParameter]?
      let parsed: ScriptArguments
      do {
        declared = try ScriptParameters.declaration(of: file)
        parsed = try ScriptArguments.parse(arguments, parameters: declared, file: file)
      } catch {
        Capscript.note(error.message)
        throw ExitCode(error.isUsage ? 64 : 1)
      }
      if parsed.wantsHelp {
        print(ScriptParameters.help(for: file, parameters: declared))
        return
      }
      let context = host.makeContext()
      context.limits.exitWhenStuck = true
      let state = try LuaState(context: context, libraryPaths: host.libraryPaths)
      // Without a declaration every argument is the script's, as `lua FILE args` gives them.
      if let declared { try state.installParameters(parsed.values, declared: declared) }
      try state.runFile(file, arguments: parsed.positional)
    }
  }
}
