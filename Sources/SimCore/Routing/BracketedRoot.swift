/// The root of a decreasing function on a bracket, to a given width.
enum BracketedRoot {
  /// The root of a decreasing `f` in `[lo, hi]` (`f(lo) = fLo > 0 > f(hi) = fHi`,
  /// with derivatives `slopeLo`, `slopeHi` there) by Newton's method kept
  /// inside the bracket; `f` returns its value and its derivative.
  ///
  /// The first trial point is the root of the cubic through the end points'
  /// values and slopes (`hermiteRoot`). Each evaluation moves one end of the
  /// bracket to the trial point, and the next trial point is the Newton step
  /// from it, or the bracket's midpoint when the step leaves the bracket (or
  /// the derivative is 0 or not finite). It returns the Newton step's end
  /// point when the step is no longer than `width`, or when the error left
  /// after the step, Newton's `|f''| / (2 |f'|) * step^2` with `|f''|` the
  /// larger of its estimates from the derivatives at the last two points (the
  /// first time, the trial point and the nearer end point) and at the
  /// bracket's ends, is below `width / 100`; and the
  /// bracket's midpoint once the bracket is no wider than `width`. For the
  /// router's nearly linear objectives (marginal outputs of a deep venue and a
  /// PMM pool) the cubic lands within about 1e-7 of the order and one
  /// evaluation suffices.
  /// - Complexity: O(log2((hi - lo) / width)) evaluations at worst; usually 1.
  @inline(__always)
  static func newton(
    lo: Double, hi: Double, fLo: Double, fHi: Double, slopeLo: Double, slopeHi: Double,
    width: Double, _ f: (Double) -> (value: Double, slope: Double)
  ) -> Double {
    var a = lo
    var b = hi
    var x = hermiteRoot(lo: lo, hi: hi, fLo: fLo, fHi: fHi, slopeLo: slopeLo, slopeHi: slopeHi)
    let nearLo = x - lo < hi - x
    var lastX = nearLo ? lo : hi
    var lastSlope = nearLo ? slopeLo : slopeHi
    // The bracket's mean f'': it sees a jump of f' (a kink of f) that the
    // last two points may straddle without seeing.
    let meanBend = abs((slopeHi - slopeLo) / (hi - lo))
    var steps = 0
    while steps < 200 {
      steps += 1
      let (fx, slope) = f(x)
      if fx > 0 {
        a = x
      } else if fx < 0 {
        b = x
      } else {
        return x
      }
      let step = -fx / slope
      var next = x + step
      if next > a && next < b {
        if abs(step) <= width { return next }
        var bend = meanBend
        let local = abs((slope - lastSlope) / (x - lastX))
        if local > bend { bend = local }
        if bend * step * step <= 0.02 * width * abs(slope) { return next }
      } else {
        next = 0.5 * (a + b)
      }
      if b - a <= width { return 0.5 * (a + b) }
      lastX = x
      lastSlope = slope
      x = next
    }
    return 0.5 * (a + b)
  }

  /// A first guess for `newton`: the root in `(lo, hi)` of the cubic with the
  /// end points' values and slopes (Hermite), by one Newton step on the cubic
  /// from the chord's root (for the nearly linear objectives here the chord is
  /// within about 1e-3 of the interval and the step within about 1e-7, the
  /// cubic's own accuracy); the chord's root when the step leaves the
  /// interval, and the midpoint when the chord's does.
  /// - Complexity: O(1), no evaluation of the function.
  @inline(__always)
  static func hermiteRoot(
    lo: Double, hi: Double, fLo: Double, fHi: Double, slopeLo: Double, slopeHi: Double
  ) -> Double {
    let chord = fLo / (fLo - fHi)
    guard chord > 0 && chord < 1 else { return 0.5 * (lo + hi) }
    // p(t) = fLo + m0 t + c2 t^2 + c3 t^3 on t in [0, 1], x = lo + t (hi - lo).
    let w = hi - lo
    let m0 = slopeLo * w
    let m1 = slopeHi * w
    let d = fHi - fLo
    let c2 = 3 * d - 2 * m0 - m1
    let c3 = m0 + m1 - 2 * d
    var t = chord
    t -= (fLo + t * (m0 + t * (c2 + t * c3))) / (m0 + t * (2 * c2 + t * 3 * c3))
    if !(t > 0 && t < 1) { t = chord }
    return lo + t * w
  }
}
