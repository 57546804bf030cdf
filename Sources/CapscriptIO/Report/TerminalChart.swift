import Foundation
public import SimCore

/// Unicode block charts for a terminal: a column histogram of the PnL
/// distribution and the fan chart as sparklines. Shown only when standard
/// output is a terminal, so piped output stays plain text.
public enum TerminalChart {
  static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

  /// Whether standard output is a terminal (charts are added only then).
  public static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// `values` averaged into at most `width` buckets.
  /// - Complexity: O(values.count).
  static func resample(_ values: [Double], width: Int) -> [Double] {
    guard values.count > width, width > 0 else { return values }
    return (0..<width).map { i in
      let lo = i * values.count / width
      let hi = max((i + 1) * values.count / width, lo + 1)
      return values[lo..<hi].reduce(0, +) / Double(hi - lo)
    }
  }

  /// One line of block characters on the scale [lo, hi].
  static func sparkline(_ values: [Double], lo: Double, hi: Double) -> String {
    let span = hi - lo
    return String(
      values.map { v -> Character in
        guard v.isFinite, span > 0 else { return blocks[0] }
        let level = Int(((v - lo) / span * Double(blocks.count)).rounded(.down))
        return blocks[min(max(level, 0), blocks.count - 1)]
      })
  }

  /// Counts as columns `rows` lines high, eighth-block resolution; the tallest
  /// column fills every row, a non-empty one shows at least a sliver.
  static func columns(_ counts: [Int], rows: Int) -> [String] {
    let peak = max(counts.max() ?? 0, 1)
    let eighths = counts.map { c -> Int in c == 0 ? 0 : max(1, c * rows * 8 / peak) }
    return (0..<rows).reversed().map { r in
      String(
        eighths.map { e -> Character in
          let fill = min(max(e - r * 8, 0), 8)
          return fill == 0 ? " " : blocks[fill - 1]
        })
    }
  }

  /// A left and a right label spread over `width` columns.
  static func ends(_ left: String, _ right: String, width: Int) -> String {
    left + String(repeating: " ", count: max(width - left.count - right.count, 1)) + right
  }

  /// The PnL histogram of `card` as a block chart with its range underneath.
  public static func pnl(_ card: Scorecard, rows: Int = 6) -> String {
    let h = card.pnlHistogram
    guard let lo = h.edges.first, let hi = h.edges.last else { return "" }
    let lines = columns(h.counts, rows: rows)
    let median = card.pnlQuantiles.first { $0.label == "p50" }?.value ?? .nan
    var out = "PnL distribution (USD, \(h.counts.count) bins, median \(SVG.usd(median)))\n"
    out += lines.map { "  " + $0 }.joined(separator: "\n") + "\n"
    out += "  " + ends(SVG.usd(lo), SVG.usd(hi), width: h.counts.count)
    return out
  }

  /// The fan chart as three sparklines (p95, p50, p05) on one shared scale.
  public static func fan(_ bands: EpochBands, width: Int = 60) -> String {
    guard let p05 = bands.band("p05"), let p50 = bands.band("p50"), let p95 = bands.band("p95"), !p50.isEmpty,
      let lo = p05.min(), let hi = p95.max()
    else {
      return ""
    }
    var out =
      "ROI over \(p50.count) epochs (one scale, \(formatPercent(lo, digits: 1)) to \(formatPercent(hi, digits: 1)))"
    for (label, values) in [("p95", p95), ("p50", p50), ("p05", p05)] {
      let last = formatPercent(values.last ?? .nan, digits: 1)
      out += "\n  \(label) " + sparkline(resample(values, width: width), lo: lo, hi: hi) + " " + last
    }
    return out
  }

  /// Every chart a run has: the PnL histogram, and the fan chart when the run
  /// kept bands; empty for a routing-only run (it has no PnL).
  public static func run(_ result: RunResult) -> String {
    guard result.scorecard.hasCapital else { return "" }
    var out = pnl(result.scorecard)
    if let bands = result.bands { out += "\n" + fan(bands) }
    return out
  }
}
