import ArgumentParser
import CapscriptIO
import Foundation
import ScriptHost
import SimCore

extension Capscript {
  /// CI-style validation of the shipped configs.
  struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Check every config file, run every scenario, hold each against the policy gates and its own expectations.",
      discussion: """
        Prints a pass/fail table. Gates are decided on intervals: a gate passes when its whole interval is on
        the safe side of the limit, fails when the whole interval is beyond it, and is inconclusive otherwise
        (the table says about how many paths would decide it). Exits 0 when everything passes, 1 when anything
        fails, 3 when nothing fails but a gate is inconclusive, 65 when a config does not validate.
        """)

    @OptionGroup var common: CommonOptions

    func run() throws {
      let library = try common.library()
      _ = try library.evidence()
      let suite = try ScenarioSuite(library: library, overrides: common.overrides)
      let entries = try suite.run(
        options: common.runOptions, progress: ProgressBar(label: "validate"), label: "validate")
      print(ScenarioSuite.validationText(entries))
      // 1: something failed; 3: nothing failed, but a gate is undecided (its interval straddles the limit).
      if entries.contains(where: { !$0.check.passed && !$0.check.inconclusive }) { throw ExitCode.failure }
      if entries.contains(where: { $0.check.inconclusive }) { throw ExitCode(3) }
    }
  }
}
