/// Formats `x` with a fixed number of decimals (no Foundation needed).
public func formatFixed(_ x: Double, digits: Int) -> String {
  guard x.isFinite else { return "\(x)" }
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  let r = (abs(x) * scale).rounded()
  guard r < 9e15 else { return "\(x)" }
  let whole = Int64(r) / Int64(scale)
  let frac = Int64(r) % Int64(scale)
  let sign = x < 0 && r != 0 ? "-" : ""
  if digits == 0 { return sign + String(whole) }
  return sign + String(whole) + "." + String(frac).leftPadded(to: digits)
}

/// A fraction as a percentage with `digits` decimals: 0.12345 is "12.35%".
public func formatPercent(_ x: Double, digits: Int = 2) -> String {
  formatFixed(x * 100, digits: digits) + "%"
}

/// US dollars to the whole dollar, without a unit: 1234.6 is "1235".
public func formatUSD(_ x: Double) -> String {
  formatFixed(x, digits: 0)
}
