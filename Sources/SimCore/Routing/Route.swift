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
