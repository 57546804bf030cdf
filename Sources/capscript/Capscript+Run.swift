import ArgumentParser
import Foundation
import ScriptHost
import SimCore

extension Capscript {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a named scenario (config/scenarios/NAME.json, or a .json path) and print its scorecard.",
      discussion: """
        A scenario with a `sweep` block runs as an optimizer sweep with --optimizer (or by
        default when it says "mode": "optimizer"). Sweeps journal each finished candidate to
        OUT/sweeps/NAME.jsonl and .csv; --resume continues a stopped sweep.
        """)

    @Argument(help: "Scenario name or path.") var scenario: String
    @OptionGroup var common: CommonOptions
    @Option(help: "Output format: table, json, csv or markdown.") var format: OutputFormat = .table
    @Option(help: "Folder for outputs: the scorecard as SCENARIO.json, sweep journals under sweeps/.")
    var out: String?
    @Flag(help: "Run the scenario's sweep block as an optimizer sweep.") var optimizer = false
    @Flag(help: "Continue a stopped sweep from its journal.") var resume = false

    func run() throws {
      do {
        let library = try ConfigLibrary(directory: common.config)
        var s = try library.scenario(scenario)
        if !common.overrides.isEmpty { s = try s.with(common.overrides, origin: "command line") }
        if optimizer || s.optimizerByDefault {
          try runSweep(s, library: library)
          return
        }
        let progress = ProgressBar(label: s.name)
        var options = common.runOptions
        options.progress = progress.callback
        let result = try Runner.run(s, options: options)
        progress.finish()
        print(format.resultFormat.render(result), terminator: "")
        if let out {
          try OutputFile.write(ResultFormat.json.render(result), to: "\(out)/\(s.name).json")
        }
        if !common.quiet {
          let rate = Double(s.paths * s.epochs) / max(result.elapsedSeconds, 1e-9)
          note(
            "seed \(s.seed), \(s.paths) paths × \(s.epochs) epochs on \(result.threads) thread(s) in \(formatFixed(result.elapsedSeconds, digits: 3)) s (\(formatFixed(rate / 1e6, digits: 1)) M path-epochs/s)")
        }
      } catch {
        throw Failure.exit(error)
      }
    }

    func runSweep(_ s: Scenario, library: ConfigLibrary) throws {
      guard let spec = s.sweep else {
        throw ConfigError(.missingField, file: s.file, field: "sweep", "is required to run in optimizer mode")
      }
      let sweep = try Sweep(base: s, spec: spec, evidence: library.evidence())
      let dir = (out ?? "out") + "/sweeps"
      let (journal, done) = try SweepJournal.open(directory: dir, name: s.name, sweep: sweep, resume: resume)
      if !common.quiet && !done.isEmpty { note("resuming: \(done.count) candidate result(s) read from \(journal.jsonlPath)") }
      let total = sweep.rounds.count == 1 ? sweep.candidates.count : nil
      var finished = done.count
      let progress = ProgressBar(label: "sweep \(s.name)")
      let result = try sweep.run(options: common.runOptions, done: done) { summary in
        try journal.append(summary)
        finished += 1
        progress.callback(finished, total ?? finished)
      }
      progress.finish()
      switch format {
      case .json: print(SweepOutput.json(result), terminator: "")
      case .csv: print(SweepOutput.csv(result), terminator: "")
      case .table, .markdown: print(result.table())
      }
      if !common.quiet { note("candidates journaled to \(journal.jsonlPath) and \(journal.csvPath)") }
    }

    func note(_ text: String) {
      FileHandle.standardError.write(Data("capscript: \(text)\n".utf8))
    }
  }
}
