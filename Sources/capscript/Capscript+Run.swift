import ArgumentParser
import CapscriptIO
import Foundation
import LuaHost
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
    @Option(help: "Output format: table, json, csv or markdown.") var format: ResultFormat = .table
    @Option(help: "Folder for outputs: the scorecard as SCENARIO.json, sweep journals under sweeps/.")
    var out: String?
    @Flag(help: "Run the scenario's sweep block as an optimizer sweep.") var optimizer = false
    @Flag(help: "Continue a stopped sweep from its journal.") var resume = false
    @Option(help: "Write a self-contained HTML report (charts and provenance) to this .html file.")
    var report: String?
    @Flag(help: "With --format csv or json: print the per-path arrays, one row per path, instead of the scorecard.")
    var perPath = false
    @Option(
      parsing: .unconditional,
      help: "Keep the per-epoch state of the first N paths; written to OUT/SCENARIO.trace.csv and .trace.json.")
    var trace: Int?
    @Option(
      help: ArgumentHelp(
        "Run until targets hold: FIELD:rse<X, FIELD:halfwidth<X or gates, joined by \",\".",
        discussion:
          "Paths are added in fixed blocks in path order (the scenario's paths are ignored), up to --max-paths; the result says whether each target was met."
      ))
    var until: String?
    @Option(parsing: .unconditional, help: "The path budget of --until (default 1000000).") var maxPaths: Int?
    @Option(
      help:
        "Refuse a run whose arrays would need more memory (bytes; suffixes K, M, G, e.g. 4G). Default: half the physical memory."
    )
    var maxMemory: String?
    @Option(
      help: ArgumentHelp(
        "Importance sampling for rare events: auto, or asset=SHIFT,from=EPOCH,to=EPOCH[,volatility=SHIFT].",
        discussion:
          "auto picks the tilt by cross-entropy pilot rounds aimed at --importance-target; every scorecard field is then a weighted estimate, with diagnostics (docs/IMPORTANCE.md). With --optimizer, one tilt found on the base scenario serves every candidate."
      ))
    var importance: String?
    @Option(help: "The rare event --importance aims at: \(ImportanceTarget.forms).")
    var importanceTarget: String?
    @Option(help: "Run slice K of N of the paths into a shard file under --out (capscript merge joins them).")
    var shard: String?

    func validate() throws {
      if let report, !(report.hasSuffix(".html") || report.hasSuffix(".htm")) {
        throw ValidationError("--report writes HTML: give a file ending in .html, got \"\(report)\"")
      }
      if perPath && format != .csv && format != .json {
        throw ValidationError("--per-path needs --format csv or --format json")
      }
      if let maxMemory, ScriptLimits.parseBytes(maxMemory) == nil {
        throw ValidationError("--max-memory expects a byte count like 67108864, 512K, 64M or 2G, got \"\(maxMemory)\"")
      }
      if maxPaths != nil && until == nil {
        throw ValidationError("--max-paths is the budget of --until; give --until too")
      }
      if let trace {
        guard (1...Self.maxTracePaths).contains(trace) else {
          throw ValidationError(
            "--trace \(trace) is outside the allowed range [1, \(Self.maxTracePaths)] (paths traced)")
        }
        guard out != nil else { throw ValidationError("--trace writes its files under --out DIR; give --out too") }
      }
      _ = try precision()
      _ = try importanceSpec()
      _ = try shardSlice()
    }

    /// The importance sampling `--importance` asks for, nil without it.
    func importanceSpec() throws -> ImportanceSpec? {
      guard let importance else {
        if importanceTarget != nil { throw ValidationError("--importance-target needs --importance") }
        return nil
      }
      let name = importanceTarget ?? "liquidation"
      guard let target = ImportanceTarget.parse(name) else {
        throw ValidationError("--importance-target expects \(ImportanceTarget.forms), got \"\(name)\"")
      }
      do {
        return try ImportanceSpec.parse(importance, target: target, origin: "--importance")
      } catch {
        throw ValidationError("\(error)")
      }
    }

    /// The most paths `--trace` keeps (each costs epochs × 9 doubles).
    static let maxTracePaths = 10_000

    func run() throws {
      // Before any work: a folder that cannot be made fails now, not after the scorecard.
      if let out { try OutputFolder.check(out) }
      if let report { try OutputFolder.check(URL(fileURLWithPath: report).deletingLastPathComponent().path) }
      let library = try common.library()
      var s = try library.scenario(scenario)
      if !common.overrides.isEmpty { s = try s.with(common.overrides, origin: "command line") }
      if let slice = try shardSlice(), let out {
        try runShard(s, slice: slice, folder: out, library: library)
        return
      }
      if optimizer || s.optimizerByDefault {
        if until != nil {
          throw ValidationError("--until applies to a plain run; a sweep runs its candidates at fixed paths")
        }
        if perPath || trace != nil {
          throw ValidationError(
            "--per-path and --trace apply to a plain run; a sweep saves its candidates (--format csv)")
        }
        try runSweep(s, library: library)
        return
      }
      if (perPath || trace != nil) && s.capital == nil {
        throw ValidationError(
          "\(perPath ? "--per-path" : "--trace"): \(s.name) is routing-only and has no per-path capital arrays")
      }
      let progress = ProgressBar(label: s.name)
      defer { progress.finish() }  // a failed run clears the line too
      var options = progress.attach(to: runOptions)
      // Terminal charts only when stdout is a terminal; piped output stays plain.
      let charts = format == .table && TerminalChart.stdoutIsTerminal
      if report != nil || charts { options.bandPaths = HTMLReport.bandPathLimit }  // at most the paths run
      if let trace { options.tracePaths = PathTrace.first(trace, of: until == nil ? s.paths : Int.max) }
      let result: RunResult
      if let spec = try importanceSpec() {
        do {
          try spec.validate(for: s, origin: "--importance")
        } catch {
          throw ValidationError("\(error)")
        }
        result = try Runner.run(s, importance: spec, precision: try precision(), options: options) { report, card in
          progress.setStatus(report.progressText(card))
        }
      } else if let precision = try precision() {
        result = try Runner.run(s, precision: precision, options: options) { report, card in
          progress.setStatus(report.progressText(card))
        }
      } else {
        result = try Runner.run(s, options: options)
      }
      progress.finish()  // before the scorecard
      if perPath {
        print(format == .csv ? PathTable.csv(result) : PathTable.json(result), terminator: "")
      } else {
        print(format.render(result), terminator: "")
      }
      if charts, case let chart = TerminalChart.run(result), !chart.isEmpty { print(chart) }
      if let out {
        try OutputFile.write(ResultFormat.json.render(result), to: "\(out)/\(s.name).json")
        if let traced = result.trace {
          try OutputFile.write(TraceTable.csv(result, traced), to: "\(out)/\(s.name).trace.csv")
          try OutputFile.write(TraceTable.json(traced), to: "\(out)/\(s.name).trace.json")
        }
      }
      if let report {
        try OutputFile.write(HTMLReport(run: result).html, to: report)
        if !common.quiet { Capscript.note("report written to \(report)") }
      }
      if !common.quiet {
        let ran = result.scenario
        let rate = Double(ran.paths * ran.epochs) / max(result.elapsedSeconds, 1e-9)
        Capscript.note(
          "seed \(ran.seed), \(ran.paths) paths × \(ran.epochs) epochs on \(result.threads) thread(s) in \(formatFixed(result.elapsedSeconds, digits: 3)) s (\(formatFixed(rate / 1e6, digits: 1)) M path-epochs/s)"
        )
      }
    }

    /// The common run options, with `--max-memory` as the memory budget of each run (`RunBudget`).
    var runOptions: RunOptions {
      var options = common.runOptions
      if let bytes = maxMemory.flatMap(ScriptLimits.parseBytes) { options.memoryBudget = bytes }
      return options
    }

    /// The precision run `--until` and `--max-paths` ask for, nil without `--until`.
    func precision() throws -> PrecisionSpec? {
      guard let until else { return nil }
      do {
        let spec = PrecisionSpec(
          targets: try PrecisionTarget.parseList(until, origin: "--until"),
          maxPaths: maxPaths ?? PrecisionSpec.defaultMaxPaths)
        try spec.validate(origin: "--max-paths")
        return spec
      } catch {
        throw ValidationError("\(error)")
      }
    }

    /// Puts `sweep` under `--importance`, if given: one tilt, found on the base
    /// scenario, for every candidate (docs/IMPORTANCE.md, "Optimizer sweeps").
    func sampleWithImportance(_ sweep: inout Sweep) throws {
      guard let importance = try importanceSpec() else { return }
      do {
        try sweep.sample(importance: importance, options: runOptions)
      } catch let error as ConfigError {
        throw ValidationError("\(error)")
      }
    }

    func runSweep(_ s: Scenario, library: ConfigLibrary) throws {
      guard let spec = s.sweep else {
        throw ConfigError(.missingField, file: s.file, field: "sweep", "is required to run in optimizer mode")
      }
      var sweep = try Sweep(base: s, spec: spec, evidence: library.evidence())
      try sampleWithImportance(&sweep)
      let dir = (out ?? "out") + "/sweeps"
      var (journal, done) = try SweepJournal.open(directory: dir, name: s.name, sweep: sweep, resume: resume)
      // A resumed sweep takes the results of its candidate shards (--shard) first.
      if resume { done = try SweepShards.absorb(into: journal, done: done, directory: dir, name: s.name, sweep: sweep) }
      if journal.skipped > 0 {
        // Said even with --quiet: the journal held results this sweep did not take.
        Capscript.note(
          "resuming: skipped \(journal.skipped) line(s) of \(journal.jsonlPath) written by another sweep "
            + "(another scenario, paths, seed or design); they are not used")
      }
      if !common.quiet && !done.isEmpty {
        Capscript.note("resuming: \(done.count) candidate result(s) read from \(journal.jsonlPath)")
      }
      // One bar per round, over the round's paths; the status says the round and the candidate.
      let progress = ProgressBar(label: "sweep \(s.name)")
      defer { progress.finish() }
      let result = try sweep.run(
        options: progress.attach(to: runOptions), done: done, store: journal.store,
        finished: { try journal.append($0) }, starting: progress.show)
      progress.finish()
      switch format {
      case .json: print(SweepOutput.json(result), terminator: "")
      case .csv: print(SweepOutput.csv(result), terminator: "")
      case .table, .markdown: print(result.table())
      }
      if !common.quiet { Capscript.note("candidates journaled to \(journal.jsonlPath) and \(journal.csvPath)") }
      if let report {
        let detail = try HTMLReport.detailRun(result, options: runOptions)
        let cap = try library.evidence().deployableLeverageCap(s.policy)
        try OutputFile.write(HTMLReport(sweep: result, leverageCap: cap, detail: detail).html, to: report)
        if !common.quiet { Capscript.note("report written to \(report)") }
      }
    }
  }
}
