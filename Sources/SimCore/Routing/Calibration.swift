/// Fits the parametric overlay's constants from a coupled run (`cap.calibrate`),
/// so that fast parametric sweeps stand on numbers from the routing model.
///
/// The fit, all on the coupled run's own paths:
/// - `capture0` such that the capture curve passes through the routing capture
///   (PMM order volume / all order volume) at the target spread: the routing
///   capture itself when the target is the reference spread;
/// - `flowTurnover` such that the parametric mean market making at the target
///   spread, `flowTurnover * dt * capture(targetSpreadBps) * targetSpreadBps * 1e-4`,
///   equals the coupled mean of fee income / T per epoch;
/// - `volumeVol` = the pooled within-path standard deviation of log(fee income)
///   per epoch (the parametric volume factor is lognormal with that log-s.d.);
/// - `flowVol` = the pooled within-path standard deviation of the pools' hub
///   imbalance per epoch (the coupled overlay feeds that imbalance to the peg
///   exactly where the parametric overlay feeds `flowVol * z5`);
/// - `interventionCostBps` such that the parametric mean intervention drag
///   equals the coupled one. Parametric drag is `A + B * costBps` on common
///   random numbers (the peg path does not depend on the cost), so two
///   parametric runs (0 and 10 bps) give A and B, and the fit is linear. A
///   coupled drag below A (interventions that on net earned the curve premium)
///   cannot be matched: the cost is clamped at 0 and the residual is reported.
///
/// Pool-graph shocks (bridge_halt, pool_depeg, oracle_lag) are dropped from
/// the calibrated scenario: their average effect is in the fitted constants.
public struct Calibration: Sendable {
  /// One fitted constant: its value, what it was before, and how it was fitted.
  public struct Fit: Sendable, Equatable {
    public let name: String
    public let value: Double
    public let previous: Double
    public let note: String
  }

  /// One statistic compared between the coupled run and the calibrated one.
  public struct Check: Sendable, Equatable {
    public let name: String
    public let coupled: Double
    public let calibrated: Double
  }

  public let scenario: Scenario
  public let fits: [Fit]
  public let checks: [Check]
  public let droppedShocks: [String]

  /// Fits the constants from `result` (a coupled run with a capital overlay)
  /// and checks the calibrated scenario on the same paths and seed.
  /// - Complexity: three parametric runs of the coupled run's size.
  public static func fit(_ result: RunResult, options: RunOptions = RunOptions()) throws
    -> Calibration
  {
    let s = result.scenario
    guard s.pmmMode == .coupled, let capital = s.capital, let routing = result.scorecard.routing
    else {
      throw ConfigError(
        .outOfRange, file: s.file, field: "pmm.mode",
        "cap.calibrate needs the result of a coupled run with a capital overlay (pmm.mode \"coupled\" and capitalEfficiency); \"\(s.name)\" is \(s.capital == nil ? "routing-only" : "pmm.mode \"\(s.pmmMode.rawValue)\"")"
      )
    }
    func clamp(_ x: Double, _ name: String) -> Double {
      let finite = x.isFinite ? x : 0
      guard let range = CapitalSchema.fields.first(where: { $0.name == name })?.range else { return finite }
      return min(max(finite, range.lowerBound), range.upperBound)
    }
    let dt = 1 / Double(s.epochsPerYear)
    // The curve through the routing capture at the target spread: capture0 is its value at the reference.
    let curve = CaptureCurve(capital)
    let capture0 = clamp(routing.capture / curve.factor(atSpreadBps: capital.targetSpreadBps), "capture0")
    let captureAtTarget = CaptureCurve(
      capture0: capture0, elasticity: capital.captureElasticity, referenceSpreadBps: capital.referenceSpreadBps
    ).capture(atSpreadBps: capital.targetSpreadBps)
    let scale = dt * captureAtTarget * capital.targetSpreadBps * 1e-4
    let turnover = clamp(scale > 0 ? routing.feeOverCapitalPerEpoch / scale : 0, "flowTurnover")
    var fits = [
      Fit(
        name: "capture0", value: capture0, previous: capital.capture0,
        note:
          "routing capture (PMM order volume / all order volume) at the target spread, moved to the reference spread along the capture curve"
      ),
      Fit(
        name: "flowTurnover", value: turnover, previous: capital.flowTurnover,
        note:
          "mean fee income / T per epoch (\(formatFixed(routing.feeOverCapitalPerEpoch * 1e6, digits: 3)) ppm) over dt * capture(targetSpreadBps) * targetSpreadBps"
      ),
      Fit(
        name: "volumeVol", value: clamp(routing.logFeeVolatility, "volumeVol"),
        previous: capital.volumeVol,
        note: "within-path s.d. of log(fee income) per epoch"),
      Fit(
        name: "flowVol", value: clamp(routing.imbalanceVolatility, "flowVol"),
        previous: capital.flowVol,
        note:
          "within-path s.d. of the pools' hub imbalance per epoch (mean \(formatFixed(routing.imbalanceMean * 1e6, digits: 2)) ppm, not fitted)"
      ),
    ]
    let dropped = s.shocks.map(\.typeName).filter { Shock.coupledTypeNames.contains($0) }

