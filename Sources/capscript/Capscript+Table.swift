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
    @Option(help: "Output format: markdown, or csv (one row per scenario, with the interval columns).")
    var format: ResultFormat = .markdown

    func validate() throws {
      guard format == .markdown || format == .csv else {
        throw ValidationError("--format: capscript table prints markdown or csv, got \(format.rawValue)")
      }
    }

    func run() throws {
      let suite = try ScenarioSuite(
        library: common.library(), overrides: common.overrides, including: { $0.capital != nil })
      let entries = try suite.run(options: common.runOptions, progress: ProgressBar(label: "table"), label: "table")
      print(
        format == .csv ? ScenarioSuite.summaryCSV(entries) : ScenarioSuite.summaryMarkdown(entries), terminator: "")
    }
  }
}
