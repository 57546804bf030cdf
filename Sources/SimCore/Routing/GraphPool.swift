/// A pool of the graph: an edge between `base` and `quote` (token indices).
public struct GraphPool: Sendable {
  public let id: String
  public let base: Int
  public let quote: Int
  /// The pool at the start of every path (at equilibrium).
  public let pool: PMMPool
  /// The external venue of a hub pair; nil for pools that do not hold the hub.
  public let external: ExternalVenueSpec?
  /// Relative share of order flow on this pool's pair.
  public let flowWeight: Double

  public init(
    id: String, base: Int, quote: Int, pool: PMMPool, external: ExternalVenueSpec?,
    flowWeight: Double
  ) {
    self.id = id
    self.base = base
    self.quote = quote
    self.pool = pool
    self.external = external
    self.flowWeight = flowWeight
  }
}
