import Foundation

/// What importance sampling a run asks for (`--importance`, Lua `importance = {...}`):
/// the target event, and either the automatic cross-entropy tilt or a manual
/// mean shift over an epoch window (docs/IMPORTANCE.md).
public struct ImportanceSpec: Sendable, Equatable {
  /// How the tilt is chosen.
  public enum Method: Sendable, Equatable {
    /// By the cross-entropy method in pilot rounds (`CrossEntropyTilt`).
    case auto
    /// A constant shift of the asset normals (and of the volatility normals)
    /// over the epochs `from...to`, in standard deviations per epoch.
    case manual(asset: Double, volatility: Double, from: Int, to: Int)
  }

  public var target: ImportanceTarget
  public var method: Method
  /// Paths per cross-entropy pilot round.
  public var pilotPaths: Int
  /// The most pilot rounds (the rounds stop once a round's elite reaches the target event).
  public var maxRounds: Int
  /// The share of defensive paths drawn from the plain law (`ImportanceTilt.defensiveShare`).
  public var defensiveShare = defaultDefensiveShare

  public static let defaultDefensiveShare = 0.1

  public static let defaultPilotPaths = 1000
  public static let defaultMaxRounds = 8
  /// The range of a manual shift, in standard deviations per epoch.
  public static let shiftRange = -5.0...5.0

  public init(
    target: ImportanceTarget = .liquidation, method: Method = .auto, pilotPaths: Int = defaultPilotPaths,
    maxRounds: Int = defaultMaxRounds
  ) {
    self.target = target
    self.method = method
    self.pilotPaths = pilotPaths
    self.maxRounds = maxRounds
  }

  /// Parses `auto` or `asset=-0.3,from=0,to=30[,volatility=0.5]` (the option
  /// `origin` names in errors) for `target`.
  public static func parse(_ text: String, target: ImportanceTarget, origin: String) throws(ConfigError)
    -> ImportanceSpec
  {
    if text == "auto" { return ImportanceSpec(target: target) }
    var values: [String: Double] = [:]
    for part in text.split(separator: ",") {
      let kv = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      guard kv.count == 2, ["asset", "volatility", "from", "to"].contains(kv[0]), let x = Double(kv[1]),
        x.isFinite
      else {
        throw ConfigError(
          .outOfRange, file: origin, field: nil,
          "expects auto or asset=SHIFT,from=EPOCH,to=EPOCH[,volatility=SHIFT], got \"\(text)\" at \"\(part)\"")
      }
      values[kv[0]] = x
    }
    guard let from = values["from"], let to = values["to"], values["asset"] != nil || values["volatility"] != nil
    else {
      throw ConfigError(
        .outOfRange, file: origin, field: nil,
        "a manual tilt needs from=, to= and asset= or volatility=, got \"\(text)\"")
    }
    let spec = ImportanceSpec(
      target: target,
      method: .manual(asset: values["asset"] ?? 0, volatility: values["volatility"] ?? 0, from: Int(from), to: Int(to)))
    return spec
  }

  /// Checks the manual shifts and window against `scenario`.
  public func validate(for scenario: Scenario, origin: String) throws(ConfigError) {
    guard scenario.capital != nil else {
      throw ConfigError(
        .outOfRange, file: origin, field: nil,
        "\(scenario.name) is routing-only: importance sampling needs a capital overlay")
    }
    guard scenario.routing == nil else {
      throw ConfigError(
        .outOfRange, file: origin, field: nil,
        "\(scenario.name) is coupled (pmm.mode \"coupled\"): importance sampling supports parametric scenarios only")
    }
    guard (100...10_000_000).contains(pilotPaths) else {
      throw ConfigError(.outOfRange, file: origin, field: nil, "pilot paths \(pilotPaths) outside 100...10000000")
    }
    guard (0.0..<1).contains(defensiveShare) else {
      throw ConfigError(.outOfRange, file: origin, field: nil, "defensive share \(defensiveShare) outside 0 ..< 1")
    }
    guard (1...50).contains(maxRounds) else {
      throw ConfigError(.outOfRange, file: origin, field: nil, "rounds \(maxRounds) outside 1...50")
    }
    if case .manual(let asset, let volatility, let from, let to) = method {
      for (name, x) in [("asset", asset), ("volatility", volatility)] where !Self.shiftRange.contains(x) {
        throw ConfigError(
          .outOfRange, file: origin, field: nil,
          "\(name)=\(x) outside \(Self.shiftRange.lowerBound)...\(Self.shiftRange.upperBound)")
      }
      guard 0 <= from, from <= to, to < scenario.epochs else {
        throw ConfigError(
          .outOfRange, file: origin, field: nil,
          "window from=\(from) to=\(to) outside 0...\(scenario.epochs - 1) (from <= to)")
      }
    }
  }
}
