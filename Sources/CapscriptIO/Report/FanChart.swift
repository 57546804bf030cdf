import SimCore

/// The ROI fan chart over epochs: the p05-p95 band, the p25-p75 band and the
/// median (p50), from a run's `EpochBands`.
struct FanChart {
  var title: String
  var bands: EpochBands

  /// The band polygon between two quantile series, as an SVG path.
  static func area(_ lower: [Double], _ upper: [Double], x: SVG.Scale, y: SVG.Scale) -> String {
    var d = ""
    for (t, v) in upper.enumerated() { d += (t == 0 ? "M" : "L") + SVG.n(x(Double(t + 1))) + "," + SVG.n(y(v)) }
    for (t, v) in lower.enumerated().reversed() { d += "L" + SVG.n(x(Double(t + 1))) + "," + SVG.n(y(v)) }
    return d + "Z"
  }

  static func line(_ values: [Double], x: SVG.Scale, y: SVG.Scale) -> String {
    values.enumerated().map { SVG.n(x(Double($0.offset + 1))) + "," + SVG.n(y($0.element)) }.joined(separator: " ")
  }

  /// - Complexity: O(epochs).
  var svg: String {
    let frame = SVG.Frame(width: 1120, height: 320)
    var out = SVG.open(frame, className: "fan", title: title)
    guard let p05 = bands.band("p05"), let p25 = bands.band("p25"), let p50 = bands.band("p50"),
      let p75 = bands.band("p75"), let p95 = bands.band("p95"), let low = p05.min(), let high = p95.max()
    else { return out + "</svg>" }
    let lo = min(low, 0)
    let hi = max(high, 0)
    let pad = (hi - lo) * 0.05
    let epochs = Double(p50.count)
    let x = SVG.Scale(1, max(epochs, 2), to: frame.left, frame.left + frame.plotWidth)
    let y = SVG.Scale(lo - pad, hi + pad, to: frame.top + frame.plotHeight, frame.top)
    let yTicks = SVG.ticks(y.domain.lo, y.domain.hi)
    let yStep = yTicks.count > 1 ? yTicks[1] - yTicks[0] : 0.01
    out += SVG.axes(
      frame, x: x, y: y, xTicks: SVG.ticks(1, max(epochs, 2)), yTicks: yTicks,
      xLabel: "epoch", yLabel: "ROI since start", xFormat: { formatFixed($0, digits: 0) },
      yFormat: { SVG.percent($0, step: yStep) })
    let zero = SVG.n(y(0))
    out +=
      "<line class=\"zero\" x1=\"\(SVG.n(frame.left))\" y1=\"\(zero)\" x2=\"\(SVG.n(frame.left + frame.plotWidth))\" y2=\"\(zero)\"/>"
    out += "<path class=\"band-outer\" d=\"\(Self.area(p05, p95, x: x, y: y))\"><title>p05 to p95</title></path>"
    out += "<path class=\"band-inner\" d=\"\(Self.area(p25, p75, x: x, y: y))\"><title>p25 to p75</title></path>"
    for (label, values) in [("p05", p05), ("p95", p95)] {
      out +=
        "<polyline class=\"edge \(label)\" points=\"\(Self.line(values, x: x, y: y))\"><title>\(label)</title></polyline>"
    }
    out +=
      "<polyline class=\"median p50\" points=\"\(Self.line(p50, x: x, y: y))\"><title>p50 (median)</title></polyline>"
    let lx = frame.left + frame.plotWidth - 250
    out +=
      "<g class=\"legend\">"
      + "<rect class=\"band-outer\" x=\"\(SVG.n(lx))\" y=\"8\" width=\"14\" height=\"10\"/><text x=\"\(SVG.n(lx + 18))\" y=\"17\">p05-p95</text>"
      + "<rect class=\"band-inner\" x=\"\(SVG.n(lx + 80))\" y=\"8\" width=\"14\" height=\"10\"/><text x=\"\(SVG.n(lx + 98))\" y=\"17\">p25-p75</text>"
      + "<line class=\"median\" x1=\"\(SVG.n(lx + 160))\" y1=\"13\" x2=\"\(SVG.n(lx + 174))\" y2=\"13\"/><text x=\"\(SVG.n(lx + 178))\" y=\"17\">median</text>"
      + "</g>"
    return out + "</svg>"
  }
}
