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

/// A route of zero, one or two legs (two: through the hub). A value, so the
/// router builds routes on the stack.
@frozen
public struct Route: Sendable, Hashable {
  public var legs: Int
  public var first: RouteLeg
  public var second: RouteLeg

  public static let none = Route(
    legs: 0, first: RouteLeg(pool: -1, external: false, baseIn: true),
    second: RouteLeg(pool: -1, external: false, baseIn: true))

  public init(legs: Int, first: RouteLeg, second: RouteLeg) {
    self.legs = legs
    self.first = first
    self.second = second
  }

  public init(_ leg: RouteLeg) { self.init(legs: 1, first: leg, second: leg) }
  public init(_ first: RouteLeg, _ second: RouteLeg) {
    self.init(legs: 2, first: first, second: second)
  }
}
