import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

/// The one rule for native sizes (`RunBudget`): a run is refused before it
/// allocates when its arrays would need more than `RunOptions.memoryBudget`.
@Suite struct RunBudgetTests {
  static let record = MemoryLayout<PathRecord>.stride

  @Test func capitalRunCountsRecordsAndBands() throws {
    let s = try projectLibrary.scenario("crash_40pct_external_asset")
    var options = RunOptions(threads: 1)
    #expect(RunBudget.bytes(s, options: options) == s.paths * Self.record)
    options.bandPaths = 700
    #expect(RunBudget.bytes(s, options: options) == s.paths * Self.record + 700 * s.epochs * 4)
    // Bands never count more paths than the run has.
    options.bandPaths = 10 * s.paths
    #expect(RunBudget.bytes(s, options: options) == s.paths * Self.record + s.paths * s.epochs * 4)
  }

  @Test func poolGraphRunCountsItsPoolStatistics() throws {
    let s = try projectLibrary.scenario("hub_only_11")
    let graph = try #require(s.routing?.graph)
    let stride = graph.pools.count * PoolStat.count + RoutingTotal.allCases.count
    #expect(RunBudget.bytes(s, paths: 1000, options: RunOptions()) == 1000 * (Self.record + stride * 8))
    // A routing-only run keeps no bands, whatever is asked.
    var options = RunOptions()
    options.bandPaths = 5000
    #expect(RunBudget.bytes(s, paths: 1000, options: options) == 1000 * (Self.record + stride * 8))
  }

  @Test func overflowingSizesCountAsTooMuch() throws {
    let s = try projectLibrary.scenario("crash_40pct_external_asset").with(
      [("paths", .number(1e7)), ("epochs", .number(1e5))], origin: "test")
    var options = RunOptions()
    options.bandPaths = 10_000_000
    options.memoryBudget = .max - 1
    #expect(RunBudget.bytes(s, paths: .max, options: options) == .max)
    #expect(throws: RunError.self) { try RunBudget.check(s, paths: .max, options: options) }
  }

  @Test func runOverTheBudgetIsRefusedNamingTheFieldAndTheBytes() throws {
    let s = try projectLibrary.scenario("crash_40pct_external_asset").with(
      [("paths", .number(500))], origin: "test")
    var options = RunOptions(threads: 1)
    options.bandPaths = 500
    let bands = 500 * s.epochs * 4
    let needed = 500 * Self.record + bands
    options.memoryBudget = needed - 1
    do {
      _ = try Runner.run(s, options: options)
      Issue.record("a run over its memory budget ran")
    } catch {
      #expect(error.description.contains("the run needs \(needed) bytes"))
      #expect(error.description.contains("over the budget of \(needed - 1) bytes"))
      #expect(error.description.contains("bands: 500 band paths × \(s.epochs) epochs × 4 bytes = \(bands) bytes"))
      #expect(error.description.hasSuffix("lower bands or epochs"))
    }
    // At the budget, the same run goes ahead.
    options.memoryBudget = needed
    #expect(try Runner.run(s, options: options).records.count == 500)
  }

  @Test func precisionRunIsBudgetedAtItsPathLimit() throws {
    let s = try projectLibrary.scenario("crash_40pct_external_asset").with(
      [("paths", .number(100))], origin: "test")
    let spec = PrecisionSpec(targets: [.gates], maxPaths: 1_000_000)
    var options = RunOptions(threads: 1)
    options.memoryBudget = 100_000 * Self.record
    #expect(throws: RunError.self) { try Runner.run(s, precision: spec, options: options) }
    options.memoryBudget = 1_000_000 * Self.record
    #expect(throws: Never.self) { try RunBudget.check(s, paths: spec.maxPaths, options: options) }
  }

  @Test func defaultBudgetIsHalfThePhysicalMemory() {
    #expect(RunOptions().memoryBudget == Int(ProcessInfo.processInfo.physicalMemory / 2))
  }
}
