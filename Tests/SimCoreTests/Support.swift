import Foundation
import TestSupport

@testable import CapscriptIO
@testable import SimCore

let projectLibrary = try! ConfigLibrary(directory: packageRoot + "/config")

/// A scenario with every random and drift term switched off, so a path can be
/// worked out by hand; `capital` fields and shocks are added on top.
func quietScenario(
  epochs: Int = 1, paths: Int = 1, capital: [String: Double] = [:], shocks: [ConfigValue] = []
) throws -> Scenario {
  var fields: [String: Double] = [
    "capital": 1_000_000, "allocation": 0.5, "leverage": 2, "yieldRate": 0, "borrowRate": 0,
    "sigma0": 0, "sigmaBar": 0, "sigmaMin": 0, "eta": 0, "etaL": 0, "kappa": 0, "kappaL": 0,
    "ell0": 0.5, "ellBar": 0.5, "capture0": 0, "volumeVol": 0, "flowVol": 0, "baseRedemptionRate": 0,
    "redemptionImbalance": 0, "pegBeta": 0,
  ]
  fields.merge(capital) { $1 }
  let tree: ConfigValue = .object([
    "name": .string("quiet"), "paths": .number(Double(paths)), "epochs": .number(Double(epochs)),
    "capitalEfficiency": .object(fields.mapValues(ConfigValue.number)), "shocks": .array(shocks),
  ])
  return try Scenario(tree, file: "test", policy: Policy())
}

func shock(_ type: String, _ fields: [String: Double]) -> ConfigValue {
  var f = fields.mapValues(ConfigValue.number)
  f["type"] = .string(type)
  return .object(f)
}

/// Runs one path and returns its record.
func onePath(_ s: Scenario) throws -> PathRecord {
  try Runner.run(s, options: RunOptions(threads: 1)).records[0]
}
