import Foundation

/// The automatic tilt of `--importance auto`: the cross-entropy method
/// (Rubinstein and Kroese, 2004) in a few deterministic pilot rounds, for a
/// low-dimensional family of mean shifts (`ShiftFamily`: per normal, a shift
/// linear in time over the epochs 0...τ and none after), docs/IMPORTANCE.md,
/// "Choosing the tilt".
///
/// Each round draws `pilotPaths` paths under the current tilt from the pilot
/// streams (`ImportanceTilt.Streams.pilot`: round r takes pilot paths
/// r·N ..< (r+1)·N, never the run's paths) and sets γ = min(level, the
/// (1-ρ)-quantile of the round's scores). The elite are the paths of *every*
/// round so far at or above γ, weighted by the balance heuristic (Veach, 1997):
/// the plain density over the equal mixture of the rounds' tilted densities,
/// so a path keeps a bounded weight whichever round drew it. The next tilt is
/// the cross-entropy optimum within the family (`ShiftFamily.fit`), and the
/// weighted share of elite paths on which each probabilistic shock happened.
/// The rounds stop after the first whose γ reached the level. Every sum runs
/// in path order: the tilt is the same for any thread count.
struct CrossEntropyTilt {
  let kernels: Kernels
  let target: ImportanceTarget
  let pilotPaths: Int
  let maxRounds: Int
  /// The elite share ρ.
  static let eliteFraction = 0.1
  /// The range the tilted shock probabilities are kept in.
  static let shockProbabilityRange = 0.01...0.99

  /// A pilot path kept for the updates: its pilot path number, the round that drew it, its score.
  struct PilotPath {
    let path: Int
    let round: Int
    let score: Double
  }

  /// The tilt after the pilot rounds, and the pilot paths they drew.
  func solve(options: RunOptions) throws(RunError) -> (tilt: ImportanceTilt, pilotPaths: Int) {
    guard var kernel = kernels.capital else { preconditionFailure("importance sampling needs a capital kernel") }
    var tilt = ImportanceTilt(epochs: kernel.epochs, shocks: kernel.shocks.count)
    kernel.streams = .pilot
    var pilot = options
    pilot.progress = nil
    pilot.bandPaths = 0
    let threshold = kernel.p.liquidationThreshold
    var tilts: [ImportanceTilt] = []
    var pool: [PilotPath] = []
    for round in 0..<maxRounds {
      kernel.tilt = tilt
      tilts.append(tilt)
      var k = kernels
      k.capital = kernel
      k.importance = nil
      var batch = PathBatch(kernels: k, bandPaths: 0)
      let first = round * pilotPaths
      _ = try Runner.simulate(k, paths: first..<(first + pilotPaths), total: pilotPaths, into: &batch, options: pilot)
      var scores: [Double] = []
      scores.reserveCapacity(pilotPaths)
      for (i, r) in batch.records.enumerated() {
        let score = target.score(r, liquidationThreshold: threshold)
        scores.append(score)
        pool.append(PilotPath(path: first + i, round: round, score: score))
      }
      let gamma = min(target.level, Quantiles.sorted(scores.sorted(), 1 - Self.eliteFraction))
      let elite = pool.filter { $0.score >= gamma }
      guard !elite.isEmpty else { break }
      tilt = update(tilts: tilts, kernel: kernel, elite: elite)
      if gamma >= target.level { break }
    }
    return (tilt, tilts.count * pilotPaths)
  }

