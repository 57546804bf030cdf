#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard normal distribution's CDF and quantile function.
public enum StandardNormal {
  /// Φ(x) = erfc(-x / √2) / 2, accurate in both tails.
  /// - Complexity: O(1).
  public static func cdf(_ x: Double) -> Double {
    0.5 * erfc(-x / 2.0.squareRoot())
  }

  /// The quantile Φ⁻¹(p) for p in (0, 1); -inf at 0, +inf at 1, NaN outside [0, 1].
  ///
  /// Acklam's rational approximation (relative error below 1.15e-9), then one
  /// Halley step on Φ(x) - p using `erfc`, which brings it to about machine
  /// precision. The lower half is computed directly and the upper half by
  /// symmetry, Φ⁻¹(p) = -Φ⁻¹(1 - p), since 1 - p is exact for p >= 0.5.
  /// - Complexity: O(1): one `log`, one `sqrt`, one `erfc`, one `exp`.
  public static func quantile(_ p: Double) -> Double {
    guard p >= 0, p <= 1 else { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    return p <= 0.5 ? lowerQuantile(p) : -lowerQuantile(1 - p)
  }

  /// The two-sided critical value z with P(|Z| <= z) = `confidence`: Φ⁻¹((1 + c) / 2),
  /// computed as -Φ⁻¹((1 - c) / 2) so that levels near 1 keep their precision.
  public static func twoSidedCriticalValue(confidence c: Double) -> Double {
    -quantile((1 - c) / 2)
  }

  /// Φ⁻¹(p) for p in (0, 0.5].
  static func lowerQuantile(_ p: Double) -> Double {
    var x = acklam(p)
    // One Halley step: e = Φ(x) - p, u = e / φ(x), x -= u / (1 + x u / 2).
    let e = cdf(x) - p
    let u = e * (2 * Double.pi).squareRoot() * exp(0.5 * x * x)
    if u.isFinite { x -= u / (1 + 0.5 * x * u) }
    return x
  }

  /// Acklam's approximation of Φ⁻¹(p) for p in (0, 0.5].
  static func acklam(_ p: Double) -> Double {
    let a = (
      -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
      -3.066479806614716e+01, 2.506628277459239e+00
    )
    let b = (
      -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
      -1.328068155288572e+01
    )
    let c = (
      -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
      4.374664141464968e+00, 2.938163982698783e+00
    )
    let d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00)
    if p < 0.02425 {
      let q = (-2 * log(p)).squareRoot()
      let num = ((((c.0 * q + c.1) * q + c.2) * q + c.3) * q + c.4) * q + c.5
      let den = (((d.0 * q + d.1) * q + d.2) * q + d.3) * q + 1
      return num / den
    }
    let q = p - 0.5
    let r = q * q
    let num = (((((a.0 * r + a.1) * r + a.2) * r + a.3) * r + a.4) * r + a.5) * q
    let den = ((((b.0 * r + b.1) * r + b.2) * r + b.3) * r + b.4) * r + 1
    return num / den
  }
}
