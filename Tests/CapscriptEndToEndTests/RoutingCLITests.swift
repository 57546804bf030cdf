import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

/// The routing scenarios through the built binary: by name, in table and JSON,
/// from Lua, and with a broken deployment file.
@Suite struct RoutingCLITests {
  @Test(arguments: ["hub_only_11", "bridge_shock_137_56", "chain138_deployed_capital_efficiency"])
  func routingScenariosRunByNameAndShowPerPoolDiagnostics(name: String) throws {
    let r = try capscript(["run", name, "--paths", "6", "--epochs", "40"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("per-pool diagnostics"))
    #expect(r.stdout.contains("worst_pools by intervention_cost"))
    #expect(r.stdout.contains(name == "hub_only_11" ? "S1/HUB" : "USDT.bsc/cUSDC"))
    #expect(r.stdout.contains("roi_mean") == (name == "chain138_deployed_capital_efficiency"))
  }

  @Test func jsonCarriesTheRoutingBlockAloneForRoutingOnlyScenarios() throws {
    let r = try capscript([
      "run", "bridge_shock_137_56", "--paths", "6", "--epochs", "40", "--format", "json",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let tree = try JSONText.parse(r.stdout, file: "stdout")
    guard case .object(let fields) = tree, case .array(let pools)? = tree["routing"]?["pools"]
    else {
      Issue.record("expected a routing block with pools")
      return
    }
    #expect(fields.keys.sorted() == ["provenance", "routing"])
    #expect(pools.count == 6)
    for key in [
      "pool", "capture", "churn", "intervention_cost", "peg_deviation_frequency",
      "worst_price_deviation",
    ] {
      #expect(pools[0][key] != nil, "missing pools[1].\(key)")
    }
    for key in ["capture", "churn", "intervention_cost"] { #expect(tree["routing"]?[key] != nil) }
    #expect(tree["routing"]?["peg_deviation"]?["frequency"] != nil)
    #expect(tree["routing"]?["worst_pools"]?["by_intervention_cost"] != nil)
    #expect(tree["routing"]?["worst_pools"]?["by_price_deviation"] != nil)
  }

  @Test func coupledJSONHasBothBlocksAndThreadsNeverChangeIt() throws {
    let args = [
      "run", "chain138_deployed_capital_efficiency", "--paths", "6", "--epochs", "30", "--format",
      "json",
    ]
    let one = try capscript(args + ["--threads", "1"])
    let two = try capscript(args + ["--threads", "2"])
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stdout == two.stdout)
    let tree = try JSONText.parse(one.stdout, file: "stdout")
    #expect(tree["roi_mean"] != nil && tree["pnl_attribution"]?["market_making"] != nil)
    #expect(tree["routing"]?["fee_income"] == tree["pnl_attribution"]?["market_making"])
  }

  @Test func csvOfARoutingOnlyRunHasRoutingColumns() throws {
    let r = try capscript([
      "run", "hub_only_11", "--paths", "4", "--epochs", "20", "--format", "csv",
    ])
    #expect(r.status == 0, "\(r.stderr)")
    let header = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
    #expect(header.hasPrefix("scenario,routing.capture,routing.churn,routing.intervention_cost"))
    #expect(!header.contains("roi_mean"))
  }

  @Test func aBrokenDeploymentFileExitsWith65NamingFileFieldAndValue() throws {
    let dir = try temporaryFolder("routing")
    try FileManager.default.createDirectory(atPath: dir + "/scenarios", withIntermediateDirectories: true)
    defer { removeFolder(dir) }
    for f in [
      "capital-efficiency-policy.json", "scenarios/chain138_deployed_capital_efficiency.json",
    ] {
      try FileManager.default.copyItem(atPath: packageRoot + "/config/" + f, toPath: dir + "/" + f)
    }
    let good = try String(
      contentsOfFile: packageRoot + "/config/deployment-status.json", encoding: .utf8)
    let bad = good.replacingOccurrences(of: #""lpFeeBps": 20"#, with: #""lpFeeBps": 2000"#)
    #expect(bad != good)
    try bad.write(toFile: dir + "/deployment-status.json", atomically: true, encoding: .utf8)
    let r = try capscript([
      "run", "chain138_deployed_capital_efficiency", "--config", dir, "--paths", "2",
    ])
    #expect(r.status == 65)
    #expect(
      r.stderr.contains(
        "deployment-status.json: pools[6].lpFeeBps: 2000 is outside the allowed range [0, 1000]"),
      "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test func luaReadsPoolsAndRoutingAndCalibrates() throws {
    let dir = try temporaryFolder("routing-lua")
    defer { removeFolder(dir) }
    let script = dir + "/pools.lua"
    try #"""
    local r = cap.run(cap.scenario("bridge_shock_137_56"):with{ paths = 4, epochs = 40 })
    print("pools", #r.pools, r.pools[2].pool, r.pools[2].origin_chain)
    print("capture", r.routing.capture > 0 and r.routing.capture < 1, r["routing.capture"] == r.routing.capture)
    print("roi", (pcall(function() return r.roi_mean end)), (pcall(function() return r.pnl_attribution end)),
      pcall(function() return r.roi_maen end))
    local c = cap.run(cap.scenario("chain138_deployed_capital_efficiency"):with{ paths = 4, epochs = 30 })
    local s, fit = cap.calibrate(c)
    print("calibrated", s.name, fit.capture0.value == c.routing.capture, s.capture0 == c.routing.capture)
    print("mode", s.source.pmm.mode, s.source.graphMode, cap.run(s).roi_mean ~= nil)
    """#.write(toFile: script, atomically: true, encoding: .utf8)
    let r = try capscript([script])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 5)
    #expect(lines[0] == "pools\t6\tUSDC.pol/cUSDC\t137")
    #expect(lines[1] == "capture\ttrue\ttrue")
    #expect(
      lines[2].hasPrefix("roi\tfalse\tfalse\tfalse\t")
        && lines[2].contains("did you mean \"roi_mean\"?"))
    #expect(lines[3] == "calibrated\tchain138_deployed_capital_efficiency_calibrated\ttrue\ttrue")
    #expect(lines[4] == "mode\tcalibrated\tnone\ttrue")
  }
}
