import SimCore

/// A sweep's frontier: each candidate's mean ROI against its liquidation
/// probability, the deployable region shaded (liquidation probability at or
/// below the gate), each candidate labelled and coloured by its verdict, with
/// error bars for both intervals (`FrontierChart+ErrorBars.swift`).
struct FrontierChart {
  /// How a candidate stands against the policy.
  enum Verdict: String {
    /// Every gate passes and leverage is within the deployable cap.
    case deployable
    /// Within the liquidation gate, but another gate or the leverage cap blocks it.
    case blocked
    /// Liquidation probability above the gate.
    case outside
  }

  var title: String
  var candidates: [CandidateSummary]
  var pareto: Set<Int>
  var liquidationGate: Double
  var leverageCap: Double

  static func verdict(_ c: CandidateSummary, gate: Double) -> Verdict {
    if c.deployable { return .deployable }
    return c["liquidation_probability"] <= gate ? .blocked : .outside
  }

  /// Probabilities span orders of magnitude, so the x axis is a square-root
  /// scale: a 1% gate stays visible beside a 20% candidate.
  static func sqrtTicks(upTo hi: Double) -> [Double] {
    [0, 0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1].filter {
      $0 <= hi * 1.0001
    }
  }

  /// - Complexity: O(candidates²) for label placement.
  var svg: String {
    let frame = SVG.Frame(width: 1120, height: 420, left: 70, right: 170)
    var out = SVG.open(frame, className: "frontier", title: title)
    // The axes hold the error bars too (their bounded sides).
    let liq = candidates.flatMap { [$0["liquidation_probability"]] + Self.bounds($0, "liquidation_probability") }
      .filter(\.isFinite)
    let roi = candidates.flatMap { [$0["roi_mean"]] + Self.bounds($0, "roi_mean") }.filter(\.isFinite)
    guard let liqMax = liq.max(), let roiMin = roi.min(), let roiMax = roi.max() else { return out + "</svg>" }
    let xHi = max(liqMax, liquidationGate * 2, 0.001) * 1.05
    let xs = SVG.Scale(0, xHi.squareRoot(), to: frame.left, frame.left + frame.plotWidth)
    func x(_ p: Double) -> Double { xs(max(p, 0).squareRoot()) }
    let pad = max((roiMax - roiMin) * 0.12, 0.002)
    let y = SVG.Scale(roiMin - pad, roiMax + pad, to: frame.top + frame.plotHeight, frame.top)
    let yTicks = SVG.ticks(y.domain.lo, y.domain.hi)
    let yStep = yTicks.count > 1 ? yTicks[1] - yTicks[0] : 0.01
    let gateX = x(liquidationGate)
    out +=
      "<g class=\"deployable-region\"><rect class=\"region\" x=\"\(SVG.n(frame.left))\" y=\"\(SVG.n(frame.top))\" "
      + "width=\"\(SVG.n(gateX - frame.left))\" height=\"\(SVG.n(frame.plotHeight))\"/>"
      + "<line class=\"gate-line\" x1=\"\(SVG.n(gateX))\" y1=\"\(SVG.n(frame.top))\" x2=\"\(SVG.n(gateX))\" y2=\"\(SVG.n(frame.top + frame.plotHeight))\"/>"
      + "<text x=\"\(SVG.n(gateX + 4))\" y=\"\(SVG.n(frame.top + 12))\">liquidation gate \(SVG.escape(SVG.shortPercent(liquidationGate)))</text></g>"
    // Ticks are placed on the square-root axis by hand.
    let xTickValues = Self.sqrtTicks(upTo: xHi)
    out += SVG.axes(
      frame, x: SVG.Scale(0, 1, to: 0, 0), y: y, xTicks: [], yTicks: yTicks,
      xLabel: "liquidation probability (square-root scale)", yLabel: "mean ROI",
      xFormat: { _ in "" }, yFormat: { SVG.percent($0, step: yStep) })
    out += "<g class=\"axes\">"
    let base = frame.top + frame.plotHeight
    for t in xTickValues {
      let px = SVG.n(x(t))
      out +=
        "<line class=\"tickmark\" x1=\"\(px)\" y1=\"\(SVG.n(base))\" x2=\"\(px)\" y2=\"\(SVG.n(base + 4))\"/>"
        + "<text class=\"tick\" x=\"\(px)\" y=\"\(SVG.n(base + 16))\" text-anchor=\"middle\">\(SVG.escape(SVG.shortPercent(t)))</text>"
    }
    out += "</g>"
    let front = candidates.filter { pareto.contains($0.index) }.sorted {
      $0["liquidation_probability"] < $1["liquidation_probability"]
    }
    if front.count > 1 {
      let points = front.map { SVG.n(x($0["liquidation_probability"])) + "," + SVG.n(y($0["roi_mean"])) }
      out +=
        "<polyline class=\"pareto\" points=\"\(points.joined(separator: " "))\"><title>Pareto front</title></polyline>"
    }
    out += errorBars(x: x, xMax: xHi, y: y)
    var placed: [(x: Double, y: Double)] = []
    out += "<g class=\"candidates\">"
    for c in candidates.sorted(by: { $0["roi_mean"] > $1["roi_mean"] }) {
      let px = x(c["liquidation_probability"])
      let py = y(c["roi_mean"])
      let verdict = Self.verdict(c, gate: liquidationGate)
      let tip =
        "\(c.label): ROI \(IntervalFormat.percent(c["roi_mean"], c.intervals["roi_mean"])), liquidation "
        + "\(IntervalFormat.percent(c["liquidation_probability"], c.intervals["liquidation_probability"])), "
        + (c.deployable ? "deployable" : "blocked by " + c.failedGates.map(\.gate).joined(separator: ", "))
      out +=
        "<circle class=\"point candidate \(verdict.rawValue)\" data-candidate=\"\(c.index)\" cx=\"\(SVG.n(px))\" cy=\"\(SVG.n(py))\" r=\"6\"><title>\(SVG.escape(tip))</title></circle>"
      var ly = py + 4
      while placed.contains(where: { abs($0.x - px) < 130 && abs($0.y - ly) < 13 }) { ly += 13 }
      placed.append((px, ly))
      out +=
        "<text class=\"label\" x=\"\(SVG.n(px + 9))\" y=\"\(SVG.n(ly))\">\(SVG.escape(c.label + (pareto.contains(c.index) ? " *" : "")))</text>"
    }
    out += "</g>"
    let lx = frame.left + frame.plotWidth + 14
    out += "<g class=\"legend\">"
    for (i, v) in [Verdict.deployable, .blocked, .outside].enumerated() {
      let ly = frame.top + 20 + Double(i) * 20
      let text = v == .deployable ? "deployable" : v == .blocked ? "within gate, blocked" : "above gate"
      out +=
        "<circle class=\"point \(v.rawValue)\" cx=\"\(SVG.n(lx + 6))\" cy=\"\(SVG.n(ly - 4))\" r=\"5\"/><text x=\"\(SVG.n(lx + 16))\" y=\"\(SVG.n(ly))\">\(text)</text>"
    }
    out += "<text x=\"\(SVG.n(lx))\" y=\"\(SVG.n(frame.top + 86))\">* Pareto front</text>"
    out += "<text x=\"\(SVG.n(lx))\" y=\"\(SVG.n(frame.top + 106))\">deployable: every gate</text>"
    out +=
      "<text x=\"\(SVG.n(lx))\" y=\"\(SVG.n(frame.top + 120))\">and leverage ≤ \(SVG.escape(JSONText.number(leverageCap)))x</text>"
    return out + "</g></svg>"
  }
}