    func scenario(costBps: Double, fits: [Fit]) throws(ConfigError) -> Scenario {
      var tree = s.source
      tree = tree.setting(.string("none"), atPath: ["graphMode"][...])
      tree = tree.setting(.string(s.name + "_calibrated"), atPath: ["name"][...])
      tree = tree.setting(
        .string("Calibrated from the coupled run of \(s.name): \(s.description)"),
        atPath: ["description"][...])
      var fitted: [String: ConfigValue] = [:]
      for f in fits { fitted[f.name] = .number(f.value) }
      fitted["interventionCostBps"] = .number(costBps)
      tree = tree.setting(
        .object([
          "mode": .string("calibrated"),
          "calibration": .object([
            "fromScenario": .string(s.name), "fromHash": .string(s.contentHash),
            "method": .string("cap.calibrate"),
            "seed": .number(Double(s.seed)), "paths": .number(Double(s.paths)),
            "epochs": .number(Double(s.epochs)),
            "fitted": .object(fitted), "droppedShocks": .array(dropped.map(ConfigValue.string)),
          ]),
        ]), atPath: ["pmm"][...])
      for (name, value) in fitted {
        tree = tree.setting(value, atPath: ["capitalEfficiency", name][...])
      }
      if case .array(let items)? = s.source["shocks"] {
        tree = tree.setting(
          .array(
            items.filter {
              guard case .string(let type)? = $0["type"] else { return true }
              return !Shock.coupledTypeNames.contains(type)
            }), atPath: ["shocks"][...])
      }
      return try Scenario(tree, file: "cap.calibrate(\(s.name))", policy: s.policy)
    }

    // Intervention cost: linear in costBps on common random numbers.
    let probe = 10.0
    let at0 = try Runner.run(scenario(costBps: 0, fits: fits), options: options).scorecard
      .pnlAttribution.interventionDrag
    let atProbe = try Runner.run(scenario(costBps: probe, fits: fits), options: options).scorecard
      .pnlAttribution
      .interventionDrag
    let target = result.scorecard.pnlAttribution.interventionDrag
    let slope = (atProbe - at0) / probe
    var cost = capital.interventionCostBps
    var note: String
    if slope < 0 {
      cost = clamp((target - at0) / slope, "interventionCostBps")
      note =
        "matches the coupled mean intervention drag (\(formatFixed(target, digits: 0)) USD per path); parametric drag = \(formatFixed(at0, digits: 0)) \(formatFixed(slope, digits: 1)) * costBps"
      if (target - at0) / slope < 0 {
        note +=
          "; the coupled interventions earned more than the parametric ones can, so the cost is clamped at 0"
      }
    } else {
      note =
        "kept: the calibrated peg never leaves the intervention band, so the cost has no effect"
    }
    fits.append(
      Fit(
        name: "interventionCostBps", value: cost, previous: capital.interventionCostBps, note: note)
    )
    let calibrated = try scenario(costBps: cost, fits: fits)
    let check = try Runner.run(calibrated, options: options).scorecard
    let coupled = result.scorecard
    let checks = [
      Check(
        name: "market_making", coupled: coupled.pnlAttribution.marketMaking,
        calibrated: check.pnlAttribution.marketMaking),
      Check(
        name: "intervention_drag", coupled: coupled.pnlAttribution.interventionDrag,
        calibrated: check.pnlAttribution.interventionDrag),
      Check(name: "roi_mean", coupled: coupled.roiMean, calibrated: check.roiMean),
      Check(
        name: "peg_deviation_frequency", coupled: coupled.pegDeviationFrequency,
        calibrated: check.pegDeviationFrequency),
    ]
    return Calibration(scenario: calibrated, fits: fits, checks: checks, droppedShocks: dropped)
  }

  /// The fit as a tree (for Lua): each constant's value, previous value and
  /// note, the checks, and the dropped shocks.
  public var tree: ConfigValue {
    var out: [String: ConfigValue] = [:]
    for f in fits {
      out[f.name] = .object([
        "value": .number(f.value), "previous": .number(f.previous), "note": .string(f.note),
      ])
    }
    var checked: [String: ConfigValue] = [:]
    for c in checks {
      checked[c.name] = .object([
        "coupled": .number(c.coupled), "calibrated": .number(c.calibrated),
      ])
    }
    out["checks"] = .object(checked)
    out["dropped_shocks"] = .array(droppedShocks.map(ConfigValue.string))
    return .object(out)
  }
}
