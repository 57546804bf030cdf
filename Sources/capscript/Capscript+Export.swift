import ArgumentParser
import CapscriptIO
import Foundation
import ScriptHost
import SimCore

extension Capscript {
  /// Scorecards as OpenMetrics text for the operations dashboard.
  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print scorecards as OpenMetrics text for the operations dashboard, labelled by scenario.",
      discussion: """
        Runs each named scenario (default: every scenario in the config folder; an optimizer
        scenario is exported as a plain run of its base) and prints one gauge family per
        dashboard metric, prefixed capscript_, ending with "# EOF". --alert-rules also writes
        Prometheus alerting rules from the policy gates (check them with `promtool check rules`).
        """)

    @Argument(help: "Scenario names or paths (default: every scenario in the config folder).")
    var names: [String] = []
    @OptionGroup var common: CommonOptions
    @Option(
      name: .customLong("alert-rules"),
      help: "Also write Prometheus alerting rules (YAML) from the policy gates to this file.")
    var alertRules: String?

    func run() throws {
      let library = try common.library()
      if let alertRules {
        let cap = try library.evidence().deployableLeverageCap(library.policy)
        try OutputFile.write(AlertRules.yaml(policy: library.policy, leverageCap: cap), to: alertRules)
      }
      let suite = try ScenarioSuite(
        library: library, names: names.isEmpty ? nil : names, overrides: common.overrides)
      let entries = try suite.run(
        sweeps: false, options: common.runOptions, progress: ProgressBar(label: "export"), label: "export")
      print(OpenMetrics.text(entries.compactMap(\.run).map(OpenMetrics.Entry.init)), terminator: "")
      if !common.quiet, let alertRules { Capscript.note("alerting rules written to \(alertRules)") }
    }
  }
}
