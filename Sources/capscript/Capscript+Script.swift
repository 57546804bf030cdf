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
        `capscript FILE.lua --help` lists the parameters the script declares in `params`.
        """)

    @OptionGroup var host: HostOptions
    @Argument(help: "The script.") var file: String
    @Argument(parsing: .captureForPassthrough, help: "Arguments for the script (its `arg` table).")
    var arguments: [String] = []

    func run() throws {
      if arguments == ["--help"] || arguments == ["-h"] {
        print(
          try ScriptParameters.help(
            for: file, configDirectory: host.configFolder.config, libraryPaths: host.libraryPaths))
        return
      }
      let state = try LuaState(context: host.makeContext(), libraryPaths: host.libraryPaths)
      try state.runFile(file, arguments: arguments)
    }
  }
}