  /// The cross-entropy update from the elite pilot paths, drawn under `tilts[round]`:
  /// two passes over the elite (`ShiftFamily`), replaying their normals, none kept.
  /// - Complexity: O(elite × epochs × rounds); memory O(elite + epochs).
  func update(tilts: [ImportanceTilt], kernel: CapitalKernel, elite: [PilotPath]) -> ImportanceTilt {
    let epochs = kernel.epochs
    var next = tilts[tilts.count - 1]
    var means = ShiftFamily.EpochMeans(epochs: epochs)
    var fired = [Double](repeating: 0, count: kernel.shocks.count)
    var happened = [Bool](repeating: false, count: kernel.shocks.count)
    var weights: [(path: PilotPath, weight: Double)] = []
    var z1 = [Double](repeating: 0, count: epochs)
    var z3 = z1
    for e in elite {
      replay(e, tilts: tilts, kernel: kernel, volatility: &z1, asset: &z3, happened: &happened)
      let w = balanceWeight(tilts: tilts, kernel: kernel, volatility: z1, asset: z3, happened: happened)
      guard w.isFinite, w > 0 else { continue }
      weights.append((e, w))
      means.add(weight: w, asset: z3, volatility: z1)
      for i in happened.indices where happened[i] { fired[i] += w }
    }
    guard means.totalWeight > 0 else { return next }
    var moments = ShiftFamily.Moments(end: means.end)
    for (e, w) in weights {
      replay(e, tilts: tilts, kernel: kernel, volatility: &z1, asset: &z3, happened: &happened)
      moments.add(weight: w, asset: z3, volatility: z1)
    }
    (next.assetShift, next.volatilityShift) = moments.shifts(epochs: epochs)
    for (i, shock) in kernel.shocks.enumerated() where shock.probability < 1 {
      let r = Self.shockProbabilityRange
      next.shockProbability[i] = min(max(fired[i] / means.totalWeight, r.lowerBound), r.upperBound)
    }
    return next
  }

  /// The normals z1 (volatility) and z3 (asset) pilot path `e` was drawn with
  /// under its round's tilt, and which probabilistic shocks happened on it.
  /// - Complexity: O(epochs + shocks).
  func replay(
    _ e: PilotPath, tilts: [ImportanceTilt], kernel: CapitalKernel, volatility z1: inout [Double],
    asset z3: inout [Double], happened: inout [Bool]
  ) {
    let drawn = tilts[e.round]
    for t in 0..<kernel.epochs {
      var words = WordStream(kernel.random.philox, path: e.path, epoch: t, stream: kernel.streams.overlay)
      z1[t] = kernel.zig.normal(&words) + drawn.volatilityShift[t]
      _ = kernel.zig.normal(&words)
      z3[t] = kernel.zig.normal(&words) + drawn.assetShift[t]
    }
    for (i, shock) in kernel.shocks.enumerated() where shock.probability < 1 {
      let u = kernel.random.uniforms(path: e.path, epoch: 0, block: i, stream: kernel.streams.shocks)
      happened[i] = u.0 < Self.probability(drawn, shock: i, plain: shock.probability)
    }
  }

  /// The balance-heuristic weight of a path with these draws: the plain
  /// density over the equal mixture of the rounds' tilted densities,
  /// 1 / ((1/R) Σ_r g_r/f), from log(g_r/f) under each round's tilt.
  /// - Complexity: O(rounds × (epochs + shocks)).
  func balanceWeight(
    tilts: [ImportanceTilt], kernel: CapitalKernel, volatility z1: [Double], asset z3: [Double], happened: [Bool]
  ) -> Double {
    var logRatio = [Double](repeating: 0, count: tilts.count)
    for (r, g) in tilts.enumerated() {
      var l = 0.0
      for t in 0..<kernel.epochs {
        let a = g.assetShift[t]
        let v = g.volatilityShift[t]
        l += a * z3[t] - a * a / 2 + v * z1[t] - v * v / 2
      }
      for (i, shock) in kernel.shocks.enumerated() where shock.probability < 1 {
        let p = shock.probability
        let q = Self.probability(g, shock: i, plain: p)
        l += happened[i] ? log(q / p) : log((1 - q) / (1 - p))
      }
      logRatio[r] = l
    }
    let top = logRatio.max() ?? 0
    let mixture = logRatio.reduce(0) { $0 + exp($1 - top) } / Double(tilts.count)
    return exp(-top) / mixture
  }

  /// The probability shock `i` is drawn with under `tilt` (its own `plain` when untilted).
  static func probability(_ tilt: ImportanceTilt, shock i: Int, plain p: Double) -> Double {
    tilt.shockProbability[i].isNaN ? p : tilt.shockProbability[i]
  }
}
