import ArgumentParser
import Foundation
import ScriptHost
import SimCore

extension Capscript {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a named scenario (config/scenarios/NAME.json, or a .json path) and print its scorecard.")

    @Argument(help: "Scenario name or path.") var scenario: String
    @OptionGroup var common: CommonOptions
    @Option(help: "Output format: table, json, csv or markdown.") var format: OutputFormat = .table
    @Option(help: "Also write the scorecard to this folder as SCENARIO.json.") var out: String?

    func run() throws {
      do {
        let library = try ConfigLibrary(directory: common.config)
        var s = try library.scenario(scenario)
        if !common.overrides.isEmpty { s = try s.with(common.overrides, origin: "command line") }
        let result = try Runner.run(s, options: common.runOptions)
        print(format.resultFormat.render(result), terminator: "")
        if let out {
          try OutputFile.write(ResultFormat.json.render(result), to: "\(out)/\(s.name).json")
        }
        if !common.quiet {
          let rate = Double(s.paths * s.epochs) / max(result.elapsedSeconds, 1e-9)
          let note = "capscript: seed \(s.seed), \(s.paths) paths × \(s.epochs) epochs on \(result.threads) thread(s) in \(formatFixed(result.elapsedSeconds, digits: 3)) s (\(formatFixed(rate / 1e6, digits: 1)) M path-epochs/s)\n"
          FileHandle.standardError.write(Data(note.utf8))
        }
      } catch {
        throw Failure.exit(error)
      }
    }
  }
}
