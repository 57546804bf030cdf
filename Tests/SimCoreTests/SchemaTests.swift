import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

/// The schema tables are the one source of the decoders, the defaults, the
/// stored properties they fill, `capscript schema` and docs/REFERENCE.md.
@Suite struct SchemaTables {
  @Test func committedReferenceEqualsTheGeneratedOne() throws {
    let path = packageRoot + "/docs/REFERENCE.md"
    let committed = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      committed == SchemaExport.markdown(),
      "docs/REFERENCE.md is stale: regenerate it with `swift run capscript schema --format markdown > docs/REFERENCE.md`"
    )
  }

  @Test func everyCapitalFieldHasItsOwnStoredProperty() {
    // Field i gets the value i + 0.5: a key path shared by two rows, or a
    // `value(named:)` reading the wrong property, shows up as a wrong number.
    var values: [String: Double] = [:]
    for (i, spec) in CapitalSchema.fields.enumerated() { values[spec.name] = Double(i) + 0.5 }
    let p = CapitalParameters(values: values)
    for (i, spec) in CapitalSchema.fields.enumerated() {
      #expect(p[keyPath: spec.keyPath] == Double(i) + 0.5, "\(spec.name)")
      #expect(p.value(named: spec.name) == Double(i) + 0.5, "\(spec.name)")
    }
    #expect(Set(CapitalSchema.names).count == CapitalSchema.fields.count)
    #expect(p.value(named: "nope") == nil)
    #expect(p.leverage == values["leverage"] && p.fireSaleHaircut == values["fireSaleHaircut"])
  }

  @Test func everyStoredNumberHasATableRow() {
    // A property added without its row would silently keep its placeholder 0.
    func numbers(_ value: Any) -> Int {
      Mirror(reflecting: value).children.reduce(0) { n, child in
        switch child.value {
        case is Double, is Int: n + 1
        case is String: n
        default: n + numbers(child.value)
        }
      }
    }
    #expect(numbers(CapitalParameters(values: [:])) == CapitalSchema.fields.count)
    #expect(numbers(Policy()) == PolicySchema.fields.count)
    #expect(numbers(RoutingParameters()) == RoutingSchema.fields.count)
  }

  @Test func capitalDefaultsAreTheTableDefaultsAndInsideTheirRanges() throws {
    let p = CapitalParameters(values: [:])
    for spec in CapitalSchema.fields {
      let x = p[keyPath: spec.keyPath]
      #expect(x == spec.defaultValue || (x.isNaN && spec.defaultValue.isNaN), "\(spec.name)")
      #expect(spec.defaultValue.isNaN || spec.range.contains(spec.defaultValue), "\(spec.name)")
      #expect(!spec.unit.isEmpty && !spec.doc.isEmpty, "\(spec.name)")
    }
  }

  @Test func policyDefaultsComeFromTheTable() throws {
    let policy = Policy()
    for spec in PolicySchema.fields {
      #expect(policy[keyPath: spec.keyPath] == spec.defaultValue, "\(spec.name)")
      #expect(spec.range.contains(spec.defaultValue), "\(spec.name)")
    }
    var decoded = try Policy(.object([:]), file: "p.json")
    decoded.contentHash = policy.contentHash
    #expect(decoded == policy)
    #expect(policy.gates.liquidationProbability == 0.01 && policy.weights.liquidation == 10 && policy.maxLTV == 0.65)
  }

  @Test func policyFieldsLandInTheirPropertiesAndKeepTheirCrossChecks() throws {
    let tree = try JSONText.parse(
      #"{"targetLeverage": {"min": 2.5, "max": 3.5}, "gates": {"pegDeviationFrequency": 0.2}, "hardLTVMax": 0.7}"#,
      file: "p.json")
    let p = try Policy(tree, file: "p.json")
    #expect(p.targetLeverageMin == 2.5 && p.targetLeverageMax == 3.5 && p.gates.pegDeviationFrequency == 0.2)
    #expect(p.hardLTVMax == 0.7 && p.maxLTV == 0.65)
    func message(_ json: String) -> String? {
      do {
        _ = try Policy(try JSONText.parse(json, file: "p.json"), file: "p.json")
        return nil
      } catch {
        return "\(error)"
      }
    }
    #expect(
      message(#"{"targetLeverage": {"min": 3, "max": 2.5}}"#)
        == "p.json: targetLeverage.max: 2.5 is outside the allowed range [3, 4]")
    #expect(
      message(#"{"hardLTVMax": 0.6, "maxLTV": 0.65}"#) == "p.json: maxLTV: 0.65 is outside the allowed range [0, 0.6]")
    #expect(
      message(#"{"gates": {"pegDeviationFrequncy": 0.1}}"#)?.contains(#"did you mean "pegDeviationFrequency""#) == true)
  }

  @Test func routingParametersDecodeIntoTheirOwnProperties() throws {
    #expect(RoutingParameters().ordersPerEpoch == 24 && RoutingParameters().oracleLag == 0)
    // Field i gets a distinct value inside its range; each must land in its own property.
    var pmm: [String: [String: ConfigValue]] = [:]
    var expected: [Double] = []
    for (i, spec) in RoutingSchema.fields.enumerated() {
      let x =
        spec.isInteger
        ? Double(i + 1) : spec.range.lowerBound + (spec.range.upperBound - spec.range.lowerBound) * Double(i + 1) / 64
      pmm[spec.group ?? "", default: [:]][spec.key] = .number(x)
      expected.append(x)
    }
    let reader = try ConfigReader(.object(pmm.mapValues { ConfigValue.object($0) }), file: "s.json", path: ["pmm"])
    let p = try RoutingParameters(reader, hasCapital: false)
    for (i, spec) in RoutingSchema.fields.enumerated() {
      #expect(p[keyPath: spec.keyPath] == expected[i], "\(spec.name)")
    }
    #expect(p.oracleLag == 7)
    let defaults = RoutingParameters()
    for spec in RoutingSchema.fields { #expect(defaults[keyPath: spec.keyPath] == spec.defaultValue, "\(spec.name)") }
    let coupled = try ConfigReader(
      .object(["oracle": .object(["volatileSigma": .number(0.5)])]), file: "s.json", path: ["pmm"])
    #expect(throws: ConfigError.self) { try RoutingParameters(coupled, hasCapital: true) }
  }

  @Test func shockTypesDecodeUnderTheirSchemaNameWithTableDefaults() throws {
    for spec in ShockSchema.types where spec.scope != .graph {
      var fields: [String: ConfigValue] = ["type": .string(spec.name), "at": .number(1)]
      if spec.name == "vol_spike" { fields["add"] = .number(0.1) }
      // Required fields are given (0.25 each); the others take their table defaults.
      for field in spec.fields where field.defaultValue == .required { fields[field.name] = .number(0.25) }
      let s = try Scenario(
        .object([
          "name": .string("x"), "epochs": .number(5), "capitalEfficiency": .object([:]),
          "shocks": .array([.object(fields)]),
        ]),
        file: "s.json", policy: Policy())
      let shock = try #require(s.shocks.first)
      #expect(shock.typeName == spec.name && shock.spec.name == spec.name)
      #expect(shock.probability == 1 && shock.from == 1 && shock.to == 1)
      switch shock.kind {
      case .assetCrash(let drop): #expect(drop == 0.25)
      case .liquidityShock(let factor): #expect(factor == 0.25)
      case .redemptionWave(let rate, let epochs): #expect(rate == 0.25 && epochs == 1)
      case .pegShock(let delta): #expect(delta == 0.25)
      case .flowShock(let imbalance, let epochs): #expect(imbalance == 0.25 && epochs == 1)
      default: break
      }
    }
    #expect(Shock.typeNames + Shock.coupledTypeNames == ShockSchema.names)
    #expect(Shock.capitalTypeNames == ["vol_spike", "liquidity_shock", "redemption_wave", "peg_shock"])
    // The fields whose default did nothing (a crash of 0, a factor of 1, ...) must be given.
    let required = ShockSchema.types.flatMap { t in t.fields.filter { $0.defaultValue == .required }.map(\.name) }
    #expect(required == ["drop", "factor", "rate", "delta", "imbalance", "chains", "token"])
  }

  @Test func jsonExportCarriesEveryRecord() throws {
    let doc = try JSONText.parse(SchemaExport.json(), file: "schema.json")
    guard case .array(let capital)? = doc.value(atPath: ["capitalEfficiency"]),
      case .array(let policy)? = doc.value(atPath: ["policy"]),
      case .array(let types)? = doc.value(atPath: ["shocks", "types"]),
      case .array(let scenario)? = doc.value(atPath: ["scenario"])
    else {
      Issue.record("schema JSON lacks a record")
      return
    }
    #expect(capital.count == CapitalSchema.fields.count && capital.count == 42)
    #expect(policy.count == PolicySchema.fields.count && types.count == ShockSchema.types.count)
    #expect(
      doc.value(atPath: ["routing"]).map { if case .array(let a) = $0 { a.count } else { 0 } }
        == RoutingSchema.fields.count)
    #expect(scenario.count == Scenario.topLevelFields.count)
    let maxLTV = capital.first { $0.value(atPath: ["name"]) == .string("maxLTV") }
    #expect(maxLTV?.value(atPath: ["default"]) == .null)
    #expect(maxLTV?.value(atPath: ["range"]) == .array([.number(0), .number(1)]))
  }
}
