import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

/// `--set FIELD=VALUE` on the command line.
@Suite struct SetOnTheCommandLine {
  /// `--set` gives the same bytes as the equivalent `s:with` in Lua.
  @Test func setEqualsLuaWith() throws {
    let dir = try temporaryFolder("set")
    defer { removeFolder(dir) }
    let script = dir + "/with.lua"
    try """
    local s = cap.scenario("crash_40pct_external_asset")
    s = s:with{leverage = 1.75, policy = {externalLiquidityFloor = 0.3}, paths = 400}
    io.write(cap.format(cap.run(s), "json"))
    """.write(toFile: script, atomically: true, encoding: .utf8)
    let outputs = try runProcesses([
      (
        capscriptBinary,
        [
          "run", "crash_40pct_external_asset", "--set", "leverage=1.75", "--set",
          "policy={\"externalLiquidityFloor\": 0.3}", "--set", "paths=400", "--format", "json", "--quiet",
        ]
      ),
      (capscriptBinary, [script]),
      (capscriptBinary, ["run", "crash_40pct_external_asset", "--paths", "400", "--format", "json", "--quiet"]),
    ])
    #expect(outputs.allSatisfy { $0.status == 0 }, "\(outputs.map(\.stderr))")
    // Lua sorts a table's keys, so its overrides come in name order; compare without them.
    func withoutOverrides(_ text: String) throws -> String {
      guard case .object(var fields) = try JSONText.parse(text, file: "out"),
        case .object(var provenance)? = fields["provenance"]
      else { return text }
      provenance["overrides"] = nil
      fields["provenance"] = .object(provenance)
      return JSONText.pretty(.object(fields))
    }
    #expect(try withoutOverrides(outputs[0].stdout) == withoutOverrides(outputs[1].stdout))
    #expect(try withoutOverrides(outputs[0].stdout) != withoutOverrides(outputs[2].stdout))
    let tree = try JSONText.parse(outputs[0].stdout, file: "stdout")
    #expect(
      tree["provenance"]?["overrides"]
        == .array(
          ["leverage=1.75", "policy={\"externalLiquidityFloor\":0.3}", "paths=400"].map(ConfigValue.string)))
  }

  @Test(arguments: [
    (["--set", "leverage"], 64, "--set expects FIELD=VALUE"),
    (["--set", "leverage="], 64, "--set leverage= has no value"),
    (["--set", "levrage=2"], 65, "did you mean \"leverage\""),
    (["--set", "leverage=9"], 65, "above the hard limit"),
    (["--set", "policy.pegBand=2"], 65, "pegBand: 2 is outside the allowed range"),
  ])
  func badSettingsSayWhy(extra: [String], status: Int32, message: String) throws {
    let r = try capscript(["run", "crash_40pct_external_asset", "--paths", "10"] + extra)
    #expect(r.status == status)
    #expect(r.stderr.contains(message), "\(r.stderr)")
  }
}
