import Foundation

/// A routing-only scenario's path: the pool graph with no capital overlay.
/// The external asset follows `dS/S = volatileSigma dW` with the overlay's
/// asset draw (z3 of the overlay stream), so a routing-only run and a coupled
/// run of the same seed share their asset shocks' timing and direction.
struct RoutingKernel: Sendable {
  let shocks: [Shock]
  let epochs: Int
  let dt: Double
  let sqrtDt: Double
  let sigma: Double
  let random: UniformSource
  let zig = Ziggurat.standard
  let hasWindows: Bool

  init(scenario s: Scenario, model: RoutingModel) {
    shocks = s.shocks
    epochs = s.epochs
    dt = 1 / Double(s.epochsPerYear)
    sqrtDt = dt.squareRoot()
    sigma = model.p.volatileSigma
    random = UniformSource(seed: s.seed)
    hasWindows = s.shocks.contains {
      if case .flowShock = $0.kind { return true }
      return false
    }
  }

  /// Per-worker buffers, reused from path to path.
  struct Scratch {
    var shockEpoch: [Int]
    var extraImbalance: [Double]

    init(kernel: RoutingKernel) {
      shockEpoch = Array(repeating: -1, count: kernel.shocks.count)
      extraImbalance = Array(repeating: 0, count: kernel.hasWindows ? kernel.epochs : 0)
    }
  }

  /// Simulates one path into `state.stats`.
  /// - Complexity: O(`epochs` × the pool step), no allocation.
  func simulate(path: Int, state: inout RoutingState, scratch: inout Scratch, cancellation: CancellationToken? = nil) {
    state.startPath()
    var nextShock = ShockSchedule.draw(
      shocks, random: random, path: path, into: &scratch.shockEpoch)
    if hasWindows { for t in 0..<epochs { scratch.extraImbalance[t] = 0 } }
    var asset = 1.0
    let drift = -0.5 * sigma * sigma * dt
    var blockStart = 0
    while blockStart < epochs {
      if cancellation?.isCancelled == true { return }
      let blockEnd = min(blockStart + CancellationToken.epochsPerCheck, epochs)
      for t in blockStart..<blockEnd {
        if t == nextShock {
          nextShock = ShockSchedule.fire(at: t, epochOf: scratch.shockEpoch) { i in
            switch shocks[i].kind {
            case .assetCrash(let drop): asset *= 1 - drop
            case .flowShock(let imbalance, let n):
              for u in t..<min(t + n, epochs) { scratch.extraImbalance[u] += imbalance }
            case .bridgeHalt, .poolDepeg, .oracleLag: state.applyShock(i, epoch: t)
            case .volSpike, .liquidityShock, .redemptionWave, .pegShock:
              break  // rejected at decode: routing-only runs have no overlay
            }
          }
        }
        var words = WordStream(random.philox, path: path, epoch: t, stream: .overlay)
        _ = zig.normal(&words)
        _ = zig.normal(&words)
        asset *= exp(drift + sigma * sqrtDt * zig.normal(&words))
        _ = state.step(
          path: path, epoch: t, assetPrice: asset,
          flowImbalance: hasWindows ? scratch.extraImbalance[t] : 0, capital: 0)
      }
      blockStart = blockEnd
    }
  }
}
