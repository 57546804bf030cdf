import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

/// Per-epoch traces of chosen paths (`RunOptions.tracePaths`).
@Suite struct PathTraces {
  static func scenario() throws -> Scenario {
    try projectLibrary.scenario("crash_40pct_external_asset")
      .with([("paths", .number(300)), ("epochs", .number(50)), ("leverage", .number(2.5))], origin: "test")
  }

  static func run(tracing paths: [Int], threads: Int = 2) throws -> RunResult {
    var options = RunOptions(threads: threads, blockSize: 64)
    options.tracePaths = paths
    return try Runner.run(scenario(), options: options)
  }

  @Test func tracingChangesNoNumberAndDoesNotDependOnThreads() throws {
    let plain = try Runner.run(Self.scenario(), options: RunOptions(threads: 2))
    let traced = try Self.run(tracing: Array(0..<10))
    #expect(plain.trace == nil)
    #expect(traced.records == plain.records)
    #expect(traced.scorecard.roiMean == plain.scorecard.roiMean)
    #expect(try Self.run(tracing: Array(0..<10), threads: 1).trace == traced.trace)
  }

  @Test func theLastEpochsCapitalIsTheRoiAndLiquidationLeavesNoDebt() throws {
    let r = try Self.run(tracing: [0, 7, 130, 299])
    let trace = try #require(r.trace)
    #expect(trace.paths == [0, 7, 130, 299] && trace.epochs == 50)
    let t0 = try #require(r.scenario.capital).capital
    let liquidation = try #require(r.column("liquidation_epoch"))
    let T = try #require(PathTrace.fields.firstIndex(of: "T"))
    let ltv = try #require(PathTrace.fields.firstIndex(of: "ltv"))
    let S = try #require(PathTrace.fields.firstIndex(of: "S"))
    var liquidated = 0
    for (row, path) in trace.paths.enumerated() {
      let last = trace.value(row: row, epoch: 49, field: T)
      #expect(abs(last - t0 * (1 + r.records[path].roi)) <= 1e-9 * t0)
      // The crash at epoch 30 drops S by 40% against the epoch before, beyond any one day's move.
      #expect(trace.value(row: row, epoch: 30, field: S) < 0.7 * trace.value(row: row, epoch: 29, field: S))
      let e = Int(liquidation[path])
      if e >= 0 {
        liquidated += 1
        #expect(trace.value(row: row, epoch: e - 1, field: ltv) > 0)
        #expect((e..<50).allSatisfy { trace.value(row: row, epoch: $0, field: ltv) == 0 })
      }
    }
    #expect(liquidated > 0)
  }

  @Test func aListedPathHasTheRowsOfTheSamePathInATraceOfTheFirstPaths() throws {
    let first = try #require(try Self.run(tracing: Array(0..<20)).trace)
    let listed = try #require(try Self.run(tracing: [3, 17]).trace)
    let width = first.epochs * PathTrace.fields.count
    #expect(Array(listed.values[0..<width]) == Array(first.values[(3 * width)..<(4 * width)]))
    #expect(Array(listed.values[width...]) == Array(first.values[(17 * width)..<(18 * width)]))
  }

  @Test func tableHasOneRowPerPathEpoch() throws {
    let r = try Self.run(tracing: [2, 5])
    let trace = try #require(r.trace)
    let lines = TraceTable.csv(r, trace).split(separator: "\n")
    #expect(lines[0].hasPrefix("# capscript per-epoch trace; scenario=crash_40pct_external_asset"))
    #expect(lines[1] == "path,epoch,T,ltv,S,sigma,ell,P,spread,allocation,leverage")
    #expect(lines.count == 2 + 2 * 50)
    #expect(lines[2].hasPrefix("2,0,") && lines[52].hasPrefix("5,0,") && lines.last?.hasPrefix("5,49,") == true)
    guard case .array(let rows) = try JSONText.parse(TraceTable.json(trace), file: "trace.json") else {
      Issue.record("the JSON trace is not an array of records")
      return
    }
    #expect(rows.count == 100 && rows[50]["path"] == .number(5) && rows[50]["epoch"] == .number(0))
  }
}
