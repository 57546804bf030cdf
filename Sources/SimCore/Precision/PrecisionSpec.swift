/// A run to a stated precision: targets, a path budget, and the fixed
/// schedule of checkpoints at which the targets are measured.
public struct PrecisionSpec: Sendable, Equatable {
  public var targets: [PrecisionTarget]
  /// The most paths the run may simulate.
  public var maxPaths: Int

  /// Paths of the first checkpoint, and the smallest step between checkpoints.
  public static let step = 256
  /// The default budget when none is given.
  public static let defaultMaxPaths = 1_000_000

  public init(targets: [PrecisionTarget], maxPaths: Int = defaultMaxPaths) {
    self.targets = targets
    self.maxPaths = maxPaths
  }

  /// Checks the budget against the scenario's path range; `origin` names the option in errors.
  public func validate(origin: String) throws(ConfigError) {
    guard (1...Scenario.maxPaths).contains(maxPaths) else {
      throw ConfigError(
        .outOfRange, file: origin, field: nil,
        "max paths \(maxPaths) is outside the allowed range 1...\(Scenario.maxPaths)")
    }
    guard !targets.isEmpty else {
      throw ConfigError(.missingField, file: origin, field: nil, "at least one precision target is required")
    }
  }

  /// The checkpoint after `paths` paths: 256 paths more while below 5,120,
  /// then 10% more rounded down to a multiple of 256, never past `maxPaths`.
  /// The schedule depends on nothing but the path count, so a precision run
  /// gives the same bytes for any thread count and block size, and stops at
  /// most about 10% past the first checkpoint where its targets hold.
  public func checkpoint(after paths: Int) -> Int {
    let step = Self.step
    let grow = max(step, paths / 10 / step * step)
    return min(maxPaths, paths + grow)
  }
}

/// How a precision run ended: each target's last measure and whether it was met.
public struct PrecisionReport: Sendable, Equatable {
  public struct Target: Sendable, Equatable {
    public let target: PrecisionTarget
    /// The measure at the last checkpoint (rse, half-width, or inconclusive gates).
    public let value: Double
    public let met: Bool
  }

  public let targets: [Target]
  /// The budget the run was given.
  public let maxPaths: Int
  /// The paths simulated: the first checkpoint where every target held, or the budget.
  public let paths: Int

  /// Whether every target was met.
  public var met: Bool { targets.allSatisfy(\.met) }

  /// Measures `spec`'s targets on `card`.
  public init(spec: PrecisionSpec, card: Scorecard, policy: Policy) {
    targets = spec.targets.map {
      let m = $0.measure(card, policy: policy)
      return Target(target: $0, value: m.value, met: m.met)
    }
    maxPaths = spec.maxPaths
    paths = card.provenance.paths
  }
}
