import Foundation

/// The automatic tilt of `--importance auto`: the cross-entropy method
/// (Rubinstein and Kroese, 2004) in a few deterministic pilot rounds, for the
/// mean-shift family of `ImportanceTilt` (docs/IMPORTANCE.md, "Choosing the tilt").
///
/// Each round draws `pilotPaths` paths under the current tilt from the pilot
/// streams (`ImportanceTilt.Streams.pilot`: round r takes pilot paths
/// r·N ..< (r+1)·N, never the run's paths), ranks them by the target's score,
/// and takes as elite the paths at or above γ = min(level, the (1-ρ)-quantile
/// of the scores). The next tilt is the likelihood-ratio-weighted mean of the
/// elite's normals, epoch by epoch (the cross-entropy optimum of a mean
/// shift), and the weighted share of elite paths on which each probabilistic
/// shock happened. A per-epoch shift within `noiseCut` standard errors of 0 is
/// set to 0, so epochs that do not drive the event (after a liquidation, say)
/// carry no tilt and add no weight variance. The rounds stop after the first
/// whose γ reached the level. Every sum runs in path order: the tilt is the
/// same for any thread count.
struct CrossEntropyTilt {
  let kernels: Kernels
  let target: ImportanceTarget
  let pilotPaths: Int
  let maxRounds: Int
  /// The elite share ρ.
  static let eliteFraction = 0.1
  /// Shifts within this many standard errors of 0 are dropped.
  static let noiseCut = 3.0
  /// The range the tilted shock probabilities are kept in.
  static let shockProbabilityRange = 0.01...0.99

  /// The tilt after the pilot rounds, and the pilot paths they drew.
  func solve(options: RunOptions) throws(RunError) -> (tilt: ImportanceTilt, pilotPaths: Int) {
    guard var kernel = kernels.capital else { preconditionFailure("importance sampling needs a capital kernel") }
    var tilt = ImportanceTilt(epochs: kernel.epochs, shocks: kernel.shocks.count)
    kernel.streams = .pilot
    var pilot = options
    pilot.progress = nil
    pilot.bandPaths = 0
    let threshold = kernel.p.liquidationThreshold
    var spent = 0
    for round in 0..<maxRounds {
      kernel.tilt = tilt
      var k = kernels
      k.capital = kernel
      k.importance = nil
      var batch = PathBatch(kernels: k, bandPaths: 0)
      let first = round * pilotPaths
      _ = try Runner.simulate(k, paths: first..<(first + pilotPaths), total: pilotPaths, into: &batch, options: pilot)
      spent += pilotPaths
      let scores = batch.records.map { target.score($0, liquidationThreshold: threshold) }
      let sorted = scores.sorted()
      let gamma = min(target.level, Quantiles.sorted(sorted, 1 - Self.eliteFraction))
      let elite = scores.indices.filter { scores[$0] >= gamma && batch.records[$0].weight > 0 }
      guard !elite.isEmpty else { break }
      tilt = update(tilt, kernel: kernel, elite: elite.map { (first + $0, batch.records[$0].weight) })
      if gamma >= target.level { break }
    }
    return (tilt, spent)
  }

  /// The cross-entropy update from the elite (pilot path, likelihood ratio) pairs.
  /// - Complexity: O(elite × epochs), replaying the elite's normals from their streams.
  func update(_ tilt: ImportanceTilt, kernel: CapitalKernel, elite: [(path: Int, weight: Double)]) -> ImportanceTilt {
    let epochs = kernel.epochs
    var next = tilt
    var total = 0.0
    var total2 = 0.0
    var sumA = [Double](repeating: 0, count: epochs)
    var sumA2 = sumA
    var sumV = sumA
    var sumV2 = sumA
    var fired = [Double](repeating: 0, count: kernel.shocks.count)
    for (path, w) in elite {
      total += w
      total2 += w * w
      for t in 0..<epochs {
        var words = WordStream(kernel.random.philox, path: path, epoch: t, stream: kernel.streams.overlay)
        let z1 = kernel.zig.normal(&words) + tilt.volatilityShift[t]
        _ = kernel.zig.normal(&words)
        let z3 = kernel.zig.normal(&words) + tilt.assetShift[t]
        sumA[t] += w * z3
        sumA2[t] += w * z3 * z3
        sumV[t] += w * z1
        sumV2[t] += w * z1 * z1
      }
      for (i, shock) in kernel.shocks.enumerated() where shock.probability < 1 {
        let u = kernel.random.uniforms(path: path, epoch: 0, block: i, stream: kernel.streams.shocks)
        let q = tilt.shockProbability[i].isNaN ? shock.probability : tilt.shockProbability[i]
        if u.0 < q { fired[i] += w }
      }
    }
    let ess = total * total / total2
    for t in 0..<epochs {
      next.assetShift[t] = Self.significant(sum: sumA[t], sumOfSquares: sumA2[t], total: total, ess: ess)
      next.volatilityShift[t] = Self.significant(sum: sumV[t], sumOfSquares: sumV2[t], total: total, ess: ess)
    }
    for (i, shock) in kernel.shocks.enumerated() where shock.probability < 1 {
      let r = Self.shockProbabilityRange
      next.shockProbability[i] = min(max(fired[i] / total, r.lowerBound), r.upperBound)
    }
    return next
  }

  /// The weighted mean, or 0 when it is within `noiseCut` standard errors of 0.
  static func significant(sum: Double, sumOfSquares: Double, total: Double, ess: Double) -> Double {
    let mean = sum / total
    let variance = max(0, sumOfSquares / total - mean * mean)
    let se = (variance / max(ess, 1)).squareRoot()
    return abs(mean) > noiseCut * se ? mean : 0
  }
}
