import SimCore

/// A histogram as an SVG bar chart: one `rect.bar` per bin (empty bins too, at
/// height 0), optional vertical markers (quantiles, a policy gate).
struct HistogramChart {
  enum Units { case usd, fraction }

  struct Marker {
    var label: String
    var value: Double
    /// CSS class of the line: `marker` (a statistic) or `gate` (a policy limit).
    var kind = "marker"
  }

  var title: String
  var xLabel: String
  var histogram: Histogram
  var units: Units
  var markers: [Marker] = []
  var className = "histogram"
  /// A statistic's confidence interval shaded behind the bars, classed by the
  /// verdict of its gate (`band pass|inconclusive|fail`).
  var band: Band?

  /// An interval to shade, with what it decides.
  struct Band {
    var interval: Interval
    /// `pass`, `inconclusive` or `fail`: the gate's verdict on the interval.
    var verdict: String
    var label: String
  }

  /// - Complexity: O(bins).
  var svg: String {
    let frame = SVG.Frame()
    let edges = histogram.edges
    let counts = histogram.counts
    var out = SVG.open(frame, className: className, title: title)
    guard let lo = edges.first, var hi = edges.last, !counts.isEmpty else {
      return out
        + "<text class=\"empty\" x=\"\(SVG.n(frame.width / 2))\" y=\"\(SVG.n(frame.height / 2))\" text-anchor=\"middle\">no data</text></svg>"
    }
    // A gate just past the data widens the axis; a far one is named at the edge.
    for m in markers where m.kind == "gate" && m.value > hi && m.value <= hi + (hi - lo) * 0.5 { hi = m.value }
    let total = max(counts.reduce(0, +), 1)
    let peak = Double(counts.max() ?? 0) / Double(total)
    let x = SVG.Scale(lo, hi, to: frame.left, frame.left + frame.plotWidth)
    let y = SVG.Scale(0, max(peak * 1.08, 1e-9), to: frame.top + frame.plotHeight, frame.top)
    let xTicks = SVG.ticks(x.domain.lo, x.domain.hi)
    let yTicks = SVG.ticks(0, y.domain.hi, count: 4)
    let xStep = xTicks.count > 1 ? xTicks[1] - xTicks[0] : 1
    let yStep = yTicks.count > 1 ? yTicks[1] - yTicks[0] : 1
    let units = units
    out += SVG.axes(
      frame, x: x, y: y, xTicks: xTicks, yTicks: yTicks, xLabel: xLabel, yLabel: "share of paths",
      xFormat: { units == .usd ? SVG.usd($0) : SVG.percent($0, step: xStep) },
      yFormat: { SVG.percent($0, step: yStep) })
    if let band {
      // Clipped to the axis: a side the sample cannot bound runs to the edge.
      let x0 = x(min(max(band.interval.lower, x.domain.lo), x.domain.hi))
      let x1 = x(min(max(band.interval.upper, x.domain.lo), x.domain.hi))
      out +=
        "<rect class=\"band \(band.verdict)\" x=\"\(SVG.n(x0))\" y=\"\(SVG.n(frame.top))\" "
        + "width=\"\(SVG.n(max(x1 - x0, 1)))\" height=\"\(SVG.n(y.range.lo - frame.top))\">"
        + "<title>\(SVG.escape(band.label))</title></rect>"
    }
    out += "<g class=\"bars\">"
    for (i, c) in counts.enumerated() {
      let x0 = x(edges[i])
      let x1 = x(edges[i + 1])
      let share = Double(c) / Double(total)
      let top = y(share)
      let width = max(x1 - x0 - 1, 0.5)
      let range = format(edges[i]) + " to " + format(edges[i + 1])
      out +=
        "<rect class=\"bar\" x=\"\(SVG.n(x0 + 0.5))\" y=\"\(SVG.n(top))\" width=\"\(SVG.n(width))\" "
        + "height=\"\(SVG.n(y.range.lo - top))\"><title>\(SVG.escape(range)): \(c) paths</title></rect>"
    }
    out += "</g>"
    for (i, m) in markers.enumerated() where m.value.isFinite {
      if m.value > x.domain.hi || m.value < x.domain.lo {
        let right = m.value > x.domain.hi
        let ex = right ? frame.left + frame.plotWidth - 2 : frame.left + 4
        out +=
          "<g class=\"\(m.kind) off-chart\"><text x=\"\(SVG.n(ex))\" y=\"\(SVG.n(frame.top + 10))\" "
          + "text-anchor=\"\(right ? "end" : "start")\">\(SVG.escape(right ? m.label + " \u{2192}" : "\u{2190} " + m.label))</text></g>"
        continue
      }
      let px = SVG.n(x(m.value))
      let ty = frame.top + 10 + Double(i % 3) * 12
      out +=
        "<g class=\"\(m.kind)\"><line x1=\"\(px)\" y1=\"\(SVG.n(frame.top))\" x2=\"\(px)\" y2=\"\(SVG.n(y.range.lo))\"/>"
        + "<text x=\"\(SVG.n(x(m.value) + 3))\" y=\"\(SVG.n(ty))\">\(SVG.escape(m.label))</text></g>"
    }
    return out + "</svg>"
  }

  func format(_ v: Double) -> String {
    units == .usd ? SVG.usd(v) : formatPercent(v)
  }
}
