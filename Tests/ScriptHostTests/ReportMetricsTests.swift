import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// The exposition of a capital run, a coupled run and a routing-only run.
func sampleExposition() throws -> (text: String, results: [RunResult]) {
  let results = [
    try runScenario("bank_run_redemption_spike", [("paths", .number(200))]),
    try runScenario("chain138_deployed_capital_efficiency", [("paths", .number(6)), ("epochs", .number(15))]),
    try runScenario("hub_only_11", [("paths", .number(6)), ("epochs", .number(15))]),
  ]
  return (OpenMetrics.text(results.map(OpenMetrics.Entry.init)), results)
}

@Suite struct OpenMetricsExport {
  @Test func everyLineIsMetadataOrALabelledSampleAndTheTextEndsWithEOF() throws {
    let (text, _) = try sampleExposition()
    #expect(text.hasSuffix("\n# EOF\n"))
    var families: [String] = []
    var metadata: [String: Set<String>] = [:]
    for line in text.split(separator: "\n").dropLast() {
      if line.hasPrefix("# ") {
        let parts = line.split(separator: " ", maxSplits: 3)
        let kind = String(parts[1])
        let name = String(parts[2])
        #expect(["TYPE", "HELP", "UNIT"].contains(kind))
        #expect(name.hasPrefix("capscript_"))
        if families.last != name {
          #expect(!families.contains(name), "family \(name) is not contiguous")
          families.append(name)
        }
        metadata[name, default: []].insert(kind)
        if kind == "TYPE" { #expect(parts[3] == "gauge") }
        if kind == "UNIT" { #expect(name.hasSuffix("_" + parts[3])) }
        continue
      }
      let name = String(line.prefix { $0 != "{" })
      #expect(name == families.last, "sample \(name) outside its family")
      #expect(line.dropFirst(name.count).hasPrefix("{scenario=\""))
      let value = line.split(separator: " ").last.map(String.init) ?? ""
      #expect(Double(value) != nil || ["NaN", "+Inf", "-Inf"].contains(value), "bad value in \(line)")
    }
    for f in families { #expect(metadata[f]!.isSuperset(of: ["TYPE", "HELP"]), "\(f) lacks TYPE or HELP") }
  }

  @Test func valuesRoundTripAndFollowTheRunKind() throws {
    let (text, results) = try sampleExposition()
    func sample(_ name: String, _ labels: String) -> Double? {
      let prefix = "\(name){\(labels)} "
      return text.split(separator: "\n").first { $0.hasPrefix(prefix) }.flatMap { Double($0.dropFirst(prefix.count)) }
    }
    let bank = results[0].scorecard
    #expect(sample("capscript_roi_ratio", "scenario=\"bank_run_redemption_spike\",statistic=\"mean\"") == bank.roiMean)
    #expect(sample("capscript_roi_ratio", "scenario=\"bank_run_redemption_spike\",statistic=\"p05\"") == bank.roiP05)
    #expect(sample("capscript_max_drawdown_p95_ratio", "scenario=\"bank_run_redemption_spike\"") == bank.maxDrawdownP95)
    #expect(
      sample("capscript_external_liquidity_floor_violations", "scenario=\"bank_run_redemption_spike\"")
        == bank.externalLiquidityFloorViolations)
    #expect(
      sample("capscript_intervention_drag_usd", "scenario=\"bank_run_redemption_spike\"")
        == bank.pnlAttribution.interventionDrag)
    #expect(!text.contains("capscript_pmm_capture_ratio{scenario=\"bank_run_redemption_spike\""))
    // A coupled run has both blocks; a routing-only run has the PMM block alone.
    let coupled = try #require(results[1].scorecard.routing)
    #expect(
      sample("capscript_pmm_capture_ratio", "scenario=\"chain138_deployed_capital_efficiency\"") == coupled.capture)
    #expect(
      sample("capscript_roi_ratio", "scenario=\"chain138_deployed_capital_efficiency\",statistic=\"mean\"") != nil)
    let hub = try #require(results[2].scorecard.routing)
    #expect(!text.contains("capscript_roi_ratio{scenario=\"hub_only_11\""))
    let worst = hub.pools[hub.worstByInterventionCost[0]]
    #expect(
      sample("capscript_pmm_worst_pool_intervention_cost_usd", "scenario=\"hub_only_11\",pool=\"\(worst.id)\"")
        == worst.interventionCost)
    #expect(
      text.split(separator: "\n").filter {
        $0.hasPrefix("capscript_pmm_pool_intervention_cost_usd{scenario=\"hub_only_11\"")
      }.count == hub.pools.count)
  }

  @Test func boundsBracketEveryPointWithThePointsLabels() throws {
    let (text, results) = try sampleExposition()
    var samples: [String: Double] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: " ")
      samples[String(parts[0])] = parts[1] == "+Inf" ? .infinity : parts[1] == "-Inf" ? -.infinity : Double(parts[1])
    }
    let bank = results[0].scorecard
    let scenario = "scenario=\"bank_run_redemption_spike\""
    // Every exported figure with an interval, by its series and its scorecard interval.
    let expected: [(String, String, Interval?)] = [
      ("capscript_roi_ratio", scenario + ",statistic=\"mean\"", bank.intervals["roi_mean"]),
      ("capscript_roi_ratio", scenario + ",statistic=\"p05\"", bank.intervals["roi_p05"]),
      ("capscript_roi_ratio", scenario + ",statistic=\"p95\"", bank.intervals["roi_p95"]),
      ("capscript_max_drawdown_p95_ratio", scenario, bank.intervals["max_drawdown_p95"]),
      ("capscript_liquidation_probability_ratio", scenario, bank.intervals["liquidation_probability"]),
      ("capscript_peg_deviation_frequency_ratio", scenario, bank.intervals["peg_deviation_frequency"]),
      ("capscript_intervention_drag_usd", scenario, bank.attributionIntervals["intervention_drag"]),
      (
        "capscript_external_liquidity_floor_violations", scenario, bank.intervals["external_liquidity_floor_violations"]
      ),
      ("capscript_volatility_throttle_events", scenario, bank.intervals["volatility_throttle_events"]),
      ("capscript_spread_adjustment_events", scenario, bank.intervals["spread_adjustment_events"]),
      ("capscript_deleverage_events", scenario, bank.intervals["deleverage_events"]),
    ]
    for (name, labels, interval) in expected {
      let ci = try #require(interval, "\(name) has no interval")
      let lowerName = try #require(OpenMetrics.boundMetric(name, "lower"))
      let upperName = try #require(OpenMetrics.boundMetric(name, "upper"))
      let point = try #require(samples["\(name){\(labels)}"], "no \(name){\(labels)}")
      let lower = try #require(samples["\(lowerName){\(labels)}"], "no \(lowerName){\(labels)}")
      let upper = try #require(samples["\(upperName){\(labels)}"], "no \(upperName){\(labels)}")
      #expect(lower == ci.lower && upper == ci.upper, "\(name)")
      #expect(lower <= point && point <= upper, "\(name): \(lower) <= \(point) <= \(upper)")
    }
    // The bound goes before the unit, which must end the name.
    #expect(OpenMetrics.boundMetric("capscript_roi_ratio", "upper") == "capscript_roi_upper_ratio")
    #expect(OpenMetrics.boundMetric("capscript_deleverage_events", "lower") == "capscript_deleverage_events_lower")
    #expect(OpenMetrics.boundMetric("capscript_leverage", "lower") == nil)
    #expect(samples["capscript_interval_confidence_ratio{\(scenario)}"] == 0.95)
    // A routing-only run has no intervals, so no bound series.
    #expect(!text.contains("_lower_ratio{scenario=\"hub_only_11\""))
  }

  @Test func labelValuesAndSpecialNumbersAreEscaped() {
    #expect(OpenMetrics.escape("a\"b\\c\nd") == "a\\\"b\\\\c\\nd")
    #expect(OpenMetrics.number(.nan) == "NaN")
    #expect(OpenMetrics.number(-.infinity) == "-Inf")
    #expect(OpenMetrics.number(3) == "3")
    #expect(Double(OpenMetrics.number(0.1 + 0.2)) == 0.1 + 0.2)
  }

  @Test(.enabled(if: executable("promtool") != nil, "needs promtool (Debian package prometheus)"))
  func promtoolAcceptsTheExposition() throws {
    let (text, _) = try sampleExposition()
    let r = try runProcess(executable("promtool")!, ["check", "metrics"], input: text)
    #expect(r.status == 0, "\(r.output)")
    #expect(r.output.isEmpty, "lint findings: \(r.output)")
  }
}

