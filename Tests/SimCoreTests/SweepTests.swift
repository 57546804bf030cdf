import Testing

@testable import CapscriptIO
@testable import SimCore

@Suite struct SweepDesigns {
  func spec(_ json: String) throws -> SweepSpec {
    try SweepSpec(JSONText.parse(json, file: "sweep"), file: "sweep")
  }

  @Test func gridIsTheFullCartesianProduct() throws {
    let s = try spec(#"{"grid": {"leverage": [1, 1.5, 2], "allocation": [0.4, 0.8]}}"#)
    let a = s.assignments()
    #expect(a.count == 6)
    let labels = Set(a.map { $0.map { "\($0.key)=\($0.value)" }.joined(separator: ",") })
    #expect(labels.count == 6)
    // Sorted field order: allocation varies slowest.
    #expect(a[0].map(\.key) == ["allocation", "leverage"])
    #expect(a[0][0].value == .number(0.4) && a[2][0].value == .number(0.4) && a[3][0].value == .number(0.8))
  }

  @Test func aGridOverTheCandidateLimitIsRefusedBeforeAnyCandidateIsBuilt() throws {
    // 2.77M candidates used to be built and validated in one host call (issue 16, item 8).
    let values = (0..<1000).map(String.init).joined(separator: ",")
    let json = #"{"grid": {"leverage": [\#(values)], "allocation": [\#(values)], "capital": [1, 2, 3]}}"#
    let error = try #require(throws: ConfigError.self) { try spec(json) }
    #expect(
      error.description.contains(
        "has more than 100000 candidates (1000 allocation × 3 capital × 1000 leverage): use fewer values"),
      "\(error)")
    let hundred = (0..<100).map(String.init).joined(separator: ",")
    let atTheLimit = try spec(#"{"grid": {"leverage": [\#(values)], "allocation": [\#(hundred)]}}"#)
    #expect(atTheLimit.assignments().count == SweepSpec.maxCandidates)
  }

  @Test func randomDesignStaysInRangeAndFollowsItsSeed() throws {
    let s = try spec(#"{"random": {"leverage": [1, 2]}, "samples": 50, "seed": 9}"#)
    let a = s.assignments()
    #expect(a.count == 50)
    for c in a {
      guard case .number(let x) = c[0].value else {
        Issue.record("not a number")
        continue
      }
      #expect(x >= 1 && x <= 2)
    }
    #expect(
      try spec(#"{"random": {"leverage": [1, 2]}, "samples": 50, "seed": 9}"#).assignments().map { $0[0].value }
        == a.map { $0[0].value })
    #expect(
      try spec(#"{"random": {"leverage": [1, 2]}, "samples": 50, "seed": 10}"#).assignments().map { $0[0].value }
        != a.map { $0[0].value })
  }

  @Test(arguments: [5, 16, 33])
  func latinHypercubePutsOneCandidateInEachStratumOfEachField(samples n: Int) throws {
    let s = try spec(#"{"latinHypercube": {"leverage": [1, 3], "allocation": [0, 1]}, "samples": \#(n)}"#)
    let a = s.assignments()
    for (d, range) in [(0, (0.0, 1.0)), (1, (1.0, 3.0))] {
      let strata = a.map { c -> Int in
        guard case .number(let x) = c[d].value else { return -1 }
        return Int((x - range.0) / (range.1 - range.0) * Double(n))
      }
      #expect(Set(strata) == Set(0..<n))
    }
  }

  @Test func aDesignMustBeGivenOnce() {
    #expect(throws: ConfigError.self) { try spec(#"{"samples": 3}"#) }
    #expect(throws: ConfigError.self) { try spec(#"{"grid": {"leverage": [1]}, "random": {"leverage": [1, 2]}}"#) }
    #expect(throws: ConfigError.self) { try spec(#"{"random": {"leverage": [2, 1]}}"#) }
  }
}

@Suite struct SweepRuns {
  func base(paths: Int = 300) throws -> Scenario {
    try projectLibrary.scenario("leverage_sweep_1x_to_4x").with([("paths", .number(Double(paths)))])
  }

  @Test func leverageAboveTheHardLimitIsRejectedBeforeAnySimulation() throws {
    let spec = try SweepSpec(JSONText.parse(#"{"grid": {"leverage": [1, 5]}}"#, file: "s"), file: "s")
    do {
      _ = try Sweep(base: base(), spec: spec, evidence: DeploymentEvidence())
      Issue.record("leverage 5 was accepted")
    } catch let e as ConfigError {
      #expect(e.description.contains("5 is above the hard limit of 4x (policy: hardLeverageMax)"))
      #expect(e.description.contains("sweep candidate 2"))
    }
  }

  @Test func candidatesShareTheMarketPaths() throws {
    let b = try base()
    let sweep = try Sweep(base: b, spec: b.sweep!, evidence: DeploymentEvidence())
    let direct = try Runner.run(b.with([("leverage", .number(1.5))])).scorecard
    let viaSweep = try sweep.evaluate(1, round: 0, options: RunOptions())
    #expect(viaSweep["roi_mean"] == direct.roiMean)
    #expect(viaSweep["max_drawdown_p95"] == direct.maxDrawdownP95)
  }

  @Test func evidenceOfAuditAndApprovalLiftsTheDeployableCap() throws {
    var evidence = DeploymentEvidence()
    #expect(evidence.deployableLeverageCap(Policy()) == 1.5)
    evidence.auditEngaged = true
    #expect(evidence.deployableLeverageCap(Policy()) == 1.5)
    evidence.governanceApproved = true
    #expect(evidence.deployableLeverageCap(Policy()) == 3)
    #expect(!evidence.blockers.contains { $0.contains("audit") })
  }

  @Test func successiveHalvingKeepsTheBetterHalfOnTwiceThePaths() throws {
    let b = try base(paths: 800)
    let spec = try SweepSpec(
      JSONText.parse(
        #"{"grid": {"leverage": [1, 1.5, 2, 2.5, 3, 3.5, 4]}, "halving": true, "initialPaths": 100}"#, file: "s"),
      file: "s")
    let sweep = try Sweep(base: b, spec: spec, evidence: DeploymentEvidence())
    #expect(sweep.rounds == [100, 200, 400, 800])
    var evaluated: [Int: Int] = [:]
    let result = try sweep.run(options: RunOptions()) { evaluated[$0.round, default: 0] += 1 }
    // The better half of each round, plus the candidates not significantly worse than its leader.
    #expect(evaluated == [0: 7, 1: 5, 2: 3, 3: 2])
    #expect(result.candidates.first?.paths == 800)
    #expect(result.candidates.first?.round == 3)
    // Each candidate dropped before the last round was significantly worse than that round's leader.
    for c in result.candidates where c.round < 3 {
      #expect((c.scoreDifference?.lower ?? 0) > 0, "\(c.label) dropped at round \(c.round)")
    }
  }

  @Test func resumingFromAPartialJournalGivesTheSameRanking() throws {
    let b = try base()
    let sweep = try Sweep(base: b, spec: b.sweep!, evidence: DeploymentEvidence())
    var journal: [CandidateSummary] = []
    let straight = try sweep.run(options: RunOptions(threads: 1)) { journal.append($0) }
    var done: [Sweep.Key: CandidateSummary] = [:]
    for s in journal.prefix(3) {
      let restored = try CandidateSummary(JSONText.parse(JSONText.canonical(s.tree), file: "j"), file: "j")
      #expect(restored == s)
      done[Sweep.Key(index: s.index, round: s.round)] = restored
    }
    var rerun = 0
    let resumed = try sweep.run(options: RunOptions(threads: 2), done: done) { _ in rerun += 1 }
    #expect(rerun == journal.count - 3)
    #expect(resumed.candidates == straight.candidates)
  }

  @Test func paretoFrontHoldsOnlyUndominatedCandidates() throws {
    let b = try base()
    let result = try Sweep(base: b, spec: b.sweep!, evidence: DeploymentEvidence()).run(options: RunOptions())
    let front = result.paretoFront
    #expect(!front.isEmpty)
    for c in front {
      for o in result.candidates where o.index != c.index {
        let dominates =
          o["roi_mean"] >= c["roi_mean"] && o["liquidation_probability"] <= c["liquidation_probability"]
          && o["max_drawdown_p95"] <= c["max_drawdown_p95"]
          && (o["roi_mean"] > c["roi_mean"] || o["liquidation_probability"] < c["liquidation_probability"]
            || o["max_drawdown_p95"] < c["max_drawdown_p95"])
        #expect(!dominates)
      }
    }
  }
}
