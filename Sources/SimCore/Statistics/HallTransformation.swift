#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hall's (1992) transformation that removes the skewness of a studentized mean, and
/// the confidence interval it gives (Hall, 1992, "On the removal of skewness by
/// transformation", JRSS B 54(1), 221-228; in this form, Zhou and Dinh, 2005,
/// Biostatistics 6(2)).
///
/// For the mean of n independent values with skewness γ, the studentized statistic
/// t = (estimate - θ) / s.e. is skewed at order n^(-1/2): P(t <= x) = Φ(x) +
/// (γ / 6√n)(2x² + 1)φ(x) + O(1/n). With a = γ̂ / (3√n),
///
///     g(t) = t + a t² + a² t³ / 3 + a / 2 = ((1 + a t)³ - 1) / (3a) + a / 2
///
/// has mean and skewness zero to that order, so g(t) is nearer N(0, 1) than t is.
/// g' = (1 + a t)² >= 0: g is increasing and one-to-one on the real line, with inverse
///
///     g⁻¹(x) = ((1 + 3a(x - a/2))^(1/3) - 1) / a = 3(x - a/2) / (c² + c + 1),
///     c = (1 + 3a(x - a/2))^(1/3) (real cube root),
///
/// the second form (from c³ - 1 = (c - 1)(c² + c + 1)) having no cancellation near
/// a = 0, where it is exactly x. The interval {θ : -z <= g(t) <= z} is
///
///     [estimate - s.e. · g⁻¹(z), estimate - s.e. · g⁻¹(-z)].
///
/// At a = 0 it is the normal interval estimate ± z · s.e.. For a > 0 (right skew) it
/// lies higher: g⁻¹(z) <= z and -g⁻¹(-z) >= z while a <= 3(z² + 1/2)/z³ (1.73 at 95%),
/// and a sample's moment skewness is below √n, so a < 1/3. It always contains the
/// estimate (g(0) = a/2 lies in (-z, z)).
public struct HallTransformation: Sendable, Hashable {
  /// a = γ̂ / (3√n).
  public let a: Double

  /// The transformation for a mean of `count` values whose sample skewness is
  /// `skewness` (a = 0, the normal case, when either is not usable).
  public init(skewness: Double, count: Int) {
    a = count > 0 && skewness.isFinite ? skewness / (3 * Double(count).squareRoot()) : 0
  }

  /// g(t) = t + a t² + a² t³ / 3 + a / 2.
  /// - Complexity: O(1).
  public func callAsFunction(_ t: Double) -> Double {
    t + a * t * t + a * a * t * t * t / 3 + a / 2
  }

  /// g⁻¹(x) = 3(x - a/2) / (c² + c + 1), c = ∛(1 + 3a(x - a/2)); exactly x at a = 0.
  /// - Complexity: O(1): one cube root.
  public func inverse(_ x: Double) -> Double {
    guard a != 0 else { return x }
    let y = x - a / 2
    let c = cbrt(1 + 3 * a * y)
    return 3 * y / (c * c + c + 1)
  }

  /// [estimate - s.e. · g⁻¹(z), estimate - s.e. · g⁻¹(-z)]; unbounded when the
  /// standard error is not finite.
  public func interval(estimate: Double, standardError se: Double, _ confidence: ConfidenceLevel = .standard)
    -> Interval
  {
    guard se.isFinite, estimate.isFinite else { return .unbounded }
    let z = confidence.z
    return Interval(lower: estimate - se * inverse(z), upper: estimate - se * inverse(-z))
  }
}
