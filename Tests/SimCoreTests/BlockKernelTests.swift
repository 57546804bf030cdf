import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

@Suite struct BlockKernelMatchesScalarKernel {
  static let scenarios = [
    "crash_40pct_external_asset", "high_vol_sigma_spike", "bank_run_redemption_spike",
    packageRoot + "/bench/scenarios/all_shocks.json",
  ]

  /// A tilt on every overlay shift and shock, with defensive paths.
  static func tilt(for s: Scenario) -> ImportanceTilt {
    var tilt = ImportanceTilt(
      epochs: s.epochs, shocks: s.shocks.count, asset: -0.4, volatility: 0.3, window: 5...(s.epochs / 2))
    for i in s.shocks.indices where s.shocks[i].probability < 1 { tilt.shockProbability[i] = 0.9 }
    tilt.defensiveShare = 0.2
    return tilt
  }

  static func bits(_ r: PathRecord) -> [UInt64] {
    let a = r.attribution
    return [
      r.roi, r.pnl, r.maxDrawdown, r.badDebt, r.twr, r.navMaxDrawdown, r.redemptionsPaid, r.weight,
      r.peakLoanToValue, a.yield, a.marketMaking, a.volatilityDrag, a.interventionDrag, a.redemptionDrag,
      a.liquidationLoss, a.deleverageCost,
    ].map(\.bitPattern)
      + [
        r.liquidated ? 1 : 0, r.floorViolations, r.throttleEvents, r.spreadAdjustments, r.deleverageEvents,
        r.pegDeviationEpochs, r.liquidationEpoch, r.firstFloorViolationEpoch,
      ].map { UInt64(bitPattern: Int64($0)) }
  }

  @Test(arguments: scenarios, [false, true])
  func everyRecordFieldAndBandIsTheScalarKernelsBits(scenario name: String, tilted: Bool) throws {
    // all_shocks' windows run to epoch 300: it keeps its 365 epochs.
    let epochs = name.hasSuffix("all_shocks.json") ? 365 : 120
    let s = try projectLibrary.scenario(name).with([("paths", .number(300)), ("epochs", .number(Double(epochs)))])
    var kernel = CapitalKernel(scenario: s)
    if tilted { kernel.tilt = Self.tilt(for: s) }
    let paths = 0..<s.paths
    var scratch = CapitalKernel.Scratch(kernel: kernel)
    var expectedBands = [Float](repeating: 0, count: paths.count * epochs)
    let expected = expectedBands.withUnsafeMutableBufferPointer { all in
      paths.map { i in
        kernel.simulate(path: i, scratch: &scratch, band: UnsafeMutableBufferPointer(rebasing: all[(i * epochs)...]))
      }
    }
    #expect(expected.contains { $0.throttleEvents > 0 || $0.floorViolations > 0 || $0.deleverageEvents > 0 })
    for blockSize in [1, 7, 64, 256] {
      var block = CapitalKernel.BlockScratch(kernel: kernel)
      var records = [PathRecord](repeating: PathRecord(), count: paths.count)
      // Bands for the first 100 paths only, as a run keeps them.
      var bands = [Float](repeating: -7, count: 100 * epochs)
      records.withUnsafeMutableBufferPointer { out in
        bands.withUnsafeMutableBufferPointer { band in
          for lo in stride(from: 0, to: paths.count, by: blockSize) {
            let hi = min(lo + blockSize, paths.count)
            let bandHi = min(hi, 100)
            let rows = lo < bandHi ? UnsafeMutableBufferPointer(rebasing: band[(lo * epochs)..<(bandHi * epochs)]) : nil
            let done = kernel.simulateBlock(
              paths: lo..<hi, scratch: &block, records: UnsafeMutableBufferPointer(rebasing: out[lo..<hi]), bands: rows,
              cancellation: nil)
            #expect(done)
          }
        }
      }
      for i in paths where Self.bits(records[i]) != Self.bits(expected[i]) {
        Issue.record("\(name) tilted \(tilted) block \(blockSize): path \(i) differs")
        break
      }
      #expect(bands.map(\.bitPattern) == expectedBands.prefix(100 * epochs).map(\.bitPattern))
    }
  }

  @Test func aCancelledBlockStopsAtItsFirstSlab() throws {
    let s = try projectLibrary.scenario("crash_40pct_external_asset").with([("paths", .number(10))])
    let kernel = CapitalKernel(scenario: s)
    var block = CapitalKernel.BlockScratch(kernel: kernel)
    var records = [PathRecord](repeating: PathRecord(), count: 10)
    let token = CancellationToken()
    token.cancel()
    let done = records.withUnsafeMutableBufferPointer {
      kernel.simulateBlock(paths: 0..<10, scratch: &block, records: $0, bands: nil, cancellation: token)
    }
    #expect(!done)
    #expect(records.allSatisfy { $0 == PathRecord() })
  }

  /// A run with traced paths takes the scalar kernel for their blocks and the
  /// block kernel for the others: the records are those of an untraced run.
  @Test func tracedBlocksGiveTheSameRecords() throws {
    let s = try projectLibrary.scenario(packageRoot + "/bench/scenarios/all_shocks.json").with([
      ("paths", .number(200))
    ])
    var traced = RunOptions(threads: 2, blockSize: 16)
    traced.tracePaths = [3, 150]
    let a = try Runner.run(s, options: traced).records
    let b = try Runner.run(s, options: RunOptions(threads: 1, blockSize: 200)).records
    #expect(a.map(Self.bits) == b.map(Self.bits))
  }
}
