import SimCore

/// Small pieces of SVG and HTML text: escaping, coordinates, axes. Charts are
/// built from these as plain strings; nothing is fetched or scripted.
enum SVG {
  /// Escapes text for an XML text node or a double-quoted attribute.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.count)
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  /// A coordinate with one decimal, as short as it can be.
  static func n(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let s = formatFixed(x, digits: 1)
    return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
  }

  /// The plot area of a chart: its outer size and margins.
  struct Frame {
    var width = 552.0
    var height = 300.0
    var left = 64.0
    var right = 16.0
    var top = 34.0
    var bottom = 48.0
    var plotWidth: Double { width - left - right }
    var plotHeight: Double { height - top - bottom }
  }

  /// A linear map from data values to pixels.
  struct Scale {
    let domain: (lo: Double, hi: Double)
    let range: (lo: Double, hi: Double)

    init(_ lo: Double, _ hi: Double, to r0: Double, _ r1: Double) {
      let span = hi - lo
      domain = span > 0 && span.isFinite ? (lo, hi) : (lo - 0.5, lo + 0.5)
      range = (r0, r1)
    }

    func callAsFunction(_ x: Double) -> Double {
      range.lo + (x - domain.lo) / (domain.hi - domain.lo) * (range.hi - range.lo)
    }
  }

  /// About `count` round tick values covering [lo, hi] (steps of 1, 2 or 5 × 10^k).
  static func ticks(_ lo: Double, _ hi: Double, count: Int = 5) -> [Double] {
    guard lo.isFinite, hi.isFinite, hi > lo else { return lo.isFinite ? [lo] : [] }
    let raw = (hi - lo) / Double(max(count, 1))
    var magnitude = 1.0
    while magnitude * 10 <= raw { magnitude *= 10 }
    while magnitude > raw { magnitude /= 10 }
    let step = [1.0, 2.0, 5.0, 10.0].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
    var out: [Double] = []
    var t = (lo / step).rounded(.up) * step
    while t <= hi + step * 1e-9 {
      out.append(abs(t) < step * 1e-9 ? 0 : t)
      t += step
    }
    return out
  }

  /// The opening tag of a chart with its accessible title.
  static func open(_ frame: Frame, className: String, title: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart \(className)\" viewBox=\"0 0 \(n(frame.width)) \(n(frame.height))\" "
      + "width=\"\(n(frame.width))\" height=\"\(n(frame.height))\" role=\"img\" aria-label=\"\(escape(title))\">"
      + "<title>\(escape(title))</title>"
      + "<text class=\"chart-title\" x=\"\(n(frame.left))\" y=\"20\">\(escape(title))</text>"
  }

  /// Gridlines, tick labels and axis titles for both axes.
  static func axes(
    _ frame: Frame, x: Scale, y: Scale, xTicks: [Double], yTicks: [Double],
    xLabel: String, yLabel: String, xFormat: (Double) -> String, yFormat: (Double) -> String
  ) -> String {
    var out = "<g class=\"axes\">"
    let x0 = frame.left
    let x1 = frame.left + frame.plotWidth
    let y0 = frame.top + frame.plotHeight
    for t in yTicks {
      let py = n(y(t))
      out += "<line class=\"grid\" x1=\"\(n(x0))\" y1=\"\(py)\" x2=\"\(n(x1))\" y2=\"\(py)\"/>"
      out +=
        "<text class=\"tick\" x=\"\(n(x0 - 6))\" y=\"\(py)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(escape(yFormat(t)))</text>"
    }
    for t in xTicks {
      let px = n(x(t))
      out += "<line class=\"tickmark\" x1=\"\(px)\" y1=\"\(n(y0))\" x2=\"\(px)\" y2=\"\(n(y0 + 4))\"/>"
      out += "<text class=\"tick\" x=\"\(px)\" y=\"\(n(y0 + 16))\" text-anchor=\"middle\">\(escape(xFormat(t)))</text>"
    }
    out += "<line class=\"axis\" x1=\"\(n(x0))\" y1=\"\(n(y0))\" x2=\"\(n(x1))\" y2=\"\(n(y0))\"/>"
    out += "<line class=\"axis\" x1=\"\(n(x0))\" y1=\"\(n(frame.top))\" x2=\"\(n(x0))\" y2=\"\(n(y0))\"/>"
    out +=
      "<text class=\"axis-label\" x=\"\(n(x0 + frame.plotWidth / 2))\" y=\"\(n(frame.height - 8))\" text-anchor=\"middle\">\(escape(xLabel))</text>"
    let ly = frame.top + frame.plotHeight / 2
    out +=
      "<text class=\"axis-label\" x=\"14\" y=\"\(n(ly))\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(n(ly)))\">\(escape(yLabel))</text>"
    return out + "</g>"
  }

  /// A percentage label with as many decimals as the tick spacing needs, so
  /// neighbouring ticks never read the same.
  static func percent(_ x: Double, step: Double) -> String {
    var digits = 0
    var s = abs(step) * 100
    while s > 0, s < 1 - 1e-9, digits < 6 {
      s *= 10
      digits += 1
    }
    return formatPercent(x, digits: digits)
  }

  /// A percentage with at most two decimals and no trailing zeros ("0.25%", "1%").
  static func shortPercent(_ x: Double) -> String {
    var s = formatFixed(x * 100, digits: 2)
    while s.contains("."), s.hasSuffix("0") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s + "%"
  }

  /// A USD amount in K or M.
  static func usd(_ x: Double) -> String {
    let a = abs(x)
    if a >= 1e6 { return formatFixed(x / 1e6, digits: a >= 1e7 ? 0 : 1) + "M" }
    if a >= 1e3 { return formatFixed(x / 1e3, digits: a >= 1e4 ? 0 : 1) + "K" }
    return formatUSD(x)
  }
}
