/// The per-path outputs of a contiguous range of a run's paths: what one
/// shard computes (`Runner.run(_:paths:options:)`) and what a merge joins.
public struct RunSlice: Sendable {
  /// The first path of the slice.
  public let first: Int
  /// One record per path, in path order.
  public let records: [PathRecord]
  /// `routingStride` doubles per path, in path order (empty without a pool graph).
  public let routingValues: [Double]
  /// Doubles of `routingValues` per path: 0 without a pool graph.
  public let routingStride: Int

  public init(first: Int, records: [PathRecord], routingValues: [Double], routingStride: Int) {
    self.first = first
    self.records = records
    self.routingValues = routingValues
    self.routingStride = routingStride
  }

  /// The paths the slice holds.
  public var paths: Range<Int> { first..<(first + records.count) }

  /// The doubles per path of `scenario`'s routing records: 0 without a pool graph.
  public static func routingStride(of scenario: Scenario) -> Int {
    scenario.routing.map { RoutingModel.stride(of: $0.graph) } ?? 0
  }

  /// The run of `scenario` that `slices` make up: records and routing values
  /// joined in path order, and the scorecard built from them by the same code
  /// as a single-process run, so its bytes are the same.
  /// - Precondition: `slices`, in order, cover 0..<`scenario.paths` exactly,
  ///   each with `routingStride(of: scenario)`.
  /// - Complexity: O(paths × stride) to join, plus the scorecard's O(n log n).
  public static func result(scenario: Scenario, slices: [RunSlice]) -> RunResult {
    var records: [PathRecord] = []
    var values: [Double] = []
    records.reserveCapacity(scenario.paths)
    values.reserveCapacity(scenario.paths * routingStride(of: scenario))
    for slice in slices {
      precondition(slice.first == records.count, "slices must cover the paths in order")
      records += slice.records
      values += slice.routingValues
    }
    precondition(records.count == scenario.paths, "slices must cover every path")
    return RunSlice(first: 0, records: records, routingValues: values, routingStride: routingStride(of: scenario))
      .result(scenario: scenario)
  }

  /// The run of `scenario` that this slice, holding all its paths, makes up:
  /// the scorecard built by the same code as a single-process run.
  /// - Precondition: the slice covers 0..<`scenario.paths` with `routingStride(of: scenario)`.
  /// - Complexity: the scorecard's O(n log n); the arrays are not copied.
  public func result(scenario: Scenario) -> RunResult {
    precondition(first == 0 && records.count == scenario.paths, "the slice must cover every path")
    precondition(routingStride == Self.routingStride(of: scenario), "the scenario's routing stride")
    let routing = scenario.routing.map {
      RoutingRecords(
        graph: $0.graph, graphMode: $0.graphMode, paths: records.count, epochs: scenario.epochs, values: routingValues)
    }
    return RunResult(scenario: scenario, records: records, elapsedSeconds: 0, threads: 1, routing: routing)
  }
}
