import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

/// examples/liquidation_given_early_crash.lua answers a conditional question from
/// `r:paths` event epochs; its answer equals the same count taken in Swift from the run's columns.
@Suite struct ConditionalEventExample {
  @Test func liquidationGivenAnEarlyCrashMatchesTheColumnsOfTheSameRun() throws {
    let r = try capscript(["examples/liquidation_given_early_crash.lua", "--paths", "600"])
    #expect(r.status == 0, "\(r.stderr)")
    let s = try ConfigLibrary(directory: packageRoot + "/config").scenario("crash_40pct_external_asset").with(
      [
        ("paths", .number(600)), ("epochs", .number(180)), ("leverage", .number(2.0)),
        (
          "shocks",
          .array([
            .object([
              "type": .string("asset_crash"), "from": .number(0), "to": .number(119), "drop": .number(0.4),
              "p": .number(0.5),
            ])
          ])
        ),
      ], origin: "test")
    let run = try Runner.run(s, options: RunOptions(threads: 2))
    let crash = try #require(run.column("shock_epoch_1"))
    let liquidation = try #require(run.column("liquidation_epoch"))
    let early = crash.indices.filter { crash[$0] >= 0 && crash[$0] < 30 }
    let k = early.filter { liquidation[$0] >= 0 }.count
    #expect(!early.isEmpty && k > 0)
    let line = String(
      format: "P(liquidated | crash in epochs 0-29) = %.4f  (%d of %d paths)",
      Double(k) / Double(early.count), k, early.count)
    #expect(r.stdout.contains(line), "expected \(line) in:\n\(r.stdout)")
  }
}
