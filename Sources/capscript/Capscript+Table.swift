import ArgumentParser
import CapscriptIO
import Foundation
import ScriptHost
import SimCore

extension Capscript {
  /// The "latest local run" Markdown table of every capital scenario.
  struct Table: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Print the \"latest local run\" Markdown table of every capital scenario, regenerated from the current configs."
    )

    @OptionGroup var common: CommonOptions

    func run() throws {
      let suite = try ScenarioSuite(
        library: common.configFolder.library(), overrides: common.overrides, including: { $0.capital != nil })
      print(ScenarioSuite.summaryMarkdown(try suite.run(options: common.runOptions)), terminator: "")
    }
  }
}
