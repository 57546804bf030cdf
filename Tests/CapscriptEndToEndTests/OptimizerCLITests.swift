import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

/// A copy of the shipped config folder, to break on purpose; with `scenarios` given, only those shipped
/// scenarios are kept, so that a test of one broken file does not run every other scenario again.
func configCopy(keeping scenarios: [String]? = nil) throws -> String {
  let dir = try temporaryFolder("e2e")
  try FileManager.default.copyItem(atPath: configDirectory, toPath: dir + "/config")
  if let scenarios {
    let folder = dir + "/config/scenarios"
    for file in try FileManager.default.contentsOfDirectory(atPath: folder)
    where !scenarios.contains(String(file.dropLast(".json".count))) {
      try FileManager.default.removeItem(atPath: folder + "/" + file)
    }
  }
  return dir + "/config"
}

@Suite struct OptimizerCommandLine {
  @Test func leverageSweepPrintsARankedTableWithDeployability() throws {
    let dir = try temporaryFolder("e2e")
    defer { removeFolder(dir) }
    let r = try capscript(["run", "--optimizer", "leverage_sweep_1x_to_4x", "--out", dir])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("top deployable: leverage=1.5"))
    // The shipped sweep's conclusions at its full size: 2x and above is blocked by the deployable leverage cap,
    // 2.5x and above by the liquidation gate too. Rows: rank, label, [*], score, ..., deployable, failed gates.
    let rows = r.stdout.split(separator: "\n").map { $0.split(separator: " ") }.filter { Int($0.first ?? "") != nil }
    #expect(rows.count == 7)
    // The leader's row says so; tied candidates carry "=" and the footer names the leader.
    #expect(rows.filter { $0.contains("leader") }.count == 1)
    #expect(r.stdout.contains("= tied with the leader leverage="))
    for row in rows {
      let leverage = try #require(Double(row[1].dropFirst("leverage=".count)))
      let gates = row.drop { $0 != "yes" && $0 != "no" }.dropFirst().joined(separator: " ")
      #expect(row.contains("yes") == (leverage <= 1.5), "\(row)")
      #expect(gates.contains("deployable_leverage") == (leverage >= 2), "\(row)")
      if leverage >= 2.5 { #expect(gates.contains("liquidation_probability"), "\(row)") }
      // roi_mean, liq_prob and dd_p95 each print with their interval: three "[lo, hi]" after the score's.
      #expect(row.filter { $0.hasPrefix("[") }.count >= 3, "\(row)")
    }
    // At its full size the 2x candidate's liquidation probability straddles the 1% gate: undecided, with
    // the paths that would decide it, and never deployable.
    let two = try #require(rows.first { $0[1] == "leverage=2" })
    #expect(two.joined(separator: " ").contains("liquidation_probability (inconclusive; ~"), "\(two)")
    #expect(two.contains("no"))
  }

  @Test func sweepKilledWithSigkillResumesToTheSameRanking() throws {
    let straightDir = try temporaryFolder("e2e")
    let killedDir = try temporaryFolder("e2e")
    defer {
      removeFolder(straightDir)
      removeFolder(killedDir)
    }
    let args = ["run", "leverage_sweep_1x_to_4x", "--format", "json", "--paths", "1500", "--threads", "1", "--quiet"]
    let straight = try capscript(args + ["--out", straightDir])
    #expect(straight.status == 0)
    #expect(straight.stdout.contains("\"tied\": [") && straight.stdout.contains("\"score_diff_ci\": ["))

    let p = Process()
    p.executableURL = URL(fileURLWithPath: capscriptBinary)
    p.arguments = args + ["--out", killedDir]
    p.currentDirectoryURL = URL(fileURLWithPath: packageRoot)
    p.standardOutput = FileHandle.nullDevice
    p.standardError = FileHandle.nullDevice
    try p.run()
    let journal = killedDir + "/sweeps/leverage_sweep_1x_to_4x.jsonl"
    var lines = 0
    let deadline = Date().addingTimeInterval(120)
    while Date() < deadline {
      let text = (try? String(contentsOfFile: journal, encoding: .utf8)) ?? ""
      lines = text.split(separator: "\n").count
      if lines >= 3 || !p.isRunning { break }
      usleep(5_000)
    }
    #expect(p.isRunning, "the sweep finished before it could be killed")
    kill(p.processIdentifier, SIGKILL)
    p.waitUntilExit()
    #expect(p.terminationReason == .uncaughtSignal)
    let kept = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").count
    #expect(kept >= 3 && kept < 8, "journal had \(kept) lines after the kill")

    let resumed = try capscript(args + ["--out", killedDir, "--resume"])
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stdout == straight.stdout)
    let final = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").count
    #expect(final == 8)
  }

  @Test func resumeRefusesAJournalOfADifferentSweep() throws {
    let dir = try temporaryFolder("e2e")
    defer { removeFolder(dir) }
    _ = try capscript(["run", "leverage_sweep_1x_to_4x", "--paths", "200", "--out", dir, "--quiet"])
    let r = try capscript(["run", "leverage_sweep_1x_to_4x", "--paths", "300", "--out", dir, "--resume"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("the journal is for a different sweep"))
  }

  @Test func luaDriverRunsTheSweepToo() throws {
    let dir = try temporaryFolder("e2e")
    defer { removeFolder(dir) }
    let native = try capscript([
      "run", "leverage_sweep_1x_to_4x", "--format", "csv", "--paths", "400", "--out", dir, "--quiet",
    ])
    let scripted = try capscript([
      "scripts/run-scenario.lua", "--optimizer", "leverage_sweep_1x_to_4x", "--format", "csv", "--paths", "400",
      "--out", dir,
    ])
    #expect(scripted.status == 0, "\(scripted.stderr)")
    #expect(native.stdout == scripted.stdout)
  }
}

