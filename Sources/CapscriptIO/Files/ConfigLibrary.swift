import Foundation
public import SimCore

/// Reads the project's configuration folder: the policy and named scenarios.
public struct ConfigLibrary: Sendable {
  public let directory: String
  public private(set) var policy: Policy

  public static let policyFile = "capital-efficiency-policy.json"
  public static let evidenceFile = "deployment-evidence.json"

  /// The deployment evidence; a missing file records nothing (everything blocks).
  public func evidence() throws(ConfigError) -> DeploymentEvidence {
    let path = directory + "/" + Self.evidenceFile
    guard FileManager.default.fileExists(atPath: path) else { return DeploymentEvidence() }
    return try DeploymentEvidence(Self.readJSON(path), file: path)
  }

  /// Opens `directory` (default `./config`) and reads its policy.
  public init(directory: String = "config") throws(ConfigError) {
    self.directory = directory
    let path = directory + "/" + Self.policyFile
    policy = try Policy(Self.readJSON(path), file: path)
  }

  /// This library with the policy's `gateConfidence` set to `level`, the
  /// confidence of every scorecard interval and gate verdict of the scenarios
  /// it loads (`--confidence`). The policy file's tree is edited and decoded
  /// again, so the level is range-checked as in the file and the policy hash
  /// records the change; a level equal to the policy's changes nothing.
  public func settingGateConfidence(_ level: Double, origin: String) throws(ConfigError) -> ConfigLibrary {
    guard level != policy.gateConfidence else { return self }
    let path = directory + "/" + Self.policyFile
    let tree = try Self.readJSON(path).setting(.number(level), atPath: ["gateConfidence"][...])
    var copy = self
    copy.policy = try Policy(tree, file: "\(path) (\(origin))")
    return copy
  }

  /// The range `gateConfidence` may take (the policy schema's).
  public static var gateConfidenceRange: ClosedRange<Double> {
    PolicySchema.fields.first { $0.name == "gateConfidence" }?.range ?? 0.5...0.9999
  }

  /// Reads and parses a JSON file; a missing file is a `notFound` error. A
  /// config file holds one JSON object: a file that does not start with `{`
  /// is refused as not JSON, and the message repeats none of its bytes.
  public static func readJSON(_ path: String) throws(ConfigError) -> ConfigValue {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ConfigError(.notFound, file: path, field: nil, "cannot read the file")
    }
    let spaces: Set<UInt8> = [0x20, 0x09, 0x0a, 0x0d]
    guard data.first(where: { !spaces.contains($0) }) == UInt8(ascii: "{") else {
      throw ConfigError(.malformedJSON, file: path, field: nil, "is not a JSON object (a config file starts with {)")
    }
    return try JSONText.parse(String(decoding: data, as: UTF8.self), file: path)
  }

  /// The path of a scenario given by name or by path.
  public func scenarioPath(_ nameOrPath: String) -> String {
    if nameOrPath.hasSuffix(".json") || nameOrPath.contains("/") { return nameOrPath }
    return directory + "/scenarios/" + nameOrPath + ".json"
  }

  /// Names of the scenarios in `config/scenarios`, sorted.
  public func scenarioNames() -> [String] {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory + "/scenarios")) ?? []
    return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// Loads and validates a scenario by name or path.
  public func scenario(_ nameOrPath: String) throws(ConfigError) -> Scenario {
    let path = scenarioPath(nameOrPath)
    guard FileManager.default.fileExists(atPath: path) else {
      var message = "no such scenario"
      if let near = ConfigReader.nearest(to: nameOrPath, in: scenarioNames()) {
        message += "; did you mean \"\(near)\"?"
      } else {
        message += "; known: " + scenarioNames().joined(separator: ", ")
      }
      throw ConfigError(.notFound, file: Echo.name(path, limit: 256), field: nil, message)
    }
    return try scenario(tree: Self.readJSON(path), file: path)
  }

  /// Decodes a scenario tree read from `file`. A scenario on the deployed pool
  /// graph (`graphMode: "deployed"`) without its own `pmm.deployment` gets
  /// this folder's `deployment-status.json` there, checked first so that a
  /// fault in it names that file; the scenario's hash then covers the pools.
  public func scenario(tree: ConfigValue, file: String) throws(ConfigError) -> Scenario {
    var tree = tree
    if case .string("deployed")? = tree["graphMode"], tree.value(atPath: ["pmm", "deployment"]) == nil {
      let path = directory + "/" + PoolGraph.deploymentFile
      let deployment = try Self.readJSON(path)
      _ = try PoolGraph(deployment: deployment, file: path)
      tree = tree.setting(deployment, atPath: ["pmm", "deployment"][...])
    }
    return try Scenario(tree, file: file, policy: policy)
  }
}
