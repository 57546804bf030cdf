import Dispatch
import Synchronization

/// Runs a scenario's paths in blocks on all cores.
public enum Runner {
  /// Runs `scenario` and returns its per-path records and scorecard.
  ///
  /// Each path's numbers depend only on (seed, path), and each path writes its
  /// own record; all sums are then taken in path order, so the result is
  /// bit-identical for any thread count and block size. Workers take the next
  /// block from a shared counter (dynamic scheduling), so a slow block delays
  /// only its own thread, not a fixed share of the others' blocks.
  /// A run whose arrays would exceed `options.memoryBudget` is refused first (`RunBudget`).
  /// - Complexity: O(paths × epochs) work spread over `options.threads` threads.
  public static func run(_ scenario: Scenario, options: RunOptions = RunOptions()) throws(RunError) -> RunResult {
    try run(scenario, kernels: Kernels(scenario: scenario), options: options)
  }

  /// Runs `scenario` on compiled `kernels` (plain, or under an importance tilt).
  static func run(_ scenario: Scenario, kernels: Kernels, options: RunOptions) throws(RunError) -> RunResult {
    try RunBudget.check(scenario, options: options)
    let start = DispatchTime.now().uptimeNanoseconds
    var batch = PathBatch(kernels: kernels, bandPaths: kernels.bandPaths(options, paths: scenario.paths))
    batch.tracePaths = kernels.tracePaths(options)
    let threads = try simulate(
      kernels, paths: 0..<scenario.paths, total: scenario.paths, into: &batch, options: options)
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return batch.result(scenario: scenario, elapsedSeconds: elapsed, threads: threads)
  }

  /// Simulates the paths `range` and appends their outputs to `batch`, in path
  /// order; `total` is what progress reports count towards. Returns the threads used.
  static func simulate(
    _ kernels: Kernels, paths range: Range<Int>, total: Int, into batch: inout PathBatch, options: RunOptions
  ) throws(RunError) -> Int {
    let count = range.count
    let first = range.lowerBound
    let routingStride = kernels.routingStride
    let epochs = kernels.epochs
    let bandPaths = batch.bandPaths
    var records = [PathRecord](repeating: PathRecord(), count: count)
    var routingValues = [Double](repeating: 0, count: count * routingStride)
    // Band rows of the paths of this range below `bandPaths`.
    let bandRows = max(0, min(range.upperBound, bandPaths) - first)
    var bandValues = [Float](repeating: 0, count: bandRows * epochs)
    // Trace rows of the traced paths in this range, by path.
    let traceRows = PathTrace.rows(of: batch.tracePaths, in: range)
    let traceWidth = epochs * PathTrace.fields.count
    var traceValues = [Double](repeating: 0, count: traceRows.count * traceWidth)
    let blocks = (count + options.blockSize - 1) / options.blockSize
    let threads = max(1, min(options.threads, blocks))
    let done = Atomic<Int>(0)
    let nextBlock = Atomic<Int>(0)
    records.withUnsafeMutableBufferPointer { buffer in
      bandValues.withUnsafeMutableBufferPointer { bandBuffer in
        routingValues.withUnsafeMutableBufferPointer { routingBuffer in
          traceValues.withUnsafeMutableBufferPointer { traceBuffer in
            let out = SendableBuffer(buffer)
            let bandOut = SendableBuffer(bandBuffer)
            let routingOut = SendableBuffer(routingBuffer)
            let traceOut = SendableBuffer(traceBuffer)
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
              var pathWorker = kernels.worker(cancellation: options.cancellation)
              while true {
                let b = nextBlock.add(1, ordering: .relaxed).oldValue
                if b >= blocks || options.cancellation?.isCancelled == true { return }
                let lo = b * options.blockSize
                let hi = min(lo + options.blockSize, count)
                if pathWorker.runsBlocks && (traceRows.isEmpty || !(lo..<hi).contains { traceRows[first + $0] != nil })
                {
                  // The parametric overlay, no traced path: the block kernel, the same records bit for bit.
                  let bandHi = min(hi, bandRows)
                  let bands =
                    lo < bandHi
                    ? UnsafeMutableBufferPointer(rebasing: bandOut.base[(lo * epochs)..<(bandHi * epochs)]) : nil
                  let records = UnsafeMutableBufferPointer(rebasing: out.base[lo..<hi])
                  if !pathWorker.simulateBlock(paths: (first + lo)..<(first + hi), records: records, bands: bands) {
                    return
                  }
                  let finished = done.add(hi - lo, ordering: .relaxed).newValue
                  options.progress?(first + finished, total)
                  continue
                }
                for i in lo..<hi {
                  if options.cancellation?.isCancelled == true { return }
                  let path = first + i
                  if !traceRows.isEmpty, let row = traceRows[path] {
                    let band =
                      i < bandRows
                      ? UnsafeMutableBufferPointer(rebasing: bandOut.base[(i * epochs)..<((i + 1) * epochs)]) : nil
                    let trace = UnsafeMutableBufferPointer(
                      rebasing: traceOut.base[(row * traceWidth)..<((row + 1) * traceWidth)])
                    out.base[i] = pathWorker.simulate(path: path, band: band, trace: trace)
                  } else if i < bandRows {
                    let row = UnsafeMutableBufferPointer(rebasing: bandOut.base[(i * epochs)..<((i + 1) * epochs)])
                    out.base[i] = pathWorker.simulate(path: path, band: row)
                  } else {
                    out.base[i] = pathWorker.simulate(path: path, band: nil)
                  }
                  if routingStride > 0 {
                    let row = i * routingStride
                    pathWorker.writeRouting(
                      into: UnsafeMutableBufferPointer(rebasing: routingOut.base[row..<(row + routingStride)]))
                  }
                }
                let finished = done.add(hi - lo, ordering: .relaxed).newValue
                options.progress?(first + finished, total)
              }
            }
          }
        }
      }
    }
    if options.cancellation?.isCancelled == true { throw .cancelled }
    batch.records += records
    batch.routingValues += routingValues
    batch.bandValues += bandValues
    batch.traceValues += traceValues
    return threads
  }
}

