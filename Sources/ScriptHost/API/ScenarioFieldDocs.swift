import CapscriptIO
import SimCore

/// The Lua type and one-line doc of each field a scenario can be given: the
/// top-level fields from `ScenarioSchema`, the capital fields from `CapitalSchema`.
enum ScenarioFieldDocs {
  static func type(_ name: String) -> String {
    guard let spec = ScenarioSchema.fields.first(where: { $0.name == name }) else { return "number" }
    switch spec.kind {
    case "integer": return "integer"
    case "string": return "string"
    case "array": return name == "shocks" ? "cap.Shock[]" : "table"
    default: return "table"
    }
  }

  static func doc(_ name: String) -> String {
    if let top = ScenarioSchema.fields.first(where: { $0.name == name }) {
      let allowed = top.allowed.map { " (" + $0.map { "\"\($0)\"" }.joined(separator: "|") + ")" } ?? ""
      return top.doc + allowed
    }
    guard let spec = CapitalSchema.fields.first(where: { $0.name == name }) else { return "" }
    let fallback = spec.defaultValue.isNaN ? "policy maxLTV" : JSONText.number(spec.defaultValue)
    return "\(spec.doc) (\(spec.unit); default \(fallback); range \(JSONText.number(spec.range.lowerBound))"
      + " to \(JSONText.number(spec.range.upperBound)))"
  }
}
