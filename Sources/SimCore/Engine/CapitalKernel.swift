import Foundation

/// The parametric capital overlay of MODEL.md section 3, compiled for one
/// scenario: per-epoch constants are precomputed, and `simulate` runs one path
/// with no allocation, no reference counting and no dynamic dispatch.
struct CapitalKernel: Sendable {
  let p: CapitalParameters
  let shocks: [Shock]
  let epochs: Int
  let dt: Double
  let sqrtDt: Double
  let kappaDt: Double
  let etaStep: Double
  let kappaLDt: Double
  let etaLStep: Double
  let baseRho: Double
  let floor: Double
  let pegBand: Double
  let muDt: Double
  let volumeScale: Double
  let random: UniformSource
  let zig = Ziggurat.standard
  /// Whether any shock lasts several epochs (waves), so per-path buffers are needed.
  let hasWindows: Bool

  init(scenario s: Scenario) {
    guard let capital = s.capital else { preconditionFailure("a capital kernel needs a capital overlay") }
    p = capital
    shocks = s.shocks
    epochs = s.epochs
    dt = 1 / Double(s.epochsPerYear)
    sqrtDt = dt.squareRoot()
    kappaDt = p.kappa * dt
    etaStep = p.eta * sqrtDt
    kappaLDt = p.kappaL * dt
    etaLStep = p.etaL * sqrtDt
    baseRho = p.baseRedemptionRate * dt
    floor = s.policy.externalLiquidityFloor
    pegBand = s.policy.pegBand
    muDt = p.mu * dt
    volumeScale = p.flowTurnover * dt
    random = UniformSource(seed: s.seed)
    hasWindows = s.shocks.contains {
      switch $0.kind {
      case .redemptionWave, .flowShock: true
      default: false
      }
    }
  }

  /// Per-worker buffers, reused from path to path.
  struct Scratch {
    var shockEpoch: [Int]
    var extraRho: [Double]
    var extraImbalance: [Double]

    init(kernel: CapitalKernel) {
      shockEpoch = Array(repeating: -1, count: kernel.shocks.count)
      extraRho = Array(repeating: 0, count: kernel.hasWindows ? kernel.epochs : 0)
      extraImbalance = extraRho
    }
  }

  /// Draws, for path `path`, whether and when each shock happens (-1: never).
  func schedule(path: Int, into epochOf: inout [Int]) -> Int {
    ShockSchedule.draw(shocks, random: random, path: path, into: &epochOf)
  }

  /// Simulates one path in parametric mode.
  /// - Complexity: O(`epochs`), two Philox blocks per epoch, no allocation.
  /// When `band` is given, writes the path's ROI after each epoch into it;
  /// when `trace` is given, the path's state after each epoch (`PathTrace`).
  func simulate(
    path: Int, scratch: inout Scratch, band: UnsafeMutableBufferPointer<Float>? = nil,
    trace: UnsafeMutableBufferPointer<Double>? = nil, cancellation: CancellationToken? = nil
  ) -> PathRecord {
    var none = NoPools()
    return simulate(
      path: path, scratch: &scratch, band: band, trace: trace, pools: &none, cancellation: cancellation)
  }

