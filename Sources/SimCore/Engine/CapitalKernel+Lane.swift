import Foundation

extension CapitalKernel {
  /// Runs lane `lane` through the epochs `range` of the slab whose words are
  /// `words` (`BlockScratch.words`), writing its ROI after each epoch to `band`
  /// when given. The arithmetic is `simulate`'s for the parametric mode (no
  /// pools, no rule, no trace), operation for operation, so the numbers are the same bits.
  /// - Complexity: O(`range.count`), no allocation.
  @inline(__always)
  func advance(
    lane: Int, epochs range: Range<Int>, words: UnsafeBufferPointer<UInt32>, band: UnsafeMutablePointer<Float>?,
    scratch: inout BlockScratch
  ) {
    let l0 = scratch.lanes[lane]
    let path = l0.path
    let t0 = p.capital
    var logWeight = l0.logWeight
    var nextShock = l0.nextShock
    var T = l0.T
    var peak = l0.peak
    var sigma = l0.sigma
    var S = l0.S
    var P = l0.P
    var ell = l0.ell
    var s = l0.s
    var throttled = l0.throttled
    var liquidated = l0.liquidated
    var aSet = l0.aSet
    var lSet = l0.lSet
    var C = l0.C
    var D = l0.D
    var maxDD = l0.maxDD
    var captureSpread = l0.captureSpread
    var capture = l0.capture
    var att = l0.att
    var flows = l0.flows
    var out = l0.out
    let shifted = l0.shifted
    let n = Self.laneCount
    let epochStride = Self.wordsPerEpoch * n
    let windows = lane * epochs
    for t in range {
      // 1. Shocks scheduled at t, in scenario order.
      if t == nextShock {
        let epochOf = scratch.shockEpoch[lane]
        nextShock = ShockSchedule.fire(at: t, epochOf: epochOf) { i in
          switch shocks[i].kind {
          case .assetCrash(let drop): S *= 1 - drop
          case .volSpike(let level, let add):
            if let level { sigma = max(sigma, level) }
            if let add { sigma += add }
          case .liquidityShock(let factor): ell *= factor
          case .redemptionWave(let rate, let k):
            for u in t..<min(t + k, epochs) { scratch.extraRho[windows + u] += rate }
          case .pegShock(let delta): P += delta
          case .flowShock(let imbalance, let k):
            for u in t..<min(t + k, epochs) { scratch.extraImbalance[windows + u] += imbalance }
          case .bridgeHalt, .poolDepeg, .oracleLag: break  // pool-graph shocks: no pools in parametric mode
          }
        }
      }
      // Wrapping index arithmetic: the slab's indices are small, and no overflow check runs per word.
      let row = (t &- range.lowerBound) &* epochStride &+ lane
      let b0 = (words[row], words[row &+ n], words[row &+ 2 &* n], words[row &+ 3 &* n])
      let z = zig.five(b0, words[row &+ 4 &* n], philox: random.philox, path: path, epoch: t, stream: streams.overlay)
      var z1 = z.0
      let z2 = z.1
      var z3 = z.2
      let z4 = z.3
      let z5 = z.4
      if let tilt {
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
      let sNext: Double
      let throttle = sigma > p.sigmaCrit
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
      if throttle && !throttled { out.throttleEvents &+= 1 }
      throttled = throttle
      if sNext != s { out.spreadAdjustments &+= 1 }
      s = sNext

      // 4. External liquidity.
      let rho = baseRho + (hasWindows ? scratch.extraRho[windows + t] : 0)
      ell = max(0, ell + kappaLDt * (p.ellBar - ell) + etaLStep * z2 - rho * p.redemptionLiquidityShare)
      if ell < floor {
        if out.floorViolations == 0 { out.firstFloorViolationEpoch = Int32(t) }
        out.floorViolations &+= 1
        aE = min(aE, p.allocation * ell / floor)
      }

      // 5. Asset.
      S *= exp((p.mu - sigma * sigma / 2) * dt + sigma * sqrtDt * z3)

      // 6. Collateral and debt.
      var liquidationLoss = 0.0
      var deleverageCost = 0.0
      if D > 0 {
        let value = C * S
        let ltv = D / value
        out.peakLoanToValue = max(out.peakLoanToValue, ltv)
        if ltv >= p.liquidationThreshold {
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
        capture = captureCurve.capture(atSpreadBps: s)
      }
      let volume = volumeScale * exp(p.volumeVol * z4 - p.volumeVol * p.volumeVol / 2)
      let marketMaking = volume * capture * s * 1e-4
      let volatilityDrag = aE * (lE * lE - lE) * sigma * sigma / 2 * dt
      let imbalance =
        p.flowVol * z5 - p.redemptionImbalance * rho + (hasWindows ? scratch.extraImbalance[windows + t] : 0)
      let arb = p.arbLiquidityCoefficient * (p.ellBar > 0 ? min(1, ell / p.ellBar) : 1)
      P = P + p.pegBeta * imbalance - arb * (P - 1)
      var interventionDrag = 0.0
      if abs(P - 1) > p.interventionBand {
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
    }
    let l = CapitalLane(
      path: path, shifted: shifted, logWeight: logWeight, nextShock: nextShock, T: T, peak: peak, sigma: sigma,
      S: S, P: P, ell: ell, s: s, throttled: throttled, liquidated: liquidated, aSet: aSet, lSet: lSet, C: C, D: D,
      maxDD: maxDD, captureSpread: captureSpread, capture: capture, att: att, flows: flows, out: out)
    scratch.lanes[lane] = l
  }
}
