import Foundation
public import SimCore

extension PrecisionReport {
  /// One line per target for the terminal table, e.g.
  /// `until liquidation_probability:rse<0.1  met (rse 0.0987) at 2,816 paths (budget 1,000,000)`.
  public var text: String {
    targets.map { t in
      let measure: String =
        switch t.target {
        case .relativeStandardError: "rse \(Self.number(t.value))"
        case .halfWidth: "half-width \(Self.number(t.value))"
        case .gates: "\(Int(t.value)) gate(s) inconclusive"
        }
      let verdict = t.met ? "met" : "NOT met"
      return "until \(t.target)  \(verdict) (\(measure)) at \(paths) paths (budget \(maxPaths))"
    }.joined(separator: "\n") + "\n"
  }

  static func number(_ x: Double) -> String { x.isFinite ? String(format: "%.3g", x) : "unbounded" }

  /// The first target's state for a progress line: its field's estimate and
  /// interval and the measure against the bound, e.g.
  /// `liquidation_probability 0.0352 [0.0310, 0.0398] rse 0.12 (< 0.1)`.
  public func progressText(_ card: Scorecard) -> String {
    guard let first = targets.first else { return "" }
    let measure =
      switch first.target {
      case .relativeStandardError(_, let x): "rse \(Self.number(first.value)) (< \(Self.number(x)))"
      case .halfWidth(_, let x): "half-width \(Self.number(first.value)) (< \(Self.number(x)))"
      case .gates: "\(Int(first.value)) gate(s) inconclusive"
      }
    guard let field = first.target.field, let value = card.scalar(field) else { return measure }
    return "\(field) \(IntervalFormat.number(value, card.intervals[field], fallback: 4)) \(measure)"
  }
}
