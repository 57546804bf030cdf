import Dispatch
import Foundation
import Synchronization

/// Stops a run from another thread (Ctrl-C, a timeout); checked once per block.
public final class CancellationToken: Sendable {
  private let flag = Atomic<Bool>(false)
  public init() {}
  public func cancel() { flag.store(true, ordering: .relaxed) }
  public func reset() { flag.store(false, ordering: .relaxed) }
  public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// How a run is executed; none of these change its numbers.
public struct RunOptions: Sendable {
  /// Worker threads (default: all cores).
  public var threads: Int
  /// Paths per block: the unit of work and of the cancellation check.
  public var blockSize: Int
  public var cancellation: CancellationToken?
  /// Keep per-epoch ROI quantile bands (for fan charts) over the first
  /// `bandPaths` paths; 0 keeps none.
  public var bandPaths: Int = 0
  /// Called after each finished block with (paths done, paths in all), from any thread.
  public var progress: (@Sendable (Int, Int) -> Void)?

  /// The number of cores this process may use.
  public static var allCores: Int { ProcessInfo.processInfo.activeProcessorCount }

  public init(
    threads: Int? = nil, blockSize: Int = 256,
    cancellation: CancellationToken? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) {
    self.threads = max(1, threads ?? Self.allCores)
    self.blockSize = max(1, blockSize)
    self.cancellation = cancellation
    self.progress = progress
  }
}

/// A run that did not finish.
public struct RunError: Error, CustomStringConvertible, Sendable {
  public let description: String
  public static let cancelled = RunError(description: "the run was cancelled")
}

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

/// A buffer the workers write disjoint elements of.
struct SendableBuffer<Element>: @unchecked Sendable {
  let base: UnsafeMutableBufferPointer<Element>
  init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }
}
