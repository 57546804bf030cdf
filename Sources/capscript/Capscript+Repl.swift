import ArgumentParser
import CapscriptREPL
import Foundation
import LuaHost
import ScriptHost

extension Capscript {
  /// `capscript repl`: interactive Lua with the cap module.
  struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Interactive Lua with the cap module: history, Tab completion, Ctrl-C cancels a run.",
      discussion: """
        An expression prints its value; an incomplete chunk continues on the next line (  >> ).
        History is kept in $CAPSCRIPT_HISTORY or ~/.capscript_history. Ctrl-D exits.
        When stdin is not a terminal, lines are read from it without prompts.
        """)

    @OptionGroup var host: HostOptions
    @Option(help: "History file (default: $CAPSCRIPT_HISTORY, else ~/.capscript_history).")
    var history: String?

    func run() throws {
      let state = try LuaState(
        context: host.makeContext(interruptible: true), libraryPaths: host.libraryPaths)
      try CapscriptREPL.Repl.run(
        state: state, historyPath: history ?? CapscriptREPL.Repl.defaultHistoryPath)
    }
  }
}
