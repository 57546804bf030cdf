public import SimCore

/// The JSON line that opens a shard file: which run the shard belongs to
/// (scenario, hashes, seed, paths, epochs, model version), how to load that
/// scenario again (`source`, `overrides`, `confidence`), the slice, and the
/// size and hash of the binary records after it (docs/SHARDS.md).
public struct ShardHeader: Sendable {
  /// The format tag of the first line.
  public static let format = "capscript-shard-2"
  /// The file name extension of shard files.
  public static let fileExtension = "capshard"

  public let scenario: String
  /// The scenario argument of `capscript run` (a name or a .json path).
  public let source: String
  /// The command-line overrides (`--paths`, `--seed`, `--set`, ...), in order.
  public let overrides: [(key: String, value: ConfigValue)]
  /// `--confidence`, when given.
  public let confidence: Double?
  public let scenarioHash: String
  public let policyHash: String
  public let seed: UInt64
  /// The paths of the whole run.
  public let paths: Int
  public let epochs: Int
  public let modelVersion: String
  public let slice: ShardSlice
  /// Doubles of routing statistics per path: 0 without a pool graph.
  public let routingStride: Int
  public var payloadBytes: Int
  public var payloadHash: String

  /// The header of `slice` of a run of `scenario` loaded from `source` with `overrides`.
  public init(
    scenario: Scenario, source: String, overrides: [(key: String, value: ConfigValue)], confidence: Double?,
    slice: ShardSlice
  ) {
    self.scenario = scenario.name
    self.source = source
    self.overrides = overrides
    self.confidence = confidence
    scenarioHash = scenario.contentHash
    policyHash = scenario.policy.contentHash
    seed = scenario.seed
    paths = scenario.paths
    epochs = scenario.epochs
    modelVersion = Scorecard.modelVersion
    self.slice = slice
    routingStride = RunSlice.routingStride(of: scenario)
    payloadBytes = 0
    payloadHash = ""
  }

  /// The paths of this shard.
  public var range: Range<Int> { slice.paths(of: paths) }

  /// "slice 3/8, paths 250000..<375000", for messages.
  public var sliceText: String { "slice \(slice.text), paths \(range.lowerBound)..<\(range.upperBound)" }

  /// What makes two shards parts of one run: the scenario and policy hashes,
  /// seed, paths, epochs and model version (not the split).
  var identityTree: ConfigValue {
    .object([
      "scenario_hash": .string(scenarioHash), "policy_hash": .string(policyHash), "seed": .string(String(seed)),
      "paths": .number(Double(paths)), "epochs": .number(Double(epochs)), "model_version": .string(modelVersion),
    ])
  }

  /// 16 hex digits naming the run (the hash of `identityTree`).
  public var runID: String { ContentHash.fnv1a(JSONText.canonical(identityTree)) }

  /// The run in words, for messages: "scenario S (hash H), seed X, P paths × E epochs".
  public var runText: String {
    "scenario \(Echo.name(scenario)) (hash \(scenarioHash), policy \(policyHash)), seed \(seed), "
      + "\(paths) paths × \(epochs) epochs, \(modelVersion)"
  }

  /// The content-addressed file name: scenario, run and slice,
  /// `NAME-RUNID-KofN.capshard` (characters other than letters, digits, `-`,
  /// `_` and `.` in the name become `_`).
  public var fileName: String {
    let safe = String(
      scenario.map { c in c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") ? c : "_" })
    return "\(safe)-\(runID)-\(slice.index)of\(slice.count).\(Self.fileExtension)"
  }
}
