import Foundation

/// The parametric capture curve of MODEL.md section 3: the PMM's share of the
/// order flow at a quoted spread, anchored to the market's reference spread.
///
/// `capture(s) = min(1, capture0 * exp(-captureElasticity * (s - referenceSpreadBps) / referenceSpreadBps))`.
/// Quoting wider than the market loses flow, quoting narrower wins it (up to all
/// of it). The reference is a market parameter, not the policy's target, so a
/// scenario cannot be "at target" by moving its target: market making per unit
/// of volume, `capture(s) * s`, peaks at `s = referenceSpreadBps / captureElasticity`
/// (the reference itself at the default elasticity 1) and falls on both sides.
public struct CaptureCurve: Sendable, Equatable {
  /// The share of flow at the reference spread.
  public let capture0: Double
  /// Capture lost per relative widening beyond the reference.
  public let elasticity: Double
  /// The market's reference spread, in bps (positive).
  public let referenceSpreadBps: Double

  public init(capture0: Double, elasticity: Double, referenceSpreadBps: Double) {
    self.capture0 = capture0
    self.elasticity = elasticity
    self.referenceSpreadBps = referenceSpreadBps
  }

  /// The curve of a scenario's capital parameters.
  public init(_ p: CapitalParameters) {
    self.init(capture0: p.capture0, elasticity: p.captureElasticity, referenceSpreadBps: p.referenceSpreadBps)
  }

  /// The factor `exp(-elasticity * (s - reference) / reference)` the spread
  /// `s` (bps) applies to `capture0`, before the cap at 1.
  /// - Complexity: O(1): one `exp`.
  public func factor(atSpreadBps s: Double) -> Double {
    exp(-elasticity * (s - referenceSpreadBps) / referenceSpreadBps)
  }

  /// The PMM's share of the flow at spread `s` (bps), in [0, 1].
  /// - Complexity: O(1): one `exp`.
  public func capture(atSpreadBps s: Double) -> Double {
    min(1, capture0 * factor(atSpreadBps: s))
  }

  /// Market making per unit of volume at spread `s`: `capture(s) * s * 1e-4`.
  public func income(atSpreadBps s: Double) -> Double {
    capture(atSpreadBps: s) * s * 1e-4
  }
}
