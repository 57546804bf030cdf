import ArgumentParser
import CapscriptIO
import Foundation
import ScriptHost
import SimCore

extension Capscript {
  /// Nanoseconds per path-epoch of the native loop, on one thread and on all.
  struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Measure the native parametric loop: ns per path-epoch on 1 thread and on all cores.")

    @Argument(help: "Scenario name or path.") var scenario: String = "crash_40pct_external_asset"
    @Option(help: "Paths per measured run.") var paths: Int = 20_000
    @Option(help: "Measured repetitions (the best is reported).") var repeats: Int = 3
    @Flag(
      help: "Also measure the coupled model, a result field read, cap.policy(), a sweep candidate and start-up.")
    var all = false
    @OptionGroup var configFolder: ConfigFolder

    func run() throws {
      if all { try printFigures() }
      let s = try configFolder.library().scenario(scenario)
        .with([("paths", .number(Double(paths)))], origin: "bench")
      let cores = ProcessInfo.processInfo.activeProcessorCount
      _ = try Runner.run(s.with([("paths", .number(1000))], origin: "bench"), options: RunOptions(threads: 1))
      for threads in Set([1, cores]).sorted() {
        var best = Double.infinity
        for _ in 0..<max(1, repeats) {
          best = min(best, try Runner.run(s, options: RunOptions(threads: threads)).elapsedSeconds)
        }
        let ns = best * 1e9 / Double(s.paths * s.epochs)
        print(
          "swift threads=\(threads) paths=\(s.paths) epochs=\(s.epochs) ns_per_path_epoch=\(formatFixed(ns, digits: 2))"
        )
      }
    }

    /// The `--all` lines, printed before the parametric ones (bench/run.sh reads the last line).
    func printFigures() throws {
      let figures = BenchFigures(library: try configFolder.library(), repeats: repeats)
      let loops = max(1000, paths * 5)
      let call = try figures.lua("f()", loops: loops)
      let field = try figures.lua("local x = r.roi_mean", loops: loops)
      let policy = try figures.lua("local p = cap.policy()", loops: loops)
      let lines = [
        "coupled ns_per_path_epoch=\(formatFixed(try figures.coupled(paths: max(2, paths / 1000)), digits: 2))",
        "lua_call ns=\(formatFixed(call, digits: 2))",
        "result_field ns=\(formatFixed(field, digits: 2)) ratio_to_call=\(formatFixed(field / call, digits: 2))",
        "cap_policy ns=\(formatFixed(policy, digits: 2)) ratio_to_call=\(formatFixed(policy / call, digits: 2))",
        "sweep_candidate ns=\(formatFixed(try figures.sweepCandidate(count: max(4, paths / 500)), digits: 0))",
        "startup ns=\(formatFixed(try figures.startup(), digits: 0))",
      ]
      for line in lines { print(line) }
    }
  }
}
