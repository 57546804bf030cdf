import Foundation
import SimCore

/// The policy scenarios are decoded against: `config/capital-efficiency-policy.json`
/// (the fuzzer runs in the repository root, or `CAPSCRIPT_FUZZ_POLICY` names the file).
let fuzzPolicy: Policy = {
  let path = ProcessInfo.processInfo.environment["CAPSCRIPT_FUZZ_POLICY"] ?? "config/capital-efficiency-policy.json"
  guard let text = try? String(contentsOfFile: path, encoding: .utf8),
    let policy = try? Policy(JSONText.parse(text, file: path), file: path)
  else { fatalError("cannot read the policy at \(path): run from the repository root") }
  return policy
}()

/// libFuzzer target: the scenario decoder (`Scenario.init`, with its sweep
/// block, shocks and routing) and the policy decoder on any JSON text. An
/// invalid config must be a `ConfigError`, never a trap; a valid scenario
/// must also take an override (`with`) and hash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let value = try? JSONText.parse(text, file: "fuzz") else { return 0 }
  _ = try? Policy(value, file: "fuzz")
  guard let scenario = try? Scenario(value, file: "fuzz", policy: fuzzPolicy) else { return 0 }
  _ = try? scenario.with([("paths", .number(1))], origin: "fuzz")
  _ = try? SweepSpec(value["sweep"] ?? .null, file: "fuzz", path: ["sweep"])
  return 0
}
