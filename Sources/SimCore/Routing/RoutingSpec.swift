/// A scenario's pool graph and routing parameters: what `pmm.mode: "coupled"`
/// steps every epoch. Nil for scenarios without a graph (`graphMode: "none"`).
public struct RoutingSpec: Sendable {
  public enum GraphMode: String, Sendable, CaseIterable {
    case none, synthetic, deployed
  }

  public let graphMode: GraphMode
  public let graph: PoolGraph
  public let parameters: RoutingParameters

  public init(graphMode: GraphMode, graph: PoolGraph, parameters: RoutingParameters) {
    self.graphMode = graphMode
    self.graph = graph
    self.parameters = parameters
  }

  /// Reads the graph and parameters from the `pmm` block.
  ///
  /// `synthetic`: `pmm.graph` names `hub_only_N`, `pmm.synthetic` sets its pools.
  /// `deployed`: `pmm.deployment` holds the deployment-status object (the config
  /// library inserts `config/deployment-status.json` there when a scenario
  /// does not give one). Fields of the other graph mode are rejected.
  static func decode(
    _ pmm: ConfigReader, graphMode: GraphMode, hasCapital: Bool, file: String
  ) throws(ConfigError) -> RoutingSpec? {
    let here = pmm.path.joined(separator: ".")
    func misplaced(_ key: String, _ reason: String) throws(ConfigError) {
      if pmm.raw(key) != nil {
        throw ConfigError(.unknownField, file: file, field: pmm.fieldName(key), reason)
      }
    }
    switch graphMode {
    case .none:
      for key in [
        "graph", "deployment", "synthetic", "flow", "oracle", "arbitrage", "intervention",
      ] {
        try misplaced(key, "needs a pool graph; set graphMode to \"synthetic\" or \"deployed\"")
      }
      return nil
    case .synthetic:
      try misplaced("deployment", "is for graphMode \"deployed\"")
      let name = try pmm.string("graph", default: nil)
      guard let n = PoolGraph.hubOnlySpokes(name) else {
        throw ConfigError(
          .outOfRange, file: file, field: pmm.fieldName("graph"),
          "\"\(name)\" is not a synthetic graph; expected hub_only_N (N >= 1)")
      }
      let synthetic = try SyntheticGraphParameters(pmm.child("synthetic"))
      let graph = try PoolGraph.hubOnly(spokes: n, synthetic, file: file, field: here)
      return RoutingSpec(
        graphMode: .synthetic, graph: graph,
        parameters: try RoutingParameters(pmm, hasCapital: hasCapital))
    case .deployed:
      try misplaced("graph", "is for graphMode \"synthetic\" (hub_only_N)")
      try misplaced("synthetic", "is for graphMode \"synthetic\"")
      guard let deployment = pmm.raw("deployment") else {
        throw ConfigError(
          .missingField, file: file, field: pmm.fieldName("deployment"),
          "is required for graphMode \"deployed\" (load the scenario through the config library, which reads config/\(PoolGraph.deploymentFile))"
        )
      }
      let graph = try PoolGraph(deployment: deployment, file: file, path: pmm.path + ["deployment"])
      return RoutingSpec(
        graphMode: .deployed, graph: graph,
        parameters: try RoutingParameters(pmm, hasCapital: hasCapital))
    }
  }
}
