import ArgumentParser
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
      do {
        let library = try ConfigLibrary(directory: common.config)
        if let alertRules {
          let cap = try library.evidence().deployableLeverageCap(library.policy)
          try OutputFile.write(AlertRules.yaml(policy: library.policy, leverageCap: cap), to: alertRules)
        }
        var entries: [OpenMetrics.Entry] = []
        for name in names.isEmpty ? library.scenarioNames() : names {
          var s = try library.scenario(name)
          if !common.overrides.isEmpty { s = try s.with(common.overrides, origin: "command line") }
          let progress = ProgressBar(label: s.name)
          var options = common.runOptions
          options.progress = progress.callback
          let result = try Runner.run(s, options: options)
          progress.finish()
          entries.append(OpenMetrics.Entry(result))
        }
        print(OpenMetrics.text(entries), terminator: "")
        if !common.quiet, let alertRules { note("alerting rules written to \(alertRules)") }
      } catch {
        throw Failure.exit(error)
      }
    }

    func note(_ text: String) {
      FileHandle.standardError.write(Data("capscript: \(text)\n".utf8))
    }
  }
}
