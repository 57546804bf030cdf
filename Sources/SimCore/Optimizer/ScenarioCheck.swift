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
  /// Sentences that do not fail the scenario but a reviewer should read (a
  /// scenario that relies on PMM income).
  public let warnings: [String]

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
    warnings = Self.incomeWarnings(card, policy: result.scenario.policy)
  }

  /// The warning `validate` gives when a scenario relies on PMM income: its
  /// mean PnL is positive only because of market making (without that term
  /// it would be zero or negative). The public PMM is peg support, not the
  /// profit engine.
  static func incomeWarnings(_ card: Scorecard, policy: Policy) -> [String] {
    guard card.hasCapital else { return [] }
    let mm = card.pnlAttribution.marketMaking
    let pnl = card.pnlAttribution.total
    guard mm > 0, pnl > 0, pnl - mm <= 0 else { return [] }
    return [
      "relies on PMM income: without market making (\(formatUSD(mm)) USD/path) the mean PnL would be \(formatUSD(pnl - mm)) USD/path; market_making_share \(formatFixed(card.marketMakingShare, digits: 4)) (policy: marketMakingShareCap \(JSONText.number(policy.marketMakingShareCap)); the public PMM is peg support, not the profit engine)"
    ]
  }

  /// An optimizer scenario passes when its sweep has a deployable candidate.
  public init(_ sweep: SweepResult) {
    scenario = sweep.base.name
    failures = sweep.best(deployable: true) == nil ? ["no candidate passes every policy gate"] : []
    inconclusive = false
    warnings = []
  }
}