  /// Simulates one path; in coupled mode (`Pools` = `RoutingState`) the pool
  /// graph is stepped after the asset moves (step 5), and step 7 takes market
  /// making (fee income / T), the imbalance (net hub flow of the pools over
  /// the hub depth, less the redemption term) and the intervention (cost / T,
  /// and the external liquidity it draws) from the pools.
  /// A cancelled `cancellation` ends the path early, at the start of a block
  /// of `CancellationToken.epochsPerCheck` epochs, with a partial record that
  /// the runner discards (it throws `.cancelled`).
  /// - Complexity: O(`epochs`) plus the pool step in coupled mode; no allocation.
  func simulate<Pools: PoolCoupling>(
    path: Int, scratch: inout Scratch, band: UnsafeMutableBufferPointer<Float>?,
    trace: UnsafeMutableBufferPointer<Double>? = nil, pools: inout Pools, cancellation: CancellationToken? = nil
  ) -> PathRecord {
    var out = PathRecord()
    pools.startPath()
    var nextShock = schedule(path: path, into: &scratch.shockEpoch)
    if hasWindows {
      for t in 0..<epochs {
        scratch.extraRho[t] = 0
        scratch.extraImbalance[t] = 0
      }
    }
    let t0 = p.capital
    var T = t0
    var peak = t0
    var sigma = p.sigma0
    var S = 1.0
    var P = 1.0
    var ell = p.ell0
    var s = p.targetSpreadBps
    var throttled = false
    var liquidated = false
    var aSet = p.allocation
    var lSet = p.leverage
    var C = lSet * aSet * T / S
    var D = (lSet - 1) * aSet * T
    var maxDD = 0.0
    var att = Attribution()
    var captureSpread = p.targetSpreadBps
    var capture = p.capture0

    var blockStart = 0
    while blockStart < epochs {
      if cancellation?.isCancelled == true { return out }
      let blockEnd = min(blockStart + CancellationToken.epochsPerCheck, epochs)
      for t in blockStart..<blockEnd {
        // 1. Shocks scheduled at t, in scenario order.
        if t == nextShock {
          nextShock = ShockSchedule.fire(at: t, epochOf: scratch.shockEpoch) { i in
            switch shocks[i].kind {
            case .assetCrash(let drop): S *= 1 - drop
            case .volSpike(let level, let add):
              if let level { sigma = max(sigma, level) }
              if let add { sigma += add }
            case .liquidityShock(let factor): ell *= factor
            case .redemptionWave(let rate, let n):
              for u in t..<min(t + n, epochs) { scratch.extraRho[u] += rate }
            case .pegShock(let delta): P += delta
            case .flowShock(let imbalance, let n):
              for u in t..<min(t + n, epochs) { scratch.extraImbalance[u] += imbalance }
            case .bridgeHalt, .poolDepeg, .oracleLag:
              pools.applyShock(i, epoch: t)  // pool-graph shocks act on the routing model
            }
          }
        }
        var words = WordStream(random.philox, path: path, epoch: t, stream: .overlay)
        let z1 = zig.normal(&words)
        let z2 = zig.normal(&words)
        let z3 = zig.normal(&words)
        let z4 = zig.normal(&words)
        let z5 = zig.normal(&words)

        // 2. Volatility (mean-reverting).
        sigma = max(p.sigmaMin, sigma + kappaDt * (p.sigmaBar - sigma) + etaStep * z1)

        // 3. Throttle.
        var aE: Double
        var lE: Double
        let sNext: Double
        if sigma > p.sigmaCrit {
          if !throttled { out.throttleEvents &+= 1 }
          throttled = true
          aE = p.allocation * p.throttleAllocationFactor
          lE = min(p.leverage, p.stressLeverage)
          sNext = min(s * p.spreadWidenFactor, p.spreadCeilingBps)
        } else {
          throttled = false
          aE = p.allocation
          lE = p.leverage
          sNext = p.targetSpreadBps
        }
        if liquidated { lE = 1 }
        if sNext != s { out.spreadAdjustments &+= 1 }
        s = sNext

        // 4. External liquidity.
        let rho = baseRho + (hasWindows ? scratch.extraRho[t] : 0)
        ell = max(0, ell + kappaLDt * (p.ellBar - ell) + etaLStep * z2 - rho * p.redemptionLiquidityShare)
        if ell < floor {
          if out.floorViolations == 0 { out.firstFloorViolationEpoch = Int32(t) }
          out.floorViolations &+= 1
          aE = min(aE, p.allocation * ell / floor)
        }

        // 5. Asset.
        S *= exp((p.mu - sigma * sigma / 2) * dt + sigma * sqrtDt * z3)

        // Coupled mode: the pool graph's epoch, priced off this epoch's S.
        let pe =
          Pools.isCoupled
          ? pools.step(
            path: path, epoch: t, assetPrice: S, flowImbalance: hasWindows ? scratch.extraImbalance[t] : 0, capital: T)
          : PoolEpoch()

        // 6. Collateral and debt.
        var liquidationLoss = 0.0
        var deleverageCost = 0.0
        if D > 0 {
          let value = C * S
          let ltv = D / value
          if ltv >= p.liquidationThreshold {
            // Bad debt: the part of the debt the seized collateral does not cover.
            let unpaid = max(0, D - value)
            liquidationLoss = p.liquidationPenalty * value + unpaid
            out.badDebt += unpaid
            C = 0
            D = 0
            liquidated = true
            out.liquidationEpoch = Int32(t)
            lE = 1
          } else if ltv > p.maxLTV {
            let target = min((lE - 1) / lE, p.maxLTV)
            let x = (D - target * value) / (1 - target)
            C -= x / S
            D -= x
            deleverageCost = p.deleverageCostBps * 1e-4 * x
            out.deleverageEvents &+= 1
          }
        }
        if aE != aSet || lE != lSet {
          C = lE * aE * T / S
          D = (lE - 1) * aE * T
          aSet = aE
          lSet = lE
        }

        // 7. Rates, as fractions of T for this epoch.
        let yieldTerm = aE * (lE * p.yieldRate - (lE - 1) * p.borrowRate) * dt
        if s != captureSpread {
          captureSpread = s
          capture =
            p.targetSpreadBps > 0
            ? p.capture0 * exp(-p.captureElasticity * (s - p.targetSpreadBps) / p.targetSpreadBps) : p.capture0
        }
        let volume = volumeScale * exp(p.volumeVol * z4 - p.volumeVol * p.volumeVol / 2)
        let marketMaking = Pools.isCoupled ? (T > 0 ? pe.feeIncomeUSD / T : 0) : volume * capture * s * 1e-4
        let volatilityDrag = aE * (lE * lE - lE) * sigma * sigma / 2 * dt
        let imbalance =
          Pools.isCoupled
          ? pe.imbalance - p.redemptionImbalance * rho
          : p.flowVol * z5 - p.redemptionImbalance * rho + (hasWindows ? scratch.extraImbalance[t] : 0)
        let arb = p.arbLiquidityCoefficient * (p.ellBar > 0 ? min(1, ell / p.ellBar) : 1)
        P = P + p.pegBeta * imbalance - arb * (P - 1)
        var interventionDrag = 0.0
        if Pools.isCoupled {
          if T > 0 {
            interventionDrag = pe.interventionCostUSD / T
            ell = max(0, ell - pe.liquidityDrawUSD / T)
          }
        } else if abs(P - 1) > p.interventionBand {
          let q = min(ell, p.interventionGain * (abs(P - 1) - p.interventionBand))
          P -= (P > 1 ? q : -q) * p.interventionImpact
          ell -= q
          interventionDrag = q * (p.interventionCostBps * 1e-4 + abs(P - 1))
        }
        if abs(P - 1) > pegBand { out.pegDeviationEpochs &+= 1 }
        let redemptionDrag = rho * (1 + p.redemptionFeeBps * 1e-4) + p.fireSaleHaircut * max(0, rho - ell)

        att.yield += T * yieldTerm
        att.marketMaking += T * marketMaking
        att.volatilityDrag -= T * volatilityDrag
        att.interventionDrag -= T * interventionDrag
        att.redemptionDrag -= T * redemptionDrag
        att.liquidationLoss -= liquidationLoss
        att.deleverageCost -= deleverageCost
        T +=
          T * (yieldTerm + marketMaking - volatilityDrag - interventionDrag - redemptionDrag)
          - liquidationLoss - deleverageCost
        if T < peak { maxDD = max(maxDD, (peak - T) / peak) } else { peak = T }
        if let band { band[t] = Float(T / t0 - 1) }
        if let trace {
          PathTrace.write(
            into: trace, epoch: t,
            (T, D > 0 ? D / (C * S) : 0, S, sigma, ell, P, s, aE, lE))
        }
      }
      blockStart = blockEnd
    }
    out.roi = T / t0 - 1
    out.pnl = T - t0
    out.maxDrawdown = maxDD
    out.liquidated = liquidated
    out.attribution = att
    return out
  }
}
