import Foundation
import SimCore

/// Figures with their intervals, printed with only the digits the interval
/// supports: `9.41% [9.38, 9.43]`. The last digit shown is that of the first
/// significant digit of the half-width (between 0 and `maxDigits` decimals);
/// a side the sample cannot bound prints as `inf`.
enum IntervalFormat {
  static let maxDigits = 4

  /// A fraction in percent with its interval.
  static func percent(_ x: Double, _ interval: Interval?) -> String {
    guard let interval else { return formatPercent(x) }
    let d = digits(halfWidth: interval.width / 2 * 100, fallback: 2)
    return formatPercent(x, digits: d) + " [" + bound(interval.lower * 100, d) + ", " + bound(interval.upper * 100, d)
      + "]"
  }

  /// A number with its interval (`fallback` decimals when the interval has no width).
  static func number(_ x: Double, _ interval: Interval?, fallback: Int) -> String {
    guard let interval else { return formatFixed(x, digits: fallback) }
    let d = digits(halfWidth: interval.width / 2, fallback: fallback)
    return formatFixed(x, digits: d) + " [" + bound(interval.lower, d) + ", " + bound(interval.upper, d) + "]"
  }

  /// The decimals that show the first significant digit of `halfWidth`.
  static func digits(halfWidth h: Double, fallback: Int) -> Int {
    guard h.isFinite, h > 0 else { return fallback }
    let d = Int((-log10(h)).rounded(.up))
    return min(max(d, 0), maxDigits)
  }

  /// A confidence level in percent with the digits it has: 0.95 is "95", 0.999 is "99.9".
  static func level(_ c: Double) -> String {
    var s = formatFixed(c * 100, digits: 2)
    while s.hasSuffix("0") && s.contains(".") { s.removeLast() }
    if s.hasSuffix(".") { s.removeLast() }
    return s
  }

  static func bound(_ x: Double, _ digits: Int) -> String {
    x.isFinite ? formatFixed(x, digits: digits) : (x < 0 ? "-inf" : "inf")
  }
}
