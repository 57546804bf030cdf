import Foundation

/// What a precision run must reach before it stops (`--until`, or
/// `precision` in `cap.run`): a bound on one field's relative standard error
/// or interval half-width, or every policy gate decided.
public enum PrecisionTarget: Sendable, Equatable, CustomStringConvertible {
  /// `FIELD:rse<X`: the field's standard error over the absolute value of its estimate below X.
  case relativeStandardError(field: String, below: Double)
  /// `FIELD:halfwidth<X`: half the width of the field's interval below X, in the field's unit.
  case halfWidth(field: String, below: Double)
  /// `gates`: no policy gate inconclusive (each passes or fails on its whole interval).
  case gates

  /// The measures a field target may bound.
  public static let measures = ["rse", "halfwidth"]

  public var description: String {
    switch self {
    case .relativeStandardError(let field, let x): "\(field):rse<\(JSONText.number(x))"
    case .halfWidth(let field, let x): "\(field):halfwidth<\(JSONText.number(x))"
    case .gates: "gates"
    }
  }

  /// The scorecard field the target reads (nil for `gates`).
  public var field: String? {
    switch self {
    case .relativeStandardError(let field, _), .halfWidth(let field, _): field
    case .gates: nil
    }
  }

  /// The bound a field target sets (nil for `gates`).
  public var threshold: Double? {
    switch self {
    case .relativeStandardError(_, let x), .halfWidth(_, let x): x
    case .gates: nil
    }
  }

  /// Parses targets joined by `,`, for example
  /// `liquidation_probability:rse<0.1,roi_mean:halfwidth<0.001` or `gates`.
  /// `origin` names where the text came from (`--until`, `precision`) in errors.
  public static func parseList(_ text: String, origin: String) throws(ConfigError) -> [PrecisionTarget] {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    var targets: [PrecisionTarget] = []
    for part in parts { targets.append(try parse(part, origin: origin)) }
    return targets
  }

  /// Parses one target: `gates`, `FIELD:rse<X` or `FIELD:halfwidth<X` with X a positive number.
  public static func parse(_ text: String, origin: String) throws(ConfigError) -> PrecisionTarget {
    let syntax = "expected FIELD:rse<X, FIELD:halfwidth<X or gates (X > 0), joined by \",\""
    if text == "gates" { return .gates }
    guard text.contains(":") else {
      throw ConfigError(.wrongType, file: origin, field: nil, "\"\(Echo.name(text))\": \(syntax)")
    }
    let colon = text.split(separator: ":", maxSplits: 1).map(String.init)
    let field = colon[0].trimmingCharacters(in: .whitespaces)
    let bound = colon.count > 1 ? colon[1].split(separator: "<", maxSplits: 1).map(String.init) : []
    guard bound.count == 2 else {
      throw ConfigError(.wrongType, file: origin, field: nil, "\"\(Echo.name(text))\": \(syntax)")
    }
    let measure = bound[0].trimmingCharacters(in: .whitespaces)
    guard Scorecard.scalarFieldNames.contains(field) else {
      var message = "\"\(Echo.name(text))\": unknown scorecard field \"\(Echo.name(field))\""
      if let near = ConfigReader.nearest(to: field, in: Scorecard.scalarFieldNames) {
        message += "; did you mean \"\(near)\"?"
      }
      throw ConfigError(.unknownField, file: origin, field: nil, message)
    }
    guard let x = Double(bound[1].trimmingCharacters(in: .whitespaces)), x > 0, x.isFinite else {
      throw ConfigError(
        .outOfRange, file: origin, field: nil,
        "\"\(Echo.name(text))\": the bound must be a positive finite number, got \"\(Echo.name(bound[1]))\"")
    }
    switch measure {
    case "rse": return .relativeStandardError(field: field, below: x)
    case "halfwidth": return .halfWidth(field: field, below: x)
    default:
      throw ConfigError(
        .outOfRange, file: origin, field: nil,
        "\"\(Echo.name(text))\": unknown measure \"\(Echo.name(measure))\"; allowed: \(measures.joined(separator: ", "))"
      )
    }
  }

  /// The target's measure on `card` (infinite when the sample cannot say), and whether it is met.
  /// - rse: the field's standard error when the scorecard reports one (`_se`), else
  ///   its interval's half-width over z, divided by the estimate's absolute value;
  ///   infinite at an estimate of 0 (no events yet) or an unbounded interval.
  /// - halfwidth: (upper - lower) / 2 of the field's interval.
  /// - gates: the number of inconclusive gates, met at 0.
  public func measure(_ card: Scorecard, policy: Policy) -> (value: Double, met: Bool) {
    switch self {
    case .relativeStandardError(let field, let x):
      let v = Self.relativeStandardError(card, field: field)
      return (v, v < x)
    case .halfWidth(let field, let x):
      let v = card.intervals[field].map { $0.width / 2 } ?? .infinity
      return (v, v < x)
    case .gates:
      let open = GateReport(card, policy: policy).checks.filter { $0.verdict == .inconclusive }.count
      return (Double(open), open == 0)
    }
  }

  static func relativeStandardError(_ card: Scorecard, field: String) -> Double {
    guard let point = card.scalar(field), let interval = card.intervals[field], interval.isBounded, point != 0 else {
      return .infinity
    }
    let se = card.standardErrors[field] ?? interval.width / 2 / card.confidence.z
    return se / abs(point)
  }
}
