/// A scorecard held against the policy gates (MODEL.md section 5).
public struct GateReport: Sendable, Equatable {
  /// One failed gate: its name and a sentence saying by how much.
  public struct Failure: Sendable, Equatable {
    public let gate: String
    public let detail: String
  }

  public let failures: [Failure]
  public var passed: Bool { failures.isEmpty }

  /// Evaluates the run-quality gates, and for optimizer candidates the
  /// deployable leverage cap (`leverageCap`, nil to skip).
  public init(_ card: Scorecard, policy: Policy, leverage: Double? = nil, leverageCap: Double? = nil) {
    var f: [Failure] = []
    let g = policy.gates
    func check(_ name: String, _ value: Double, _ limit: Double) {
      if value > limit {
        f.append(
          Failure(gate: name, detail: "\(name) \(formatFixed(value, digits: 4)) > \(formatFixed(limit, digits: 4))"))
      }
    }
    check("max_drawdown_p95", card.maxDrawdownP95, g.maxDrawdownP95)
    check("liquidation_probability", card.liquidationProbability, g.liquidationProbability)
    check("peg_deviation_frequency", card.pegDeviationFrequency, g.pegDeviationFrequency)
    check(
      "external_liquidity_floor_violations", card.externalLiquidityFloorViolations, g.externalLiquidityFloorViolations)
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
