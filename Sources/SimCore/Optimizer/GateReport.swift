/// A scorecard held against the policy gates (MODEL.md section 5).
public struct GateReport: Sendable, Equatable {
  /// One failed gate: its name and a sentence saying by how much.
  public struct Failure: Sendable, Equatable {
    public let gate: String
    public let detail: String
  }

  /// One run-quality gate held against the scorecard: the field it limits,
  /// the field's value and the limit it may not exceed.
  public struct Check: Sendable, Equatable {
    public let gate: String
    public let value: Double
    public let limit: Double
    public var passed: Bool { !(value > limit) }
  }

  /// Every run-quality gate, passed or not, in policy order.
  public let checks: [Check]
  public let failures: [Failure]
  public var passed: Bool { failures.isEmpty }

  /// Evaluates the run-quality gates, and for optimizer candidates the
  /// deployable leverage cap (`leverageCap`, nil to skip).
  public init(_ card: Scorecard, policy: Policy, leverage: Double? = nil, leverageCap: Double? = nil) {
    let g = policy.gates
    checks = [
      Check(gate: "max_drawdown_p95", value: card.maxDrawdownP95, limit: g.maxDrawdownP95),
      Check(gate: "liquidation_probability", value: card.liquidationProbability, limit: g.liquidationProbability),
      Check(gate: "peg_deviation_frequency", value: card.pegDeviationFrequency, limit: g.pegDeviationFrequency),
      Check(
        gate: "external_liquidity_floor_violations", value: card.externalLiquidityFloorViolations,
        limit: g.externalLiquidityFloorViolations),
    ]
    var f = checks.filter { !$0.passed }.map {
      Failure(
        gate: $0.gate, detail: "\($0.gate) \(formatFixed($0.value, digits: 4)) > \(formatFixed($0.limit, digits: 4))")
    }
    if let leverage, let leverageCap, leverage > leverageCap {
      f.append(
        Failure(
          gate: "deployable_leverage",
          detail:
            "leverage \(JSONText.number(leverage))x > deployable cap \(JSONText.number(leverageCap))x (needs audit engagement and governance approval)"
        ))
    }
    failures = f
  }

  /// The penalised objective: roi_mean - wLiq*liq - wDD*dd_p95 - wPeg*peg.
  public static func score(_ card: Scorecard, weights w: Policy.ObjectiveWeights) -> Double {
    card.roiMean - w.liquidation * card.liquidationProbability - w.drawdown * card.maxDrawdownP95
      - w.peg * card.pegDeviationFrequency
  }
}
