/// Every path's routing statistics: `PoolStat` for each pool, then
/// `RoutingTotal`, `stride` doubles per path, in path order. Each path writes
/// its own row, so the sums taken from it are the same for any thread count.
public struct RoutingRecords: Sendable {
  public let graph: PoolGraph
  public let graphMode: RoutingSpec.GraphMode
  public let paths: Int
  public let epochs: Int
  public let stride: Int
  public let values: [Double]

  public init(
    graph: PoolGraph, graphMode: RoutingSpec.GraphMode, paths: Int, epochs: Int, values: [Double]
  ) {
    self.graph = graph
    self.graphMode = graphMode
    self.paths = paths
    self.epochs = epochs
    stride = graph.pools.count * PoolStat.count + RoutingTotal.allCases.count
    self.values = values
  }

  /// Pool `pool`'s statistic on path `path`.
  public func pool(_ pool: Int, _ stat: PoolStat, path: Int) -> Double {
    values[path * stride + pool * PoolStat.count + stat.rawValue]
  }

  /// A scenario-wide statistic on path `path`.
  public func total(_ total: RoutingTotal, path: Int) -> Double {
    values[path * stride + graph.pools.count * PoolStat.count + total.rawValue]
  }

  /// Sum over paths, in path order.
  public func sum(_ total: RoutingTotal) -> Double {
    var s = 0.0
    for path in 0..<paths { s += self.total(total, path: path) }
    return s
  }

  /// Sum over paths of one pool's statistic, in path order.
  public func sum(_ pool: Int, _ stat: PoolStat) -> Double {
    var s = 0.0
    for path in 0..<paths { s += self.pool(pool, stat, path: path) }
    return s
  }
}
