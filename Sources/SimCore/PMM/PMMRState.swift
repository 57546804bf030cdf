/// Which side of a PMM pool is short of its target (DODO's `RState`).
///
/// The marginal price is `P = i * R`. `R` is 1 at equilibrium, above 1 when
/// the pool has sold base (base short, `B < B0`, `Q >= Q0`) and below 1 when
/// it has sold quote (quote short, `Q < Q0`, `B >= B0`).
@frozen
public enum PMMRState: Sendable, Hashable {
  /// Equilibrium: both reserves are at their targets and `P = i`.
  case one
  /// Base short (`B < B0`): the pool has sold base and quotes above `i`.
  case aboveOne
  /// Quote short (`Q < Q0`): the pool has sold quote and quotes below `i`.
  case belowOne
}
