import Testing

@testable import CapscriptIO
@testable import SimCore

@Suite struct ConfigValidation {
  func scenario(_ json: String) throws(ConfigError) -> Scenario {
    try Scenario(JSONText.parse(json, file: "s.json"), file: "s.json", policy: Policy())
  }

  @Test(arguments: [
    (
      #"{"name": "x", "capitalEfficiency": {"leverage": 5}}"#,
      "s.json: capitalEfficiency.leverage: 5 is above the hard limit of 4x (policy: hardLeverageMax); such leverage is never simulated"
    ),
    (
      #"{"name": "x", "capitalEfficiency": {"maxLTV": 0.8}}"#,
      "s.json: capitalEfficiency.maxLTV: 0.8 is above the hard LTV ceiling of 0.75 (policy: hardLTVMax)"
    ),
    (
      #"{"name": "x", "capitalEfficiency": {"levrage": 2}}"#,
      #"s.json: capitalEfficiency.levrage: unknown field; did you mean "leverage"?"#
    ),
    (
      #"{"name": "x", "capitalEfficiency": {"allocation": 1.5}}"#,
      "s.json: capitalEfficiency.allocation: 1.5 is outside the allowed range [0, 1]"
    ),
    (
      #"{"name": "x", "capitalEfficiency": {"allocation": "most"}}"#,
      "s.json: capitalEfficiency.allocation: expected a number, got a string"
    ),
    (
      #"{"name": "x", "paths": 10.5, "capitalEfficiency": {}}"#,
      "s.json: paths: 10.5 is not an integer; it must be a whole number"
    ),
    (
      #"{"name": "x", "capitalEfficiency": {}, "shocks": [{"type": "asset_crash", "at": 30}]}"#,
      "s.json: shocks[1].drop: is required: fall of the asset price ([0, 1])"
    ),
    (
      #"{"name": "x", "capitalEfficiency": {}, "shocks": [{"type": "asset_crash", "at": 30.5, "drop": 0.4}]}"#,
      "s.json: shocks[1].at: 30.5 is not an integer; it must be a whole number"
    ),
    (
      #"{"name": "x", "capitalEfficiency": {}, "shocks": [{"type": "liquidity_shock", "to": 9}]}"#,
      "s.json: shocks[1].factor: is required: multiplier of the liquidity ([0, 100])"
    ),
    (
      #"{"name": "x", "capitalEfficiency": {"leverage": 0.5}}"#,
      "s.json: capitalEfficiency.leverage: 0.5 is outside the allowed range: it must be at least 1"
    ),
    (
      #"{"name": "x", "capitalEfficiency": {}, "shocks": [{"type": "asset_crsh", "at": 1}]}"#,
      #"s.json: shocks[1].type: "asset_crsh" is not one of "asset_crash", "vol_spike", "liquidity_shock", "redemption_wave", "peg_shock", "flow_shock", "bridge_halt", "pool_depeg", "oracle_lag""#
    ),
    (
      #"{"name": "x", "epochs": 10, "capitalEfficiency": {}, "shocks": [{"type": "asset_crash", "at": 10, "drop": 0.1}]}"#,
      "s.json: shocks[1].at: 10 is outside the allowed range [0, 9]"
    ),
    ("{\"name\": \"x\",\n  \"paths\": 10,,\n}", "s.json: line 2, column 15: expected a quoted field name"),
    (#"{"name": "x", "name": "y"}"#, #"s.json: line 1, column 15: field "name" is given twice"#),
    (#"{"capitalEfficiency": {}}"#, "s.json: name: is required"),
  ])
  func badInputGetsAMessageNamingFieldValueAndRange(json: String, message: String) {
    #expect(throws: ConfigError.self) { try scenario(json) }
    do { _ = try scenario(json) } catch { #expect(error.description == message) }
  }

  @Test func trueIsNeverReadAsANumber() {
    #expect(throws: ConfigError.self) { try scenario(#"{"name": "x", "capitalEfficiency": {"leverage": true}}"#) }
  }

  @Test func withResolvesBareDottedAndTopLevelNames() throws {
    let base = try scenario(#"{"name": "x", "capitalEfficiency": {}}"#)
    let d = try base.with([
      ("leverage", .number(2)), ("capitalEfficiency.allocation", .number(0.3)), ("paths", .number(7)),
    ])
    #expect(d.capital?.leverage == 2 && d.capital?.allocation == 0.3 && d.paths == 7)
    #expect(base.capital?.leverage == 1.5)
    #expect(d.contentHash != base.contentHash)
    #expect(throws: ConfigError.self) { try base.with([("leverag", .number(2))]) }
  }

  @Test func defaultsComeFromTheSchemaAndThePolicy() throws {
    var policy = Policy()
    policy.maxLTV = 0.6
    let s = try Scenario(
      JSONText.parse(#"{"name": "x", "capitalEfficiency": {}}"#, file: "s"), file: "s", policy: policy)
    #expect(s.capital?.maxLTV == 0.6)
    #expect(s.capital?.leverage == CapitalSchema.fields.first { $0.name == "leverage" }!.defaultValue)
  }

  @Test func shippedConfigsValidate() throws {
    for name in projectLibrary.scenarioNames() {
      _ = try projectLibrary.scenario(name)
    }
    #expect(projectLibrary.scenarioNames().contains("bank_run_redemption_spike"))
  }

  @Test func jsonRoundTripsThroughTheCanonicalWriter() throws {
    let text = #"{"b": [1, 2.5, true, null, "q\"x"], "a": {"c": -3e-7}}"#
    let v = try JSONText.parse(text, file: "t")
    #expect(try JSONText.parse(JSONText.canonical(v), file: "t") == v)
    #expect(JSONText.canonical(v).hasPrefix(#"{"a":"#))
  }
}