/// The scenario, result, roi_mean, liq_prob and dd_p95 columns of each line of a validate table.
func verdictColumns(_ table: String) -> [[Substring]] {
  table.split(separator: "\n").map { Array($0.split(separator: " ").prefix(5)) }
}

@Suite struct ValidationCommandLine {
  /// The shipped configs through `validate` and through its Lua twin, each once, at a small size
  /// (run-tests.sh validates them once more at their full size with the release binary).
  @Test func validateAndItsLuaTwinPassTheShippedConfigsAndAgree() throws {
    let native = try capscript(["validate", "--paths", "400"])
    #expect(native.status == 0, "\(native.stdout)\(native.stderr)")
    #expect(native.stdout.contains("scenario(s) pass"))
    let scripted = try capscript(["scripts/validate-capital-efficiency.lua", "--paths", "400"])
    #expect(scripted.status == 0, "\(scripted.stdout)\(scripted.stderr)")
    #expect(verdictColumns(scripted.stdout) == verdictColumns(native.stdout))
  }

  @Test func validateFailsNamingTheGateABrokenScenarioBreaks() throws {
    let config = try configCopy(keeping: [])
    defer { removeFolder(URL(fileURLWithPath: config).deletingLastPathComponent().path) }
    try #"""
    {"name": "crash_at_3x", "paths": 500, "capitalEfficiency": {"leverage": 3},
     "shocks": [{"type": "asset_crash", "at": 10, "drop": 0.4}]}
    """#.write(toFile: config + "/scenarios/crash_at_3x.json", atomically: true, encoding: .utf8)
    let r = try capscript(["validate", "--config", config, "--paths", "200"])
    #expect(r.status == 1)
    #expect(r.stdout.contains("validate: 1 of 1 scenario(s) FAIL"))
    #expect(r.stdout.contains("crash_at_3x"))
    #expect(r.stdout.contains("FAIL"))
    #expect(r.stdout.contains("gate liquidation_probability 1.0000 > 0.0100"))
  }

  @Test func validateRejectsAnInvalidConfigWith65() throws {
    let config = try configCopy()
    defer { removeFolder(URL(fileURLWithPath: config).deletingLastPathComponent().path) }
    try #"{"name": "x", "capitalEfficiency": {"maxLTV": 0.9}}"#.write(
      toFile: config + "/scenarios/x.json", atomically: true, encoding: .utf8)
    let r = try capscript(["validate", "--config", config])
    #expect(r.status == 65)
    #expect(
      r.stderr.contains(
        "x.json: capitalEfficiency.maxLTV: 0.9 is above the hard LTV ceiling of 0.75 (policy: hardLTVMax)"))
  }

  @Test func gatesListWhatBlocksDeployment() throws {
    let r = try capscript(["gates"])
    #expect(r.status == 1)
    #expect(r.stdout.contains("no audit engagement recorded"))
    #expect(r.stdout.contains("runbook missing: circuitBreaker"))
    #expect(r.stdout.contains("deployable leverage cap: 1.5x"))
  }

  @Test func tableIsMarkdownWithEveryCapitalScenario() throws {
    let r = try capscript(["table", "--paths", "300"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasPrefix("| scenario | ROI mean | liquidation probability | p95 drawdown | notes |"))
    for name in [
      "crash_40pct_external_asset", "high_vol_sigma_spike", "bank_run_redemption_spike", "leverage_sweep_1x_to_4x",
    ] {
      #expect(r.stdout.contains("| \(name)"))
    }
  }
}
