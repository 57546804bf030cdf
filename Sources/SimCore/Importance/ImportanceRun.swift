/// The importance sampling of one run, resolved: the tilt the kernel draws
/// under, and what the scorecard's diagnostics report about how it was chosen.
struct ImportanceRun: Sendable {
  let target: ImportanceTarget
  /// "auto" or "manual".
  let method: String
  private(set) var tilt: ImportanceTilt
  /// The pilot paths the automatic tilt spent (0 for a manual tilt).
  let pilotPaths: Int

  /// Resolves `spec` for `kernels`: the manual tilt as stated, or the cross-entropy pilot rounds.
  init(_ spec: ImportanceSpec, kernels: Kernels, options: RunOptions) throws(RunError) {
    guard let capital = kernels.capital else { preconditionFailure("importance sampling needs a capital kernel") }
    target = spec.target
    switch spec.method {
    case .manual(let asset, let volatility, let from, let to):
      method = "manual"
      tilt = ImportanceTilt(
        epochs: capital.epochs, shocks: capital.shocks.count, asset: asset, volatility: volatility, window: from...to)
      pilotPaths = 0
    case .auto:
      method = "auto"
      let solver = CrossEntropyTilt(
        kernels: kernels, target: spec.target, pilotPaths: spec.pilotPaths, maxRounds: spec.maxRounds)
      (tilt, pilotPaths) = try solver.solve(options: options)
    }
    tilt.defensiveShare = spec.defensiveShare
  }

  /// The weighted scorecard of `records` (drawn under `tilt`) with the diagnostics;
  /// the plain estimates are never computed.
  func scorecard(scenario: Scenario, records: [PathRecord], routing: RoutingRecords?) -> Scorecard {
    let diagnostics = ImportanceDiagnostics(
      records: records, target: target, method: method, tilt: tilt, pilotPaths: pilotPaths)
    return Scorecard(scenario: scenario, records: records, routing: routing, importance: diagnostics)
  }
}
