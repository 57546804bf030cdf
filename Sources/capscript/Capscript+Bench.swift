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
    @OptionGroup var configFolder: ConfigFolder

    func run() throws {
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
  }
}
