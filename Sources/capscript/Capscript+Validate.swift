import ArgumentParser
import Foundation
import ScriptHost
import SimCore

extension Capscript {
  /// CI-style validation of the shipped configs.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Check every config file, run every scenario, hold each against the policy gates and its own expectations.",
      discussion: "Prints a pass/fail table; exits 1 when anything fails, 65 when a config does not validate.")

    @OptionGroup var common: CommonOptions

    func run() throws {
      do {
        let library = try ConfigLibrary(directory: common.config)
        _ = try library.evidence()
        var scenarios: [Scenario] = []
        for name in library.scenarioNames() { scenarios.append(try library.scenario(name)) }
        var rows: [[String]] = [["scenario", "result", "roi_mean", "liq_prob", "dd_p95", "notes"]]
        var failed = 0
        for var s in scenarios {
          if !common.overrides.isEmpty { s = try s.with(common.overrides, origin: "command line") }
          if let spec = s.sweep, s.optimizerByDefault {
            let result = try Sweep(base: s, spec: spec, evidence: library.evidence()).run(options: common.runOptions)
            let check = ScenarioCheck(result)
            let best = result.best(deployable: true)
            rows.append([
              s.name, check.passed ? "pass" : "FAIL", best.map { pct($0["roi_mean"]) } ?? "-",
              best.map { pct($0["liquidation_probability"]) } ?? "-", best.map { pct($0["max_drawdown_p95"]) } ?? "-",
              check.passed
                ? "sweep of \(result.candidates.count); top deployable \(best!.label)"
                : check.failures.joined(separator: "; "),
            ])
            if !check.passed { failed += 1 }
            continue
          }
          let result = try Runner.run(s, options: common.runOptions)
          let check = ScenarioCheck(result)
          let c = result.scorecard
          var note = check.passed ? "gates and expectations hold" : check.failures.joined(separator: "; ")
          if let r = c.routing {
            note +=
              "; routing: capture \(pct(r.capture)), intervention cost \(formatFixed(r.interventionCost, digits: 0)) USD/path, \(r.pegPool) off-peg \(pct(r.pegDeviationFrequency)) of epochs"
          }
          if c.hasCapital {
            rows.append([
              s.name, check.passed ? "pass" : "FAIL", pct(c.roiMean), pct(c.liquidationProbability),
              pct(c.maxDrawdownP95), note,
            ])
          } else {
            rows.append([
              s.name, check.passed ? "pass" : "FAIL", "-", "-", "-",
              "routing only" + note.dropFirst("gates and expectations hold".count),
            ])
          }
          if !check.passed { failed += 1 }
        }
        print(TextTable.render(rows))
        print(
          failed == 0
            ? "validate: \(scenarios.count) scenario(s) pass"
            : "validate: \(failed) of \(scenarios.count) scenario(s) FAIL")
        if failed > 0 { throw ExitCode.failure }
      } catch let e as ExitCode {
        throw e
      } catch {
        throw Failure.exit(error)
      }
    }
  }
}

func pct(_ x: Double) -> String { formatFixed(x * 100, digits: 2) + "%" }

/// Aligned plain-text and Markdown tables.
enum TextTable {
  static func render(_ rows: [[String]]) -> String {
    let widths = (0..<rows[0].count).map { col in rows.map { $0[col].count }.max()! }
    return rows.map { row in
      row.enumerated().map { $1 + String(repeating: " ", count: widths[$0] - $1.count) }.joined(separator: "  ")
        .trimmingCharacters(in: .whitespaces)
    }.joined(separator: "\n")
  }

  static func markdown(_ rows: [[String]]) -> String {
    var out = "| " + rows[0].joined(separator: " | ") + " |\n"
    out += "|" + rows[0].map { _ in "---" }.joined(separator: "|") + "|\n"
    for row in rows.dropFirst() { out += "| " + row.joined(separator: " | ") + " |\n" }
    return out
  }
}
