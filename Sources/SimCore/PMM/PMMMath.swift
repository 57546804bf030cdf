/// The three closed forms of DODO's PMM curve (DODO v2 `DODOMath`), written
/// for one side of a pool in floating point.
///
/// Every function works on a single side: `v0` is that side's target, `v1` its
/// reserve before the move, and `s` the trade amount already converted into
/// this side's units at the guide price (`i * deltaB` on the quote side,
/// `deltaQ / i` on the base side). The forms are rearranged so that no result
/// is a difference of two nearly equal numbers.
enum PMMMath {
  /// The output of a move of the *other* side toward its target:
  /// `s * (1 - k + k * V0^2 / (V1 * V2))`, where `V1 < V2 <= V0` are that side's
  /// reserve before and after the move and `s` is `V2 - V1` converted at `i`.
  ///
  /// This is DODO's `_GeneralIntegrate`: the area under `P = i * R` between the
  /// two reserves.
  /// - Complexity: O(1).
  static func integral(
    converted s: Double, target v0: Double, from v1: Double, to v2: Double,
    k: Double
  ) -> Double {
    guard k > 0 else { return s }
    return s * ((1 - k) + k * (v0 / v1) * (v0 / v2))
  }

  /// The output of a move of the *other* side away from its target, paid out of
  /// this side: the solution of DODO's trade quadratic
  /// `(1-k)*V2^2 + b*V2 - k*V0^2 = 0`, `b = k*V0^2/V1 - (1-k)*V1 + s`.
  ///
  /// Returns the output `V1 - V2` and the new reserve `V2`. The output is
  /// evaluated as `2*s*V1 / (m + sqrt(b^2 + 4k(1-k)V0^2))` with
  /// `m = (1-k)*V1 + k*V0^2/V1 + s`, a sum of non-negative terms, which is exact
  /// to a few ulps for small trades, and is the same expression at `k = 1`
  /// (constant product). Large trades take the reserve from the stable root
  /// of the quadratic instead, so the reserve left after a near-depleting
  /// trade is accurate too. `k = 0` pays `s` flat until the side is empty.
  /// - Complexity: O(1): one square root.
  static func away(
    converted s: Double, target v0: Double, reserve v1: Double, k: Double
  ) -> (output: Double, reserve: Double) {
    guard s > 0 else { return (0, v1) }
    guard k > 0 else {
      let output = Swift.min(s, v1)
      return (output, v1 - output)
    }
    let a = 1 - k
    let t = k * v0 * (v0 / v1)
    let b = t - a * v1 + s
    let root = (b * b + 4 * k * a * v0 * v0).squareRoot()
    let output = 2 * s * v1 / (a * v1 + t + s + root)
    if output <= 0.5 * v1 { return (output, v1 - output) }
    let v2 = b > 0 ? 2 * k * v0 * v0 / (b + root) : (root - b) / (2 * a)
    return (v1 - v2, v2)
  }

  /// The target `V0` of a short side with reserve `V1`, given the other side's
  /// surplus over its target converted into this side's units, `s`.
  ///
  /// `V0` is the reserve at which moving this side back to its target pays out
  /// exactly the surplus: `s = (V0 - V1) * (1 - k + k * V0 / V1)`. DODO's
  /// `_SolveQuadraticFunctionForTarget` writes the root as
  /// `V1 * (1 + (sqrt(1 + 4ks/V1) - 1) / (2k))`; this is the same root as
  /// `V1 + 2s / (1 + sqrt(1 + 4ks/V1))`, which has no cancellation and is
  /// `V1 + s` at `k = 0`.
  /// - Complexity: O(1): one square root.
  static func target(reserve v1: Double, convertedSurplus s: Double, k: Double)
    -> Double
  {
    guard s > 0 else { return v1 }
    guard k > 0 else { return v1 + s }
    return v1 + 2 * s / (1 + (1 + 4 * k * (s / v1)).squareRoot())
  }
}
