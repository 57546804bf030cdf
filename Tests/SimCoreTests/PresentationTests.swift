import Testing

@testable import CapscriptIO
@testable import SimCore

@Suite struct NumberFormats {
  @Test func percentRoundsAFractionToItsDigits() {
    #expect(formatPercent(0.12345) == "12.35%")
    #expect(formatPercent(0.12345, digits: 3) == "12.345%")
    #expect(formatPercent(-0.004, digits: 1) == "-0.4%")
    #expect(formatPercent(0.25, digits: 0) == "25%")
  }

  @Test func usdIsWholeDollarsWithoutASignedZero() {
    #expect(formatUSD(1234.6) == "1235")
    #expect(formatUSD(-1234.4) == "-1234")
    #expect(formatUSD(-0.4) == "0")
  }
}

@Suite struct TextTables {
  let rows = [["name", "value"], ["a", "1"], ["long name", "12345"]]

  @Test func leftAlignedColumnsArePaddedToTheWidestCell() {
    #expect(TextTable(rows).lines == ["name       value", "a          1    ", "long name  12345"])
  }

  @Test func anUnpaddedLastColumnLeavesNoTrailingSpaces() {
    #expect(TextTable(rows, padsLastColumn: false).text == "name       value\na          1\nlong name  12345")
    #expect(TextTable(rows, trimsLines: true).lines[1] == "a          1")
  }

  @Test func rightAlignedColumnsArePaddedOnTheLeftAfterTheIndent() {
    let table = TextTable(rows, alignments: [.left, .right], indent: "  ")
    #expect(table.lines == ["  name       value", "  a              1", "  long name  12345"])
  }

  @Test func widthsCountCharactersNotBytes() {
    let table = TextTable([["±", "x"], ["ab", "y"]])
    #expect(table.lines == ["±   x", "ab  y"])
  }

  @Test func markdownHasARuleUnderTheHeader() {
    #expect(
      TextTable.markdown(header: ["a", "b"], rows: [["1", "2"]]) == "| a | b |\n|---|---|\n| 1 | 2 |\n")
  }
}

@Suite struct ProvenanceFields {
  @Test func everyFieldIsListedOnceInTheDocumentedOrder() throws {
    let s = try quietScenario(epochs: 3, paths: 4)
    let p = Scorecard.Provenance(scenario: s, paths: 4)
    #expect(p.fields.map(\.name) == Scorecard.Provenance.fieldNames)
    #expect(Set(p.tree.keys) == Set(Scorecard.Provenance.fieldNames))
    #expect(p.fields(["paths", "seed"]).map(\.text) == ["4", String(s.seed)])
    #expect(p.tree["epochs"] == .number(3))
    #expect(p.tree["model_version"] == .string(Scorecard.modelVersion))
  }

  @Test func aRunsScorecardCarriesTheFieldsInItsTree() throws {
    let result = try Runner.run(try quietScenario(epochs: 2, paths: 3), options: RunOptions(threads: 1))
    guard case .object(let tree) = result.scorecard.tree, case .object(let provenance)? = tree["provenance"] else {
      Issue.record("the scorecard tree has no provenance object")
      return
    }
    for field in result.scorecard.provenance.fields { #expect(provenance[field.name] == field.value) }
    #expect(provenance["roi_mean_stderr"] != nil)
  }
}

@Suite struct GateChecks {
  @Test func failuresAreExactlyTheChecksThatDoNotPass() throws {
    let result = try Runner.run(
      try quietScenario(epochs: 5, paths: 8, capital: ["leverage": 3.5]), options: RunOptions(threads: 1))
    var policy = Policy()
    policy.gates.maxDrawdownP95 = -1
    let report = GateReport(result.scorecard, policy: policy)
    #expect(report.checks.map(\.gate).contains("max_drawdown_p95"))
    #expect(report.checks.filter { !$0.passed }.map(\.gate) == report.failures.map(\.gate))
    #expect(report.failures.map(\.gate).contains("max_drawdown_p95"))
    #expect(!report.passed)
  }
}

@Suite struct ScenarioSuites {
  let overrides: [(key: String, value: ConfigValue)] = [("paths", .number(32))]

