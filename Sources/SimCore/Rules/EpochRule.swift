/// A per-epoch rule: user logic called at step 3 of every epoch of every path
/// (docs/MODEL.md, "Per-epoch rules"), which may replace that epoch's targets.
///
/// The kernel is generic over its rule as it is over its pools: a scenario
/// without a rule runs with `NoRule`, whose `isActive` is false, so the calls
/// and the bookkeeping they need compile away and the run keeps its speed and
/// its numbers. A run with an active rule calls it in path order, on one thread
/// (`Runner.run(_:rule:options:)`), so a stateful rule sees the same sequence
/// of states for any thread count.
public protocol EpochRule {
  /// What `decide` throws; `Never` for a rule that cannot fail.
  associatedtype Failure: Error

  /// Whether the kernel calls the rule at all (false only for `NoRule`).
  static var isActive: Bool { get }

  /// The rule's decision for one epoch: nil keeps the targets step 3 proposed
  /// (`state.allocation`, `state.leverage`, `state.targetSpread`, `state.throttled`).
  /// A thrown error ends the run with it.
  mutating func decide(_ state: EpochState) throws(Failure) -> RuleAction?
}

/// The absence of a rule: never called, never fails.
///
/// Like `NoPools`, it holds one unused byte so that the kernel's generic
/// `inout Rule` has a defined address under ThreadSanitizer (docs/HARDENING.md, "Sanitizers").
public struct NoRule: EpochRule {
  private var storage: UInt8 = 0

  public static var isActive: Bool { false }

  public init() {}

  @inline(__always)
  public mutating func decide(_ state: EpochState) -> RuleAction? { nil }
}
