import ArgumentParser
import CapscriptIO
import Foundation
import ScriptHost
import SimCore

extension Capscript {
  /// What still blocks deploying leverage, from config/deployment-evidence.json.
  struct Gates: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "List what still blocks deployment, from config/deployment-evidence.json (exit 1 while anything blocks).")

    @OptionGroup var configFolder: ConfigFolder

    func run() throws {
      let library = try configFolder.library()
      let evidence = try library.evidence()
      let cap = evidence.deployableLeverageCap(library.policy)
      print(
        "deployable leverage cap: \(JSONText.number(cap))x"
          + (evidence.unlocksTargetLeverage
            ? " (audit and governance approval recorded)"
            : " (until an audit engagement and a governance approval are recorded; then \(JSONText.number(library.policy.targetLeverageMax))x)")
      )
      let blockers = evidence.blockers
      if blockers.isEmpty {
        print("nothing in the deployment evidence blocks deployment.")
      } else {
        print("blocking deployment (\(blockers.count)):")
        for b in blockers { print("  - \(b)") }
      }
      print("Simulator output is evidence for governance; it never authorises leverage by itself.")
      if !blockers.isEmpty { throw ExitCode.failure }
    }
  }
}
