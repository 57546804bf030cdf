/// One worker's kernels and scratch for whatever a scenario simulates:
/// the parametric overlay, the coupled overlay and pools, or the pools alone.
struct PathWorker {
  let capital: CapitalKernel?
  let routing: RoutingKernel?
  var capitalScratch: CapitalKernel.Scratch?
  var routingScratch: RoutingKernel.Scratch?
  var state: RoutingState?
  /// The block kernel's buffers: set for the parametric overlay (no pools), the one mode it runs.
  var blockScratch: CapitalKernel.BlockScratch?
  /// Ends a path early when cancelled (checked once per block of epochs).
  let cancellation: CancellationToken?

  init(capital: CapitalKernel?, model: RoutingModel?, routing: RoutingKernel?, cancellation: CancellationToken?) {
    self.capital = capital
    self.cancellation = cancellation
    self.routing = routing
    capitalScratch = capital.map { CapitalKernel.Scratch(kernel: $0) }
    routingScratch = routing.map { RoutingKernel.Scratch(kernel: $0) }
    state = model.map { RoutingState(model: $0) }
    blockScratch = model == nil ? capital.map { CapitalKernel.BlockScratch(kernel: $0) } : nil
  }

  /// Whether `simulateBlock` runs this scenario: the parametric overlay, without pools.
  var runsBlocks: Bool { blockScratch != nil }

  /// Simulates the paths `paths` with the block kernel (`CapitalKernel.simulateBlock`)
  /// into `records` (and the band rows `bands` of its first paths); call it only when
  /// `runsBlocks`. Returns false, with partial records, when cancelled.
  // swift-format-ignore: NeverForceUnwrap
  mutating func simulateBlock(
    paths: Range<Int>, records: UnsafeMutableBufferPointer<PathRecord>, bands: UnsafeMutableBufferPointer<Float>?
  ) -> Bool {
    capital!.simulateBlock(
      paths: paths, scratch: &blockScratch!, records: records, bands: bands, cancellation: cancellation)
  }

  /// Simulates path `path`; a routing-only path returns an empty record. A
  /// cancelled path returns early with a partial record, which the runner discards.
  // The optionals are set together in `init` by what the scenario simulates;
  // they are unwrapped in place so that the scratch buffers are never copied.
  // swift-format-ignore: NeverForceUnwrap
  mutating func simulate(
    path: Int, band: UnsafeMutableBufferPointer<Float>?, trace: UnsafeMutableBufferPointer<Double>? = nil
  ) -> PathRecord {
    if let capital {
      if state != nil {
        return capital.simulate(
          path: path, scratch: &capitalScratch!, band: band, trace: trace, pools: &state!, cancellation: cancellation)
      }
      return capital.simulate(
        path: path, scratch: &capitalScratch!, band: band, trace: trace, cancellation: cancellation)
    }
    routing!.simulate(path: path, state: &state!, scratch: &routingScratch!, cancellation: cancellation)
    return PathRecord()
  }

  /// Simulates path `path` of a capital scenario with a per-epoch `rule`
  /// (a routing-only scenario has no epochs a rule could act on: it runs without it).
  // swift-format-ignore: NeverForceUnwrap
  mutating func simulate<Rule: EpochRule>(
    path: Int, band: UnsafeMutableBufferPointer<Float>?, rule: inout Rule
  ) throws(Rule.Failure) -> PathRecord {
    guard let capital else { return simulate(path: path, band: band) }
    if state != nil {
      return try capital.simulate(
        path: path, scratch: &capitalScratch!, band: band, pools: &state!, rule: &rule, cancellation: cancellation)
    }
    var none = NoPools()
    return try capital.simulate(
      path: path, scratch: &capitalScratch!, band: band, pools: &none, rule: &rule, cancellation: cancellation)
  }

  /// Copies the last path's routing statistics into `row`.
  func writeRouting(into row: UnsafeMutableBufferPointer<Double>) {
    guard let state else { return }
    for i in 0..<row.count { row[i] = state.stats[i] }
  }
}