/// What a scenario simulates, compiled once: the parametric overlay, the
/// coupled overlay and pools, or the pools alone (routing-only).
struct Kernels: Sendable {
  var capital: CapitalKernel?
  let model: RoutingModel?
  let routing: RoutingKernel?
  let routingStride: Int
  let epochs: Int
  /// The importance tilt of the capital kernel, with what chose it.
  var importance: ImportanceRun?

  init(scenario: Scenario) {
    capital = scenario.capital.map { _ in CapitalKernel(scenario: scenario) }
    model = scenario.routing.map { RoutingModel(scenario: scenario, spec: $0) }
    routing = capital == nil ? model.map { RoutingKernel(scenario: scenario, model: $0) } : nil
    routingStride = model?.stride ?? 0
    epochs = scenario.epochs
  }

  /// A worker's kernels and scratch; its paths end early once `cancellation` is cancelled.
  func worker(cancellation: CancellationToken?) -> PathWorker {
    PathWorker(capital: capital, model: model, routing: routing, cancellation: cancellation)
  }

  /// How many of the first paths keep per-epoch ROI bands (none without a capital overlay).
  func bandPaths(_ options: RunOptions, paths: Int) -> Int { capital == nil ? 0 : min(options.bandPaths, paths) }

  /// The paths whose per-epoch state is kept (none without a capital overlay).
  func tracePaths(_ options: RunOptions) -> [Int] { capital == nil ? [] : options.tracePaths }
}

/// The per-path outputs of the paths simulated so far, in path order.
struct PathBatch {
  let epochs: Int
  let bandPaths: Int
  var records: [PathRecord] = []
  var routingValues: [Double] = []
  var bandValues: [Float] = []
  /// The tilt the paths were drawn under: the scorecard is then weighted.
  let importance: ImportanceRun?
  /// The paths traced (ascending) and, for those simulated so far, their trace rows in that order.
  var tracePaths: [Int] = []
  var traceValues: [Double] = []

  init(kernels: Kernels, bandPaths: Int) {
    epochs = kernels.epochs
    self.bandPaths = bandPaths
    importance = kernels.importance
  }

  /// The pool statistics of every path simulated, for runs that step a pool graph.
  func routing(_ scenario: Scenario) -> RoutingRecords? {
    scenario.routing.map {
      RoutingRecords(
        graph: $0.graph, graphMode: $0.graphMode, paths: records.count, epochs: epochs, values: routingValues)
    }
  }

  /// The scorecard of `scenario` over every path simulated (no bands: cheaper than `result`).
  func scorecard(scenario: Scenario) -> Scorecard {
    let routing = routing(scenario)
    return importance?.scorecard(scenario: scenario, records: records, routing: routing)
      ?? Scorecard(scenario: scenario, records: records, routing: routing)
  }

  /// The run of `scenario` over every path simulated.
  func result(scenario: Scenario, elapsedSeconds: Double, threads: Int) -> RunResult {
    let bands = min(bandPaths, records.count)
    let routing = routing(scenario)
    let card =
      importance?.scorecard(scenario: scenario, records: records, routing: routing)
      ?? Scorecard(scenario: scenario, records: records, routing: routing)
    var result = RunResult(
      scenario: scenario, records: records, scorecard: card, elapsedSeconds: elapsedSeconds, threads: threads,
      bands: bands > 0 ? EpochBands(values: bandValues, paths: bands, epochs: epochs) : nil, routing: routing)
    result.importanceTilt = importance?.tilt
    let traced = tracePaths.filter { $0 < records.count }
    if !traced.isEmpty {
      result.trace = PathTrace(
        paths: traced, epochs: epochs, values: Array(traceValues.prefix(traced.count * epochs * PathTrace.fields.count))
      )
    }
    return result
  }
}
