/// One leg of a route: a PMM pool or its external venue (both indexed by pool),
/// and whether the leg sells the pool's base token.
@frozen
public struct RouteLeg: Sendable, Hashable {
  public var pool: Int
  public var external: Bool
  public var baseIn: Bool

  public init(pool: Int, external: Bool, baseIn: Bool) {
    self.pool = pool
    self.external = external
    self.baseIn = baseIn
  }
}
