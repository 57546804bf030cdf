public import SimCore

/// The schema tables as one machine-readable document and as reference tables:
/// what `capscript schema` prints, docs/REFERENCE.md holds, and the NumPy bench reads.
public enum SchemaExport {
  /// Bumped when the shape of `document` changes.
  public static let version = 1

  /// Every record's fields: name, default, range [lo, hi], unit, doc.
  public static var document: ConfigValue {
    .object([
      "schemaVersion": .number(Double(version)),
      "scenario": .array(ScenarioSchema.fields.map(field)),
      "capitalEfficiency": .array(CapitalSchema.fields.map(field)),
      "policy": .array(PolicySchema.fields.map(field)),
      "routing": .array(RoutingSchema.fields.map(field)),
      "shocks": .object([
        "timing": .array(ShockSchema.timing.map(field)),
        "types": .array(ShockSchema.types.map(type)),
      ]),
    ])
  }

  /// `document` as indented JSON with sorted keys (arrays keep table order).
  public static func json() -> String { JSONText.pretty(document) + "\n" }

  /// Reference tables in Markdown, one per record.
  public static func markdown() -> String {
    var out = """
      # capscript reference

      Generated from the schema tables by `capscript schema --format markdown`; do not edit by hand.
      Regenerate with `swift run capscript schema --format markdown > docs/REFERENCE.md`.

      ## Scenario

      Top-level fields of a scenario (`config/scenarios/*.json`, or a Lua table).


      """
    out += table(
      ["field", "kind", "default", "range or values", "meaning"],
      ScenarioSchema.fields.map { f in
        [
          f.name, f.kind, defaultText(f.defaultValue),
          f.range.map(rangeText) ?? f.allowed.map { $0.joined(separator: ", ") } ?? "", f.doc,
        ]
      })
    out += """

      ## capitalEfficiency

      The capital overlay (`CapitalSchema.fields`). Rates are annual (multiplied by dt per epoch).
      A `maxLTV` default of null means the policy's `maxLTV`.


      """
    out += table(
      ["field", "default", "range", "unit", "meaning"],
      CapitalSchema.fields.map { [$0.name, JSONText.number($0.defaultValue), rangeText($0.range), $0.unit, $0.doc] })
    out += """

      ## Policy

      `config/capital-efficiency-policy.json` (`PolicySchema.fields`; dotted names are nested objects).
      It may also carry a `description` string.


      """
    out += recordTable(PolicySchema.fields)
    out += """

      ## Routing parameters

      A coupled or routing-only scenario's market assumptions, under `pmm` (`RoutingSchema.fields`):
      `flow.ordersPerEpoch` is `pmm.flow.ordersPerEpoch`.


      """
    out += recordTable(RoutingSchema.fields)
    out += """

      ## Shocks

      Entries of a scenario's `shocks` array: `type` names one of the types below. Every shock
      takes the timing fields; epoch fields end at the scenario's last epoch.


      """
    out += shockTable(ShockSchema.timing)
    for spec in ShockSchema.types {
      out += "\n### \(spec.name)\n\n\(spec.doc). Scenarios: \(scopeText(spec.scope)).\n\n"
      out += shockTable(spec.fields)
    }
    return out
  }

  static func field(_ f: ParameterSpec) -> ConfigValue {
    .object([
      "name": .string(f.name), "default": .number(f.defaultValue), "range": range(f.range), "unit": .string(f.unit),
      "doc": .string(f.doc),
    ])
  }

  static func field<Root>(_ f: RecordFieldSpec<Root>) -> ConfigValue {
    var o: [String: ConfigValue] = [
      "name": .string(f.name), "default": .number(f.defaultValue), "range": range(f.range), "unit": .string(f.unit),
      "doc": .string(f.doc), "kind": .string(f.isInteger ? "integer" : "number"),
    ]
    if let lo = f.atLeast { o["atLeast"] = .string(lo) }
    if let hi = f.atMost { o["atMost"] = .string(hi) }
    return .object(o)
  }

  static func field(_ f: ScenarioFieldSpec) -> ConfigValue {
    var o: [String: ConfigValue] = [
      "name": .string(f.name), "kind": .string(f.kind), "default": f.defaultValue, "doc": .string(f.doc),
    ]
    if let r = f.range { o["range"] = range(r) }
    if let a = f.allowed { o["allowed"] = .array(a.map(ConfigValue.string)) }
    return .object(o)
  }

  static func field(_ f: ShockFieldSpec) -> ConfigValue {
    var o: [String: ConfigValue] = [
      "name": .string(f.name), "kind": .string(f.kind.rawValue), "unit": .string(f.unit), "doc": .string(f.doc),
      "range": f.range.map(range) ?? .null,
    ]
    switch f.defaultValue {
    case .required: o["required"] = .bool(true)
    case .optional: o["default"] = .null
    case .value(let x): o["default"] = .number(x)
    case .scenarioEpochs: o["default"] = .string("epochs")
    }
    if f.isEpochIndex { o["epochIndex"] = .bool(true) }
    return .object(o)
  }

  static func type(_ s: ShockSpec) -> ConfigValue {
    .object([
      "name": .string(s.name), "doc": .string(s.doc), "scope": .string(s.scope.rawValue),
      "fields": .array(s.fields.map(field)),
    ])
  }

  static func range(_ r: ClosedRange<Double>) -> ConfigValue {
    .array([.number(r.lowerBound), .number(r.upperBound)])
  }

  static func rangeText(_ r: ClosedRange<Double>) -> String {
    "[\(JSONText.number(r.lowerBound)), \(JSONText.number(r.upperBound))]"
  }

  static func defaultText(_ v: ConfigValue) -> String {
    switch v {
    case .null: ""
    case .string(let s): "\"\(s)\""
    default: JSONText.canonical(v)
    }
  }

  static func scopeText(_ s: ShockSpec.Scope) -> String {
    switch s {
    case .any: "any"
    case .capital: "with capitalEfficiency"
    case .graph: "with a pool graph (graphMode synthetic or deployed)"
    }
  }

  static func recordTable<Root>(_ fields: [RecordFieldSpec<Root>]) -> String {
    table(
      ["field", "default", "range", "unit", "meaning"],
      fields.map { f in
        var range = rangeText(f.range)
        if f.isInteger { range += ", whole" }
        if let lo = f.atLeast { range += ", at least \(lo)" }
        if let hi = f.atMost { range += ", at most \(hi)" }
        return [f.name, JSONText.number(f.defaultValue), range, f.unit, f.doc]
      })
  }

  static func shockTable(_ fields: [ShockFieldSpec]) -> String {
    table(
      ["field", "kind", "default", "range", "unit", "meaning"],
      fields.map { f in
        let d: String
        switch f.defaultValue {
        case .required: d = "required"
        case .optional: d = ""
        case .value(let x): d = JSONText.number(x)
        case .scenarioEpochs: d = "epochs"
        }
        return [f.name, f.kind.rawValue, d, f.range.map(rangeText) ?? "", f.unit, f.doc]
      })
  }

  /// A Markdown table; `|` in cells is escaped.
  static func table(_ header: [String], _ rows: [[String]]) -> String {
    func line(_ cells: [String]) -> String {
      "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |\n"
    }
    return line(header) + line(header.map { _ in "---" }) + rows.map(line).joined()
  }
}
