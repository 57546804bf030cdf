/// A scorecard held against the policy gates (MODEL.md section 5).
public struct GateReport: Sendable, Equatable {
  /// A gate that did not pass: its name, a sentence saying by how much, and
  /// whether it is undecided (its interval straddles the limit) rather than failed.
  public struct Failure: Sendable, Equatable {
    public let gate: String
    public let detail: String
    public let inconclusive: Bool
    /// For an undecided gate: about how many paths would decide it, when that can be said.
    public let pathsToDecide: Int?

    public init(gate: String, detail: String, inconclusive: Bool = false, pathsToDecide: Int? = nil) {
      self.gate = gate
      self.detail = detail
      self.inconclusive = inconclusive
      self.pathsToDecide = pathsToDecide
    }
  }

  /// How a gate is decided: on the whole interval of its field.
  public enum Verdict: String, Sendable, Equatable {
    /// The whole interval is at or below the limit.
    case pass
    /// The whole interval is above the limit.
    case fail
    /// The interval straddles the limit: more paths would decide it.
    case inconclusive
  }

  /// One run-quality gate held against the scorecard: the field it limits,
  /// the field's value, its interval, and the limit it may not exceed.
  public struct Check: Sendable, Equatable {
    public let gate: String
    public let value: Double
    public let limit: Double
    /// The field's interval at the scorecard's confidence (nil: decided on the value alone).
    public let interval: Interval?
    /// About how many paths would decide an inconclusive gate (nil when decided).
    public let pathsToDecide: Int?

    public var verdict: Verdict {
      guard let interval else { return value > limit ? .fail : .pass }
      if !(interval.upper > limit) { return .pass }
      if interval.lower > limit { return .fail }
      return .inconclusive
    }

    /// Only a pass counts: a failed or inconclusive gate is not passed.
    public var passed: Bool { verdict == .pass }
  }

  /// Every run-quality gate, passed or not, in policy order.
  public let checks: [Check]
  public let failures: [Failure]
  public var passed: Bool { failures.isEmpty }

  /// Evaluates the run-quality gates (with market making's share of the gross
  /// return against `marketMakingShareCap`), the policy's target spread band
  /// on the spreads the run was made with, and for optimizer candidates the
  /// deployable leverage cap (`leverageCap`, nil to skip).
  public init(_ card: Scorecard, policy: Policy, leverage: Double? = nil, leverageCap: Double? = nil) {
    let g = policy.gates
    checks = [
      ("max_drawdown_p95", card.maxDrawdownP95, g.maxDrawdownP95),
      ("liquidation_probability", card.liquidationProbability, g.liquidationProbability),
      ("peg_deviation_frequency", card.pegDeviationFrequency, g.pegDeviationFrequency),
      (
        "external_liquidity_floor_violations", card.externalLiquidityFloorViolations, g.externalLiquidityFloorViolations
      ),
      (Scorecard.marketMakingShareName, card.marketMakingShare, policy.marketMakingShareCap),
    ].map { gate, value, limit in Self.check(card, gate: gate, value: value, limit: limit) }
    var f: [Failure] = checks.compactMap { c in
      switch c.verdict {
      case .pass: return nil
      case .fail:
        return Failure(
          gate: c.gate, detail: "\(c.gate) \(formatFixed(c.value, digits: 4)) > \(formatFixed(c.limit, digits: 4))")
      case .inconclusive:
        let ci = c.interval ?? .unbounded
        let more = c.pathsToDecide.map { "; about \($0) paths would decide it" } ?? ""
        return Failure(
          gate: c.gate,
          detail:
            "\(c.gate) inconclusive: \(formatFixed(c.value, digits: 4)) [\(formatFixed(ci.lower, digits: 4)), \(formatFixed(ci.upper, digits: 4))] straddles \(formatFixed(c.limit, digits: 4))\(more)",
          inconclusive: true, pathsToDecide: c.pathsToDecide)
      }
    }
    if let p = card.capitalInputs {
      f += policy.spreadViolations(targetSpreadBps: p.targetSpreadBps, spreadCeilingBps: p.spreadCeilingBps).map {
        Failure(gate: "target_spread_band", detail: $0)
      }
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

  /// Whether every gate that did not pass is only undecided (none failed).
  public var onlyInconclusive: Bool { !failures.isEmpty && failures.allSatisfy(\.inconclusive) }

  /// The check of one gate, with its interval and, when it is undecided, the paths that would decide it.
  static func check(_ card: Scorecard, gate: String, value: Double, limit: Double) -> Check {
    let decided = Check(gate: gate, value: value, limit: limit, interval: card.intervals[gate], pathsToDecide: nil)
    guard decided.verdict == .inconclusive, let interval = decided.interval else { return decided }
    let n = card.provenance.paths
    let paths =
      gate == "liquidation_probability" && card.importance == nil
      // A Wilson interval: the events are the probability times the paths, exactly (not under importance sampling).
      ? ProportionEstimate(events: Int((value * Double(n)).rounded()), trials: n).pathsToDecide(
        threshold: limit, confidence: card.confidence)
      : PathsToDecide.scaling(estimate: value, interval: interval, threshold: limit, paths: n)
    return Check(gate: gate, value: value, limit: limit, interval: interval, pathsToDecide: paths)
  }

  /// The penalised objective: roi_mean - wLiq*liq - wDD*dd_p95 - wPeg*peg.
  public static func score(_ card: Scorecard, weights w: Policy.ObjectiveWeights) -> Double {
    card.roiMean - w.liquidation * card.liquidationProbability - w.drawdown * card.maxDrawdownP95
      - w.peg * card.pegDeviationFrequency
  }
}
