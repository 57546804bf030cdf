import Foundation
import Synchronization
import Testing

@testable import SimCore

/// What the workers of a run reported, and the gate that holds the first
/// report until another thread has cancelled the run.
final class CancelProbe: Sendable {
  let token = CancellationToken()
  let reports = Atomic<Int>(0)
  let maxDone = Atomic<Int>(0)
  let reported = DispatchSemaphore(value: 0)
  let cancelled = DispatchSemaphore(value: 0)

  /// Progress that records the paths done and, on its first call, waits until
  /// the token has been cancelled from elsewhere.
  var progress: @Sendable (Int, Int) -> Void {
    { [self] done, _ in
      maxDone.max(done, ordering: .relaxed)
      guard reports.add(1, ordering: .relaxed).oldValue == 0 else { return }
      reported.signal()
      cancelled.wait()
    }
  }

  /// Starts a thread that cancels the token after the first report (as the
  /// Lua host's watchdog does from its own thread).
  func cancelAfterFirstReport() {
    Thread.detachNewThread { [self] in
      reported.wait()
      token.cancel()
      cancelled.signal()
    }
  }
}

/// The workers of a run with a cancellation token (the Lua host's runs), on 2
/// threads: the path `tools/sanitizers.sh thread` checks (docs/HARDENING.md, "Sanitizers").
@Suite struct WorkerCancellation {
  static func scenario(_ name: String, paths: Int) throws -> Scenario {
    try projectLibrary.scenario(name).with([("paths", .number(Double(paths))), ("epochs", .number(60))])
  }

  @Test(arguments: ["crash_40pct_external_asset", "chain138_deployed_capital_efficiency"])
  func aLiveTokenChangesNoNumberOnTwoThreads(name: String) throws {
    let s = try Self.scenario(name, paths: 64)
    let plain = try Runner.run(s, options: RunOptions(threads: 1)).records
    let options = RunOptions(threads: 2, blockSize: 8, cancellation: CancellationToken())
    #expect(try Runner.run(s, options: options).records == plain)
  }

  @Test func aTokenCancelledFromAnotherThreadStopsBothWorkers() throws {
    let total = 50_000
    let s = try Self.scenario("crash_40pct_external_asset", paths: total)
    let probe = CancelProbe()
    probe.cancelAfterFirstReport()
    let options = RunOptions(threads: 2, blockSize: 64, cancellation: probe.token, progress: probe.progress)
    let error = try #require(throws: RunError.self) { try Runner.run(s, options: options) }
    #expect(error.description == RunError.cancelled.description)
    #expect(probe.token.isCancelled)
    #expect(probe.maxDone.load(ordering: .relaxed) < total)
  }

  /// The kernel takes its pools and its rule `inout` in generic code, which
  /// ThreadSanitizer checks at the address passed: the "none" values must
  /// have storage, as a value of an empty type has no defined address.
  @Test func theEmptyPoolsAndRuleHaveAnAddress() {
    #expect(MemoryLayout<NoPools>.size > 0)
    #expect(MemoryLayout<NoRule>.size > 0)
  }
}
