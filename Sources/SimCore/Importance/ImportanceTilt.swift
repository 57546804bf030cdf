import Foundation

/// A compiled importance-sampling tilt (docs/IMPORTANCE.md): per epoch, a mean
/// shift of the asset normal z3 and of the volatility normal z1, and per shock
/// the probability q it is drawn with. The capital kernel consults it in the
/// path's own pass and returns the path's likelihood-ratio weight.
public struct ImportanceTilt: Sendable, Equatable {
  /// θ_t added to the asset normal z3 at epoch t (count: the scenario's epochs).
  public var assetShift: [Double]
  /// θ_t added to the volatility normal z1 at epoch t.
  public var volatilityShift: [Double]
  /// Per shock, the probability q it is drawn with (NaN: its own `p`, untilted).
  public var shockProbability: [Double]
  /// The share λ of defensive paths, drawn from the plain law (Hesterberg, 1995):
  /// the paths come from the mixture λ·f + (1-λ)·g, so no weight exceeds 1/λ.
  public var defensiveShare = 0.0

  /// The streams a kernel draws from: the run's, or the pilot rounds' own.
  public struct Streams: Sendable, Equatable {
    public var overlay: RandomStream
    public var shocks: RandomStream
    /// The run's streams (plain and tilted paths alike).
    public static let run = Streams(overlay: .overlay, shocks: .shockOccurrence)
    /// The pilot rounds' streams: their paths are not the run's paths.
    public static let pilot = Streams(overlay: .pilotOverlay, shocks: .pilotShockOccurrence)
  }

  /// No tilt: every weight is 1.
  public init(epochs: Int, shocks: Int) {
    assetShift = Array(repeating: 0, count: epochs)
    volatilityShift = assetShift
    shockProbability = Array(repeating: .nan, count: shocks)
  }

  /// A constant shift `asset` of the asset normals (and `volatility` of the
  /// volatility normals) over the epochs `window`, shocks untilted.
  public init(epochs: Int, shocks: Int, asset: Double, volatility: Double = 0, window: ClosedRange<Int>) {
    self.init(epochs: epochs, shocks: shocks)
    for t in window.clamped(to: 0...max(0, epochs - 1)) where epochs > 0 {
      assetShift[t] = asset
      volatilityShift[t] = volatility
    }
  }

  /// Whether `path` is drawn under the tilt (else it is a defensive path,
  /// drawn from the plain law): one uniform of the shock stream at an address
  /// no shock uses (epoch 1, block 0), so the choice is a pure function of the path.
  func isShifted(path: Int, random: UniformSource, stream: RandomStream) -> Bool {
    defensiveShare <= 0 || random.uniforms(path: path, epoch: 1, block: 0, stream: stream).0 >= defensiveShare
  }

  /// The weight f/(λf + (1-λ)g) of a path whose log likelihood ratio log(f/g) is `logRatio`;
  /// exp(`logRatio`) without defensive paths.
  func weight(logLikelihoodRatio logRatio: Double) -> Double {
    defensiveShare > 0 ? 1 / (defensiveShare + (1 - defensiveShare) * exp(-logRatio)) : exp(logRatio)
  }

  /// The root mean square of the asset shifts over the epochs: a size of the tilt for reports.
  public var assetShiftRMS: Double { Self.rms(assetShift) }

  /// The root mean square of the volatility shifts.
  public var volatilityShiftRMS: Double { Self.rms(volatilityShift) }

  /// The sum of the asset shifts: the shift of the asset's cumulative log return, in standard deviations × √epochs.
  public var assetShiftSum: Double { assetShift.reduce(0, +) }

  static func rms(_ x: [Double]) -> Double {
    x.isEmpty ? 0 : (x.reduce(0) { $0 + $1 * $1 } / Double(x.count)).squareRoot()
  }
}
