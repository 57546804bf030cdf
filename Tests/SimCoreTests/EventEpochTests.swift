import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

/// Per-path event times: the liquidation epoch, the epoch each shock fired,
/// and the first floor violation; every epoch 0-based, -1 for never.
@Suite struct EventEpochs {
  /// A 40% crash with probability one half, at a uniform epoch in 10...40, at 2.5x.
  static func scenario(epochs: Int, paths: Int = 400) throws -> Scenario {
    let crash: ConfigValue = .object([
      "type": .string("asset_crash"), "from": .number(10), "to": .number(40), "drop": .number(0.4),
      "p": .number(0.5),
    ])
    return try projectLibrary.scenario("crash_40pct_external_asset")
      .with(
        [
          ("paths", .number(Double(paths))), ("epochs", .number(Double(epochs))), ("leverage", .number(2.5)),
          ("shocks", .array([crash])),
        ], origin: "test")
  }

  @Test func randomShockEpochsAreInTheirWindowOrMinusOneAboutHalfTheTime() throws {
    let r = try Runner.run(Self.scenario(epochs: 60), options: RunOptions(threads: 2))
    let fired = try #require(r.column("shock_epoch_1"))
    #expect(r.pathColumnNames.suffix(1) == ["shock_epoch_1"])
    #expect(r.column("shock_epoch_2") == nil)
    #expect(fired.allSatisfy { $0 == -1 || (10...40).contains($0) })
    let share = Double(fired.filter { $0 >= 0 }.count) / Double(fired.count)
    #expect(abs(share - 0.5) < 5 * (0.25 / Double(fired.count)).squareRoot())
    // Several distinct epochs of the window are drawn, not one.
    #expect(Set(fired.filter { $0 >= 0 }).count > 10)
  }

  @Test func liquidationAndFloorEpochsAgreeWithTheCounts() throws {
    let r = try Runner.run(Self.scenario(epochs: 60), options: RunOptions(threads: 2))
    let liquidation = try #require(r.column("liquidation_epoch"))
    let floor = try #require(r.column("first_floor_violation_epoch"))
    let crash = try #require(r.column("shock_epoch_1"))
    #expect(r.records.contains { $0.liquidated })
    for (i, record) in r.records.enumerated() {
      #expect((liquidation[i] >= 0) == record.liquidated)
      #expect((floor[i] >= 0) == (record.floorViolations > 0))
      #expect(liquidation[i] < 60 && floor[i] < 60)
    }
    // At 2.5x a 40% crash liquidates: most liquidations fall on the crash's epoch.
    let onCrash = r.records.indices.filter { liquidation[$0] >= 0 && liquidation[$0] == crash[$0] }.count
    #expect(Double(onCrash) > 0.5 * Double(r.records.filter(\.liquidated).count))
  }

  /// A path's first 41 epochs do not depend on what follows, so a 41-epoch run
  /// sees the same events up to epoch 40 and none after.
  @Test func eventEpochsOfAShorterRunAreThePrefix() throws {
    let long = try Runner.run(Self.scenario(epochs: 60), options: RunOptions(threads: 2))
    let short = try Runner.run(Self.scenario(epochs: 41), options: RunOptions(threads: 1))
    for name in ["liquidation_epoch", "first_floor_violation_epoch"] {
      let a = try #require(long.column(name))
      let b = try #require(short.column(name))
      #expect(zip(a, b).allSatisfy { $0 <= 40 ? $0 == $1 : $1 == -1 }, "\(name)")
    }
    #expect(long.column("shock_epoch_1") == short.column("shock_epoch_1"))
  }

  @Test func aCertainShockFiresAtItsEpochOnEveryPath() throws {
    let r = try Runner.run(
      projectLibrary.scenario("crash_40pct_external_asset").with([("paths", .number(50))], origin: "test"),
      options: RunOptions(threads: 2))
    #expect(r.column("shock_epoch_1") == Array(repeating: 30, count: 50))
  }
}