  @Test func runsTheNamedScenariosInOrderAndChecksEach() throws {
    let names = ["crash_40pct_external_asset", "hub_only_11"]
    let suite = try ScenarioSuite(library: projectLibrary, names: names, overrides: overrides)
    let entries = try suite.run(options: RunOptions(threads: 1))
    #expect(entries.map(\.scenario.name) == names)
    for entry in entries {
      let run = try #require(entry.run)
      #expect(run.scenario.paths == 32)
      #expect(entry.check.failures == ScenarioCheck(run).failures)
    }
    let text = ScenarioSuite.validationText(entries)
    #expect(text.hasPrefix("scenario "))
    #expect(text.contains("\nhub_only_11 "))
    let failed = entries.filter { !$0.check.passed && !$0.check.inconclusive }.count
    let undecided = entries.filter(\.check.inconclusive).count
    var closing =
      failed == 0 ? "validate: \(2 - undecided) scenario(s) pass" : "validate: \(failed) of 2 scenario(s) FAIL"
    if undecided > 0 { closing += ", \(undecided) INCONCLUSIVE (more paths would decide them)" }
    #expect(text.hasSuffix(closing))
  }

  @Test func zeroLiquidationsInFewPathsAreInconclusiveNotAPass() throws {
    // 0 of 32 paths: the Wilson upper bound 3.84/35.84 = 10.7% straddles the 1% gate.
    let suite = try ScenarioSuite(library: projectLibrary, names: ["crash_40pct_external_asset"], overrides: overrides)
    let entry = try #require(try suite.run(options: RunOptions(threads: 1)).first)
    let run = try #require(entry.run)
    #expect(run.scorecard.liquidationProbability == 0)
    let gate = try #require(
      GateReport(run.scorecard, policy: run.scenario.policy).checks.first {
        $0.gate == "liquidation_probability"
      })
    #expect(gate.verdict == .inconclusive)
    // With no event the Wilson bound falls below 1% once z²(1 - t)/t paths have run: 381 at 95%.
    #expect(gate.pathsToDecide == 381)
    #expect(entry.check.inconclusive && !entry.check.passed)
    #expect(ScenarioSuite.validationText([entry]).contains("UNDECIDED"))
  }

  @Test func aRoutingOnlyScenarioShowsDashesForTheCapitalFigures() throws {
    let suite = try ScenarioSuite(library: projectLibrary, names: ["hub_only_11"], overrides: overrides)
    let row = try #require(try suite.run(options: RunOptions(threads: 1)).first).validationRow
    #expect(row[2...4] == ["-", "-", "-"])
    #expect(row[5].hasPrefix("routing only"))
  }

  @Test func theFilterKeepsOnlyTheScenariosItAccepts() throws {
    let suite = try ScenarioSuite(library: projectLibrary, overrides: overrides, including: { $0.capital != nil })
    #expect(!suite.scenarios.isEmpty)
    #expect(suite.scenarios.allSatisfy { $0.capital != nil })
    #expect(!suite.scenarios.map(\.name).contains("hub_only_11"))
    #expect(suite.scenarios.allSatisfy { $0.paths == 32 })
  }

  @Test func anUnknownScenarioIsAConfigErrorBeforeAnythingRuns() {
    #expect(throws: ConfigError.self) {
      try ScenarioSuite(library: projectLibrary, names: ["crash_40pct_external_asset", "no_such_scenario"])
    }
  }

  @Test func anOptimizerScenarioRunsItsSweepUnlessAskedForAPlainRun() throws {
    let name = "leverage_sweep_1x_to_4x"
    let suite = try ScenarioSuite(library: projectLibrary, names: [name], overrides: overrides)
    let s = try #require(suite.scenarios.first)
    try #require(s.optimizerByDefault)
    #expect(try suite.run(s, options: RunOptions(threads: 1), sweeps: false).sweep == nil)
    let entry = try suite.run(s, options: RunOptions(threads: 1))
    let sweep = try #require(entry.sweep)
    #expect(entry.check.passed == (sweep.best(deployable: true) != nil))
    #expect(entry.summaryRow[0].hasPrefix(name))
  }
}
