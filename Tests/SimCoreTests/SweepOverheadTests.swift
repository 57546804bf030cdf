import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

/// The shortcuts a sweep candidate takes: the same numbers as the long way.
@Suite struct SweepOverheadShortcuts {
  /// `capitalScalars` holds exactly what `scalar(_:)` reads, name by name.
  @Test(arguments: [("crash_40pct_external_asset", 40), ("hub_only_11", 6), ("crash_40pct_external_asset", 0)])
  func capitalScalarsAreTheScalarsByName(scenario: String, paths: Int) throws {
    var s = try projectLibrary.scenario(scenario).with([("epochs", .number(40))])
    if paths > 0 { s = try s.with([("paths", .number(Double(paths)))]) }
    let card =
      paths > 0 ? try Runner.run(s, options: RunOptions(threads: 1)).scorecard : Scorecard(scenario: s, records: [])
    var byName: [String: Double] = [:]
    for name in Scorecard.scalarFieldNames + ["roi_mean_stderr"] { byName[name] = card.scalar(name) }
    let fast = card.capitalScalars
    #expect(fast.count == byName.count)
    for (name, value) in byName {
      // Bit for bit (NaN included).
      #expect(fast[name]?.bitPattern == value.bitPattern, "\(scenario) \(name)")
    }
    #expect(card.hasCapital == !fast.isEmpty)
  }

  /// Memoized ranks are the ranks computed afresh, for every sample size and quantile asked.
  @Test func memoizedOrderStatisticRanksAreTheComputedOnes() {
    for level in [ConfidenceLevel.standard, ConfidenceLevel(0.9)!] {
      for n in [1, 5, 6, 10, 99, 100, 1000] {
        for q in [0.05, 0.5, 0.95, 0.99] {
          let fresh = OrderStatisticInterval(count: n, quantile: q, confidence: level)
          #expect(OrderStatisticInterval.memoized(count: n, quantile: q, confidence: level) == fresh)
          #expect(OrderStatisticInterval.memoized(count: n, quantile: q, confidence: level) == fresh, "from the memo")
        }
      }
    }
  }

  /// The tail field names made once are the names the scorecard lists.
  @Test func tailFieldNamesAreTheScorecardsOwn() {
    let names = TailRisk.scorecardLevels.map(TailRisk.fieldNames)
    #expect(
      names.flatMap { [$0.valueAtRisk, $0.expectedShortfall] }
        + names.flatMap { [$0.valueAtRiskOfCapital, $0.expectedShortfallOfCapital] }
        == TailRisk.scorecardFieldNames)
    #expect(TailRisk.fieldNames(0.9).valueAtRisk == "pnl_var_90")
  }
}
