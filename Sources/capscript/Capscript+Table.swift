import ArgumentParser
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
      do {
        let library = try ConfigLibrary(directory: common.config)
        var rows: [[String]] = [["scenario", "ROI mean", "liquidation probability", "p95 drawdown", "notes"]]
        var seeds: Set<UInt64> = []
        for name in library.scenarioNames() {
          var s = try library.scenario(name)
          guard s.capital != nil else { continue }
          if !common.overrides.isEmpty { s = try s.with(common.overrides, origin: "command line") }
          seeds.insert(s.seed)
          if let spec = s.sweep, s.optimizerByDefault {
            let result = try Sweep(base: s, spec: spec, evidence: library.evidence()).run(options: common.runOptions)
            guard let best = result.best(deployable: true) else {
              rows.append([s.name, "-", "-", "-", "no deployable candidate"])
              continue
            }
            let blocked = result.candidates.filter { !$0.deployable }.map {
              CandidateSummary.text($0.assignments.first?.value ?? .null)
            }
            rows.append([
              s.name + " (top deployable: \(best.label))", pct(best["roi_mean"]), pct(best["liquidation_probability"]),
              pct(best["max_drawdown_p95"]),
              "optimizer; \(result.candidates.count) candidates, not deployable: \(blocked.joined(separator: ", "))",
            ])
            continue
          }
          let result = try Runner.run(s, options: common.runOptions)
          let c = result.scorecard
          let check = ScenarioCheck(result)
          rows.append([
            s.name, pct(c.roiMean), pct(c.liquidationProbability), pct(c.maxDrawdownP95),
            (check.passed ? "gates pass" : check.failures.joined(separator: "; ")) + "; \(s.paths) paths",
          ])
        }
        print(TextTable.markdown(rows), terminator: "")
        print(
          "\nRegenerate with `capscript table` (seed \(seeds.sorted().map(String.init).joined(separator: ", ")), \(Scorecard.modelVersion))."
        )
      } catch {
        throw Failure.exit(error)
      }
    }
  }
}
