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
  /// Capture as a function of the quoted spread, anchored to the market's reference spread.
  let captureCurve: CaptureCurve
  let random: UniformSource
  let zig = Ziggurat.standard
  /// Whether any shock lasts several epochs (waves), so per-path buffers are needed.
  let hasWindows: Bool
  /// The importance-sampling tilt the paths are drawn under (docs/IMPORTANCE.md);
  /// nil draws the plain paths, and every record keeps weight 1.
  var tilt: ImportanceTilt?
  /// The streams of the overlay normals and of the shock draws (the pilot
  /// rounds of `CrossEntropyTilt` draw theirs apart from the run's).
  var streams = ImportanceTilt.Streams.run

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
    captureCurve = CaptureCurve(capital)
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

  /// Draws, for path `path`, whether and when each shock happens (-1: never),
  /// as `simulate` draws it (under the tilt, when there is one).
  func schedule(path: Int, into epochOf: inout [Int]) -> Int {
    var logWeight = 0.0
    return schedule(path: path, shifted: isShifted(path: path), logWeight: &logWeight, into: &epochOf)
  }

  /// Whether path `path` is drawn under the tilt: false without one, and on a
  /// defensive path (share `defensiveShare`), which is drawn from the plain law.
  func isShifted(path: Int) -> Bool {
    tilt.map { $0.isShifted(path: path, random: random, stream: streams.shocks) } ?? false
  }

  /// The shock schedule of path `path`; under a tilt the shocks are drawn with
  /// the tilted probabilities when `shifted`, and their log-likelihood ratio is
  /// added to `logWeight`.
  func schedule(path: Int, shifted: Bool, logWeight: inout Double, into epochOf: inout [Int]) -> Int {
    guard let tilt else { return ShockSchedule.draw(shocks, random: random, path: path, into: &epochOf) }
    return ShockSchedule.draw(
      shocks, random: random, path: path, stream: streams.shocks, probabilities: tilt.shockProbability,
      tilted: shifted, logWeight: &logWeight, into: &epochOf)
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
    var rule = NoRule()
    return simulate(
      path: path, scratch: &scratch, band: band, trace: trace, pools: &pools, rule: &rule, cancellation: cancellation)
  }

  /// Simulates one path with a per-epoch `rule` called at step 3 of every
  /// epoch (docs/MODEL.md, "Per-epoch rules"); `NoRule` compiles to the run
  /// without one. A rule's error ends the path and is rethrown.
  /// - Complexity: O(`epochs`) plus the rule's own cost per epoch.
  func simulate<Pools: PoolCoupling, Rule: EpochRule>(
    path: Int, scratch: inout Scratch, band: UnsafeMutableBufferPointer<Float>?,
    trace: UnsafeMutableBufferPointer<Double>? = nil, pools: inout Pools, rule: inout Rule,
    cancellation: CancellationToken? = nil
  ) throws(Rule.Failure) -> PathRecord {
    var out = PathRecord()
    var flows = FlowLedger()
    var marks = RuleMarks()
    pools.startPath()
    var logWeight = 0.0
    // A defensive path (share `defensiveShare`) is drawn from the plain law; its weight uses the same formula.
    let shifted = isShifted(path: path)
    var nextShock = schedule(path: path, shifted: shifted, logWeight: &logWeight, into: &scratch.shockEpoch)
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
    var capture = captureCurve.capture(atSpreadBps: captureSpread)

    let lane = UInt32(truncatingIfNeeded: path)
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
        // z1 ... z5: the five normals of (path, t) on the overlay stream (`Ziggurat.five`).
        let b0 = random.philox.block((lane, UInt32(truncatingIfNeeded: t), 0, streams.overlay.rawValue))
        let b1 = random.philox.block((lane, UInt32(truncatingIfNeeded: t), 1, streams.overlay.rawValue))
        let z = zig.five(b0, b1.0, philox: random.philox, path: path, epoch: t, stream: streams.overlay)
        var z1 = z.0
        let z2 = z.1
        var z3 = z.2
        let z4 = z.3
        let z5 = z.4
        if let tilt {
          // Z = Z0 + θ: the likelihood ratio φ(Z) / φ(Z - θ) = exp(-θZ + θ²/2).
          let a = tilt.assetShift[t]
          let v = tilt.volatilityShift[t]
          if shifted {
            z1 += v
            z3 += a
          }
          logWeight += (a * a + v * v) / 2 - a * z3 - v * z1
        }

        // 2. Volatility (mean-reverting).
        sigma = max(p.sigmaMin, sigma + kappaDt * (p.sigmaBar - sigma) + etaStep * z1)

        // 3. Throttle.
        var aE: Double
        var lE: Double
        var sNext: Double
        var throttle = sigma > p.sigmaCrit
        if throttle {
          aE = p.allocation * p.throttleAllocationFactor
          lE = min(p.leverage, p.stressLeverage)
          sNext = min(s * p.spreadWidenFactor, p.spreadCeilingBps)
        } else {
          aE = p.allocation
          lE = p.leverage
          sNext = p.targetSpreadBps
        }
        if liquidated { lE = 1 }
        // A per-epoch rule sees step 3's targets and may replace them.
        var redemptionFactor = 1.0
        if Rule.isActive {
          var st = EpochState()
          st.path = path
          st.epoch = t
          st.capital = T
          st.peak = peak
          st.sigma = sigma
          st.ell = ell
          st.peg = P
          st.asset = S
          st.ltv = D > 0 ? D / (C * S) : 0
          st.spread = s
          st.targetSpread = sNext
          st.allocation = aE
          st.leverage = lE
          st.throttled = throttle
          st.liquidated = liquidated
          marks.fill(&st, out)
          if let act = try rule.decide(st) {
            aE = act.allocation ?? aE
            lE = liquidated ? 1 : act.leverage ?? lE
            sNext = act.spread ?? sNext
            throttle = act.throttled ?? throttle
            redemptionFactor = act.redemptionFactor ?? 1
          }
        }
        if throttle && !throttled { out.throttleEvents &+= 1 }
        throttled = throttle
        if sNext != s { out.spreadAdjustments &+= 1 }
        s = sNext

        // 4. External liquidity.
        var rho = baseRho + (hasWindows ? scratch.extraRho[t] : 0)
        if Rule.isActive { rho *= redemptionFactor }
        ell = max(0, ell + kappaLDt * (p.ellBar - ell) + etaLStep * z2 - rho * p.redemptionLiquidityShare)
        if ell < floor {
          if Rule.isActive { marks.lastFloorViolationEpoch = t }
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
          out.peakLoanToValue = max(out.peakLoanToValue, ltv)
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
            if Rule.isActive { marks.liquidationEpoch = t }
          } else if ltv > p.maxLTV {
            let target = min((lE - 1) / lE, p.maxLTV)
            let x = (D - target * value) / (1 - target)
            C -= x / S
            D -= x
            deleverageCost = p.deleverageCostBps * 1e-4 * x
            out.deleverageEvents &+= 1
            if Rule.isActive { marks.lastDeleverageEpoch = t }
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
          capture = captureCurve.capture(atSpreadBps: s)
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
        let before = T
        T +=
          T * (yieldTerm + marketMaking - volatilityDrag - interventionDrag - redemptionDrag)
          - liquidationLoss - deleverageCost
        flows.close(before: before, after: T, outflow: before * rho)
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
    flows.write(into: &out)
    if let tilt { out.weight = tilt.weight(logLikelihoodRatio: logWeight) }
    return out
  }
}
