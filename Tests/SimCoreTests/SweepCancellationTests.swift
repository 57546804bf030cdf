import Testing

@testable import CapscriptIO
@testable import SimCore

/// A sweep's set-up reads its cancellation token (issue 16, item 8): a
/// timeout or Ctrl-C stops the building of 100,000 candidates.
@Suite struct SweepCancellationTests {
  func spec() throws -> SweepSpec {
    try SweepSpec(JSONText.parse(#"{"grid": {"leverage": [1, 1.5, 2, 2.5]}}"#, file: "s"), file: "s")
  }

  @Test func aCancelledTokenStopsTheSetUp() throws {
    let token = CancellationToken()
    token.cancel()
    let base = try projectLibrary.scenario("leverage_sweep_1x_to_4x")
    let error = try #require(throws: ConfigError.self) {
      try Sweep(base: base, spec: spec(), evidence: DeploymentEvidence(), cancellation: token)
    }
    #expect(error.code == .cancelled)
    #expect(error.description == "cap.sweep: the sweep's set-up was cancelled")
  }

  @Test func aLiveTokenBuildsEveryCandidate() throws {
    let base = try projectLibrary.scenario("leverage_sweep_1x_to_4x")
    let sweep = try Sweep(base: base, spec: spec(), evidence: DeploymentEvidence(), cancellation: CancellationToken())
    #expect(sweep.candidates.map { $0.capital?.leverage } == [1, 1.5, 2, 2.5])
  }
}
