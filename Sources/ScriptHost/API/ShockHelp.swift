import CapscriptIO
import SimCore

/// Help for the shock constructors `cap.shock.<type>`, from `ShockSchema`:
/// what the shock does, then each field with its unit, range and default.
enum ShockHelp {
  static func doc(_ spec: ShockSpec) -> String {
    let scope: String
    switch spec.scope {
    case .any: scope = ""
    case .capital: scope = " (scenarios with capitalEfficiency)"
    case .graph: scope = " (scenarios that step a pool graph)"
    }
    let fields = (spec.fields + ShockSchema.timing).map { "\n    " + line($0) }.joined()
    return spec.doc + scope + "; fields:" + fields
  }

  /// `drop (fraction, 0 to 1, required): share of S lost`.
  static func line(_ f: ShockFieldSpec) -> String {
    var facts = [f.unit]
    if let r = f.range { facts.append("\(JSONText.number(r.lowerBound)) to \(JSONText.number(r.upperBound))") }
    switch f.defaultValue {
    case .required: facts.append("required")
    case .optional: facts.append("optional")
    case .value(let x): facts.append("default \(JSONText.number(x))")
    case .scenarioEpochs: facts.append("default: the scenario's epochs")
    }
    return "\(f.name) (\(facts.joined(separator: ", "))): \(f.doc)"
  }
}
