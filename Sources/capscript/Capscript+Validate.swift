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
      discussion: "Prints a pass/fail table; exits 1 when anything fails, 65 when a config does not validate.")

    @OptionGroup var common: CommonOptions

    func run() throws {
      let library = try common.configFolder.library()
      _ = try library.evidence()
      let suite = try ScenarioSuite(library: library, overrides: common.overrides)
      let entries = try suite.run(options: common.runOptions)
      print(ScenarioSuite.validationText(entries))
      if entries.contains(where: { !$0.check.passed }) { throw ExitCode.failure }
    }
  }
}
