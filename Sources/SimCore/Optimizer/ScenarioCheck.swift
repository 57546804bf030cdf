/// A run held against the policy gates and the scenario's own `expect` block:
/// what `capscript validate` reports per scenario.
public struct ScenarioCheck: Sendable {
  public let scenario: String
  /// Every failed gate or expectation, as a sentence naming the field.
  public let failures: [String]
  public var passed: Bool { failures.isEmpty }
  /// Whether nothing failed outright and some gate is only undecided (its
  /// interval straddles the limit): `capscript validate` exits 3 then, not 1.
  public let inconclusive: Bool

  public init(_ result: RunResult) {
    let card = result.scorecard
    let gates = GateReport(card, policy: result.scenario.policy)
    var out = gates.failures.map { "gate \($0.detail)" }
    var failedExpectation = false
    for e in result.scenario.expectations {
      guard let value = card.scalar(e.field), !e.holds(for: value) else { continue }
      var bounds: [String] = []
      if let lo = e.min { bounds.append(">= \(JSONText.number(lo))") }
      if let hi = e.max { bounds.append("<= \(JSONText.number(hi))") }
      out.append("expect \(e.field) \(bounds.joined(separator: " and ")), got \(formatFixed(value, digits: 4))")
      failedExpectation = true
    }
    scenario = result.scenario.name
    failures = out
    inconclusive = !failedExpectation && gates.onlyInconclusive
  }

  /// An optimizer scenario passes when its sweep has a deployable candidate.
  public init(_ sweep: SweepResult) {
    scenario = sweep.base.name
    failures = sweep.best(deployable: true) == nil ? ["no candidate passes every policy gate"] : []
    inconclusive = false
  }
}
