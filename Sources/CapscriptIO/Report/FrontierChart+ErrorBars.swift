import SimCore

extension FrontierChart {
  /// The bounds of a candidate's interval for `metric` (none when it has no interval).
  static func bounds(_ c: CandidateSummary, _ metric: String) -> [Double] {
    c.intervals[metric].map { [$0.lower, $0.upper] } ?? []
  }

  /// How the liquidation gate decided a candidate, from its failed gates:
  /// `pass`, `fail` (the whole interval above the gate) or `inconclusive`.
  static func liquidationVerdict(_ c: CandidateSummary) -> GateReport.Verdict {
    guard let f = c.failedGates.first(where: { $0.gate == "liquidation_probability" }) else { return .pass }
    return f.inconclusive ? .inconclusive : .fail
  }

  /// One `g.errorbar` per candidate with intervals: a vertical bar over the
  /// mean ROI's interval and a horizontal bar over the liquidation
  /// probability's, coloured by that gate's verdict against the gate line (a
  /// side the sample cannot bound runs to the plot's edge, `xMax` on the
  /// probability axis), each with end caps.
  /// Drawn under the points, so the points keep their colours.
  /// - Complexity: O(candidates).
  func errorBars(x: (Double) -> Double, xMax: Double, y: SVG.Scale) -> String {
    var out = "<g class=\"errorbars\">"
    for c in candidates {
      guard let roi = c.intervals["roi_mean"], let liq = c.intervals["liquidation_probability"] else { continue }
      let px = x(c["liquidation_probability"])
      let py = y(c["roi_mean"])
      // Clamp to the axes: an unbounded side ends at the plot's edge.
      func yClamped(_ v: Double) -> Double { y(min(max(v, y.domain.lo), y.domain.hi)) }
      func xClamped(_ v: Double) -> Double { x(min(max(v, 0), xMax)) }
      let (y0, y1) = (yClamped(roi.lower), yClamped(roi.upper))
      let (x0, x1) = (xClamped(liq.lower), xClamped(liq.upper))
      let verdict = Self.liquidationVerdict(c)
      let tip =
        "\(c.label): mean ROI \(IntervalFormat.percent(c["roi_mean"], roi)), liquidation probability "
        + "\(IntervalFormat.percent(c["liquidation_probability"], liq)); liquidation gate: \(verdict.rawValue)"
      out +=
        "<g class=\"errorbar\" data-candidate=\"\(c.index)\"><title>\(SVG.escape(tip))</title>"
        + line("roi", px, y0, px, y1) + line("roi cap", px - 4, y0, px + 4, y0)
        + line("roi cap", px - 4, y1, px + 4, y1)
        + line("liquidation liq-\(verdict.rawValue)", x0, py, x1, py)
        + line("liquidation cap liq-\(verdict.rawValue)", x0, py - 4, x0, py + 4)
        + line("liquidation cap liq-\(verdict.rawValue)", x1, py - 4, x1, py + 4) + "</g>"
    }
    return out + "</g>"
  }

  /// One SVG line of the class `className` from (x1, y1) to (x2, y2).
  func line(_ className: String, _ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double) -> String {
    "<line class=\"\(className)\" x1=\"\(SVG.n(x1))\" y1=\"\(SVG.n(y1))\" x2=\"\(SVG.n(x2))\" y2=\"\(SVG.n(y2))\"/>"
  }
}
