import Foundation
import Testing

@testable import SimCore

func temporaryDirectory() throws -> String {
  let dir = NSTemporaryDirectory() + "capscript-e2e-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  return dir
}

/// A copy of the shipped config folder, to break on purpose.
func configCopy() throws -> String {
  let dir = try temporaryDirectory()
  try FileManager.default.copyItem(atPath: packageRoot + "/config", toPath: dir + "/config")
  return dir + "/config"
}

@Suite struct OptimizerCommandLine {
  @Test func leverageSweepPrintsARankedTableWithDeployability() throws {
    let r = try capscript(["run", "--optimizer", "leverage_sweep_1x_to_4x", "--out", try temporaryDirectory()])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("top deployable: leverage=1.5"))
    #expect(r.stdout.contains("deployable_leverage"))
    #expect(r.stdout.contains("liquidation_probability"))
  }

  @Test func sweepKilledWithSigkillResumesToTheSameRanking() throws {
    let straightDir = try temporaryDirectory()
    let killedDir = try temporaryDirectory()
    defer {
      try? FileManager.default.removeItem(atPath: straightDir)
      try? FileManager.default.removeItem(atPath: killedDir)
    }
    let args = ["run", "leverage_sweep_1x_to_4x", "--format", "json", "--paths", "1500", "--threads", "1", "--quiet"]
    let straight = try capscript(args + ["--out", straightDir])
    #expect(straight.status == 0)

    let p = Process()
    p.executableURL = URL(fileURLWithPath: binary)
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
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    _ = try capscript(["run", "leverage_sweep_1x_to_4x", "--paths", "200", "--out", dir, "--quiet"])
    let r = try capscript(["run", "leverage_sweep_1x_to_4x", "--paths", "300", "--out", dir, "--resume"])
    #expect(r.status == 1)
    #expect(r.stderr.contains("the journal is for a different sweep"))
  }

  @Test func luaDriverRunsTheSweepToo() throws {
    let dir = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: dir) }
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

@Suite struct ValidationCommandLine {
  @Test func validatePassesOnTheShippedConfigs() throws {
    let r = try capscript(["validate", "--paths", "400"])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("scenario(s) pass"))
  }

  @Test func validateFailsNamingTheGateABrokenScenarioBreaks() throws {
    let config = try configCopy()
    try #"""
    {"name": "crash_at_3x", "paths": 500, "capitalEfficiency": {"leverage": 3},
     "shocks": [{"type": "asset_crash", "at": 10, "drop": 0.4}]}
    """#.write(toFile: config + "/scenarios/crash_at_3x.json", atomically: true, encoding: .utf8)
    let r = try capscript(["validate", "--config", config, "--paths", "200"])
    #expect(r.status == 1)
    #expect(r.stdout.contains("crash_at_3x"))
    #expect(r.stdout.contains("FAIL"))
    #expect(r.stdout.contains("gate liquidation_probability 1.0000 > 0.0100"))
  }

  @Test func validateRejectsAnInvalidConfigWith65() throws {
    let config = try configCopy()
    try #"{"name": "x", "capitalEfficiency": {"maxLTV": 0.9}}"#.write(
      toFile: config + "/scenarios/x.json", atomically: true, encoding: .utf8)
    let r = try capscript(["validate", "--config", config])
    #expect(r.status == 65)
    #expect(
      r.stderr.contains(
        "x.json: capitalEfficiency.maxLTV: 0.9 is above the hard LTV ceiling of 0.75 (policy: hardLTVMax)"))
  }

  @Test func luaValidatorAgreesWithTheCommand() throws {
    let r = try capscript(["scripts/validate-capital-efficiency.lua", "--paths", "300"])
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("scenario(s) pass"))
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
