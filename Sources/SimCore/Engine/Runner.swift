import Dispatch
import Synchronization

/// Runs a scenario's paths in blocks on all cores.
public enum Runner {
  /// Runs `scenario` and returns its per-path records and scorecard.
  ///
  /// Each path's numbers depend only on (seed, path), and each path writes its
  /// own record; all sums are then taken in path order, so the result is
  /// bit-identical for any thread count and block size.
  /// - Complexity: O(paths × epochs) work spread over `options.threads` threads.
  public static func run(_ scenario: Scenario, options: RunOptions = RunOptions()) throws(RunError) -> RunResult {
    let start = DispatchTime.now().uptimeNanoseconds
    // Parametric: the overlay alone; coupled: the overlay stepping the pools;
    // routing-only (no capital block): the pools alone.
    let kernel = scenario.capital.map { _ in CapitalKernel(scenario: scenario) }
    let model = scenario.routing.map { RoutingModel(scenario: scenario, spec: $0) }
    let routingKernel = kernel == nil ? model.map { RoutingKernel(scenario: scenario, model: $0) } : nil
    let routingStride = model?.stride ?? 0
    let paths = scenario.paths
    var records = [PathRecord](repeating: PathRecord(), count: paths)
    var routingValues = [Double](repeating: 0, count: paths * routingStride)
    let blocks = (paths + options.blockSize - 1) / options.blockSize
    let threads = min(options.threads, blocks)
    let done = Atomic<Int>(0)
    let bandPaths = kernel == nil ? 0 : min(options.bandPaths, paths)
    var bandValues = [Float](repeating: 0, count: bandPaths * scenario.epochs)
    let epochs = scenario.epochs
    records.withUnsafeMutableBufferPointer { buffer in
      bandValues.withUnsafeMutableBufferPointer { bandBuffer in
        routingValues.withUnsafeMutableBufferPointer { routingBuffer in
          let out = SendableBuffer(buffer)
          let bandOut = SendableBuffer(bandBuffer)
          let routingOut = SendableBuffer(routingBuffer)
          DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var pathWorker = PathWorker(capital: kernel, model: model, routing: routingKernel)
            for b in stride(from: worker, to: blocks, by: threads) {
              if options.cancellation?.isCancelled == true { return }
              let lo = b * options.blockSize
              let hi = min(lo + options.blockSize, paths)
              for path in lo..<hi {
                if path < bandPaths {
                  let row = UnsafeMutableBufferPointer(rebasing: bandOut.base[(path * epochs)..<((path + 1) * epochs)])
                  out.base[path] = pathWorker.simulate(path: path, band: row)
                } else {
                  out.base[path] = pathWorker.simulate(path: path, band: nil)
                }
                if routingStride > 0 {
                  let row = path * routingStride
                  pathWorker.writeRouting(
                    into: UnsafeMutableBufferPointer(rebasing: routingOut.base[row..<(row + routingStride)]))
                }
              }
              let finished = done.add(hi - lo, ordering: .relaxed).newValue
              options.progress?(finished, paths)
            }
          }
        }
      }
    }
    if options.cancellation?.isCancelled == true { throw .cancelled }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let bands = bandPaths > 0 ? EpochBands(values: bandValues, paths: bandPaths, epochs: epochs) : nil
    let routing = scenario.routing.map {
      RoutingRecords(graph: $0.graph, graphMode: $0.graphMode, paths: paths, epochs: epochs, values: routingValues)
    }
    return RunResult(
      scenario: scenario, records: records, elapsedSeconds: elapsed, threads: threads, bands: bands, routing: routing)
  }
}
