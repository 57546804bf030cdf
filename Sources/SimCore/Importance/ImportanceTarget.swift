import Foundation

/// The rare event an automatic tilt aims at (`--importance-target`): each has
/// a continuous score per path and a level the score reaches on the event, so
/// the cross-entropy rounds can climb towards it through less rare events.
public enum ImportanceTarget: Sendable, Equatable, CustomStringConvertible {
  /// The book is liquidated (score: peak LTV over the liquidation threshold, level 1).
  case liquidation
  /// The liquidation leaves bad debt (score: peak LTV, level 1: debt above the collateral).
  case badDebt
  /// The maximum drawdown exceeds the fraction (score: the drawdown).
  case drawdown(above: Double)
  /// The ROI falls below the value (score: -ROI, level -value).
  case roi(below: Double)

  /// The names `parse` accepts, for error messages and help.
  public static let forms = "liquidation, bad_debt, drawdown>X (0 < X < 1), roi<X (-1 < X < 1)"

  /// Parses `liquidation`, `bad_debt`, `drawdown>0.25` or `roi<-0.1`; nil otherwise.
  public static func parse(_ text: String) -> ImportanceTarget? {
    let t = text.replacingOccurrences(of: " ", with: "")
    switch t {
    case "liquidation": return .liquidation
    case "bad_debt": return .badDebt
    default: break
    }
    if t.hasPrefix("drawdown>"), let x = Double(t.dropFirst("drawdown>".count)), x > 0, x < 1 {
      return .drawdown(above: x)
    }
    if t.hasPrefix("roi<"), let x = Double(t.dropFirst("roi<".count)), x > -1, x < 1 { return .roi(below: x) }
    return nil
  }

  public var description: String {
    switch self {
    case .liquidation: "liquidation"
    case .badDebt: "bad_debt"
    case .drawdown(let x): "drawdown>\(x)"
    case .roi(let x): "roi<\(x)"
    }
  }

  /// The scorecard field whose probability this target is (what the diagnostics are about).
  public var probabilityField: String {
    switch self {
    case .liquidation: "liquidation_probability"
    case .badDebt: "bad_debt_probability"
    case .drawdown, .roi: "target_probability"
    }
  }

  /// The path's score: the event is `score >= level`, or `isEvent` exactly.
  func score(_ r: PathRecord, liquidationThreshold: Double) -> Double {
    switch self {
    case .liquidation:
      r.liquidated ? max(1, r.peakLoanToValue / liquidationThreshold) : r.peakLoanToValue / liquidationThreshold
    case .badDebt: r.badDebt > 0 ? max(1, r.peakLoanToValue) : min(r.peakLoanToValue, 1 - 1e-12)
    case .drawdown: r.maxDrawdown
    case .roi: -r.roi
    }
  }

  /// The score level of the event.
  var level: Double {
    switch self {
    case .liquidation, .badDebt: 1
    case .drawdown(let x): x
    case .roi(let x): -x
    }
  }

  /// Whether the path has the event.
  func isEvent(_ r: PathRecord) -> Bool {
    switch self {
    case .liquidation: r.liquidated
    case .badDebt: r.badDebt > 0
    case .drawdown(let x): r.maxDrawdown > x
    case .roi(let x): r.roi < x
    }
  }
}