@Suite struct AlertRulesFromPolicy {
  @Test func oneRulePerGateWithThePolicyThresholds() {
    var policy = Policy()
    policy.gates.liquidationProbability = 0.02
    policy.gates.maxDrawdownP95 = 0.3
    let rules = AlertRules.rules(policy: policy, leverageCap: 3)
    // A gate with an interval fails on its lower bound and is inconclusive on its upper one;
    // the peg pool's deviation has no interval and alerts on the figure.
    #expect(
      rules.map(\.expr) == [
        "capscript_max_drawdown_p95_lower_ratio > 0.3",
        "capscript_max_drawdown_p95_upper_ratio > 0.3 and capscript_max_drawdown_p95_lower_ratio <= 0.3",
        "capscript_liquidation_probability_lower_ratio > 0.02",
        "capscript_liquidation_probability_upper_ratio > 0.02 and capscript_liquidation_probability_lower_ratio <= 0.02",
        "capscript_peg_deviation_frequency_lower_ratio > 0.05",
        "capscript_peg_deviation_frequency_upper_ratio > 0.05 and capscript_peg_deviation_frequency_lower_ratio <= 0.05",
        "capscript_pmm_peg_deviation_frequency_ratio > 0.05",
        "capscript_external_liquidity_floor_violations_lower > 30",
        "capscript_external_liquidity_floor_violations_upper > 30 and capscript_external_liquidity_floor_violations_lower <= 30",
        "capscript_leverage > 3",
      ])
    #expect(
      rules.map(\.severity) == [
        "critical", "warning", "critical", "warning", "critical", "warning", "critical",
        "critical", "warning", "warning",
      ])
    let yaml = AlertRules.yaml(policy: policy, leverageCap: 3)
    #expect(yaml.components(separatedBy: "\n      - alert: ").count - 1 == rules.count)
    #expect(yaml.contains("policy_hash: \"\(policy.contentHash)\""))
  }

  @Test func everyRuleNamesAMetricTheExportWrites() throws {
    let (text, _) = try sampleExposition()
    for rule in AlertRules.rules(policy: Policy(), leverageCap: 1.5) {
      for metric in rule.expr.split(separator: " ").filter({ $0.hasPrefix("capscript_") }) {
        #expect(text.contains("# TYPE \(metric) gauge"), "\(rule.alert) watches \(metric), which is not exported")
      }
    }
  }

  @Test(.enabled(if: executable("promtool") != nil, "needs promtool (Debian package prometheus)"))
  func promtoolAcceptsTheRulesAndTheyFireOnlyAboveTheGate() throws {
    let dir = try temporaryFolder("report")
    defer { removeFolder(dir) }
    let policy = Policy()
    try AlertRules.yaml(policy: policy, leverageCap: 1.5).write(
      toFile: dir + "/rules.yml", atomically: true, encoding: .utf8)
    let check = try runProcess(executable("promtool")!, ["check", "rules", dir + "/rules.yml"])
    #expect(check.status == 0, "\(check.output)")
    #expect(check.output.contains("SUCCESS: 10 rules found"))
    // A unit test for promtool, on the verdict GateReport gives against the 1% gate: the
    // critical alert fires when the whole interval is above it (risky), the warning when the
    // interval straddles it (undecided, though its point is below the gate), neither when
    // the whole interval is below it (safe).
    let rules = AlertRules.rules(policy: policy, leverageCap: 1.5)
    let fail = rules[2]
    let undecided = rules[3]
    #expect(fail.alert == "CapscriptLiquidationProbabilityAboveGate")
    #expect(undecided.alert == "CapscriptLiquidationProbabilityGateInconclusive")
    func series(_ scenario: String, point: Double, lower: Double, upper: Double) -> String {
      [("", point), ("_lower", lower), ("_upper", upper)].map { suffix, v in
        """
              - series: 'capscript_liquidation_probability\(suffix)_ratio{scenario="\(scenario)"}'
                values: '\(v)x3'
        """
      }.joined(separator: "\n")
    }
    let test = """
      rule_files: [rules.yml]
      evaluation_interval: 1m
      tests:
        - interval: 1m
          input_series:
      \(series("risky", point: 0.03, lower: 0.02, upper: 0.04))
      \(series("undecided", point: 0.009, lower: 0.005, upper: 0.015))
      \(series("safe", point: 0.002, lower: 0.001, upper: 0.008))
          alert_rule_test:
            - eval_time: 2m
              alertname: \(fail.alert)
              exp_alerts:
                - exp_labels: {severity: critical, policy_hash: "\(policy.contentHash)", scenario: risky}
                  exp_annotations:
                    summary: "liquidation probability above the policy gate for risky"
                    description: "capscript_liquidation_probability_lower_ratio is 0.02: the whole confidence interval is above the policy gate of 0.01 (gates.liquidationProbability)."
            - eval_time: 2m
              alertname: \(undecided.alert)
              exp_alerts:
                - exp_labels: {severity: warning, policy_hash: "\(policy.contentHash)", scenario: undecided}
                  exp_annotations:
                    summary: "liquidation probability undecided against the policy gate for undecided"
                    description: "capscript_liquidation_probability_upper_ratio is 0.015: the confidence interval straddles the policy gate of 0.01 (gates.liquidationProbability); more paths would decide it."

      """
    try test.write(toFile: dir + "/test.yml", atomically: true, encoding: .utf8)
    let run = try runProcess(executable("promtool")!, ["test", "rules", dir + "/test.yml"])
    #expect(run.status == 0, "\(run.output)")
  }
}
