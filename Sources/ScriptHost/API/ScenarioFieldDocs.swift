import SimCore
import CapscriptIO

/// The Lua type and one-line doc of each field a scenario can be given: the
/// top-level fields here, the capital fields from `CapitalSchema`.
enum ScenarioFieldDocs {
  static let topLevel: [String: (type: String, doc: String)] = [
    "name": ("string", "the scenario's name"),
    "description": ("string", "one line on what it stresses"),
    "paths": ("integer", "Monte Carlo paths (1 to 10,000,000)"),
    "epochs": ("integer", "epochs per path (1 to 100,000)"),
    "epochsPerYear": ("integer", "epochs in a year (dt = 1/epochsPerYear)"),
    "seed": ("integer", "random seed (same seed, same numbers)"),
    "pmm": ("table", "{ mode = \"parametric\"|\"coupled\"|\"calibrated\", ... } the PMM model and its parameters"),
    "graphMode": ("string", "\"none\"|\"synthetic\"|\"deployed\": the pool graph a coupled run steps"),
    "capitalEfficiency": ("table", "the capital overlay's fields (below, also by bare name)"),
    "shocks": ("cap.Shock[]", "scheduled shocks (cap.shock.<type>{...})"),
    "expect": ("table<string, {min?: number, max?: number}>", "bounds on scorecard fields that validate holds"),
    "sweep": ("table", "the optimizer design"),
    "mode": ("string", "\"run\"|\"optimizer\": what `capscript run NAME` does"),
  ]

  static func type(_ name: String) -> String { topLevel[name]?.type ?? "number" }

  static func doc(_ name: String) -> String {
    if let top = topLevel[name] { return top.doc }
    guard let spec = CapitalSchema.fields.first(where: { $0.name == name }) else { return "" }
    let fallback = spec.defaultValue.isNaN ? "policy maxLTV" : JSONText.number(spec.defaultValue)
    return "\(spec.doc) (default \(fallback); range \(JSONText.number(spec.range.lowerBound))"
      + " to \(JSONText.number(spec.range.upperBound)))"
  }
}
