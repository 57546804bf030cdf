import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

/// The test's environment without the variables that steer the config and module search.
func searchFreeEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
  var env = ProcessInfo.processInfo.environment
  env["CAPSCRIPT_CONFIG"] = nil
  env["CAPSCRIPT_PATH"] = nil
  return env.merging(extra) { $1 }
}

/// Installs into a fresh PREFIX with `install.sh --no-build`, copying the binary the tests run
/// (`CAPSCRIPT_BIN`), and returns PREFIX.
func installIntoTemporaryPrefix() throws -> String {
  let prefix = try temporaryFolder("prefix")
  let r = try runProcess(
    "/bin/bash", [packageRoot + "/install.sh", "--no-build", prefix],
    environment: searchFreeEnvironment(["CAPSCRIPT_BIN": capscriptBinary]))
  guard r.status == 0 else { throw InstallFailed(output: r.output) }
  return prefix
}

struct InstallFailed: Error { let output: String }

/// A copy of the shipped config folder in `parent/config` with the crash scenario's seed and the policy's
/// external liquidity floor changed, so that a run shows which folder it read.
func markedConfig(in parent: String, seed: Int, floor: String) throws -> String {
  let dir = parent + "/config"
  try FileManager.default.copyItem(atPath: configDirectory, toPath: dir)
  let scenario = dir + "/scenarios/crash_40pct_external_asset.json"
  let text = try String(contentsOfFile: scenario, encoding: .utf8)
  try text.replacingOccurrences(of: #""seed": 138"#, with: #""seed": \#(seed)"#)
    .write(toFile: scenario, atomically: true, encoding: .utf8)
  let policyPath = dir + "/" + ConfigLibrary.policyFile
  let policy = try String(contentsOfFile: policyPath, encoding: .utf8)
  try policy.replacingOccurrences(of: #""externalLiquidityFloor": 0.20"#, with: #""externalLiquidityFloor": \#(floor)"#)
    .write(toFile: policyPath, atomically: true, encoding: .utf8)
  return dir
}

/// Install, then run from an empty folder: the seed commands, a script that requires the shipped library,
/// and the config folder search with its precedence and its report (`config-path`).
@Suite struct RunFromAnywhere {
  /// The seed commands and a `require "stress"` script, from an empty folder, with the installed binary.
  @Test func theSeedCommandsAndTheLibraryWorkFromAnEmptyFolder() throws {
    let prefix = try installIntoTemporaryPrefix()
    defer { removeFolder(prefix) }
    let share = prefix + "/share/capscript"
    for file in [
      "config/capital-efficiency-policy.json", "config/scenarios/hub_only_11.json", "lib/stress/init.lua",
      "lib/compare.lua", "editor/cap.lua",
    ] {
      #expect(FileManager.default.fileExists(atPath: share + "/" + file), "missing \(file)")
    }
    let work = try temporaryFolder("anywhere")
    defer { removeFolder(work) }
    try """
    local stress = require "stress"
    local s = stress.crash_then_run(cap.scenario "crash_40pct_external_asset", { at = 30, drop = 0.4 })
    local r = cap.run(s:with{ paths = 200 })
    print(r.scenario, r.paths)
    """.write(toFile: work + "/stressed.lua", atomically: true, encoding: .utf8)
    let bin = prefix + "/bin/capscript"
    let commands: [[String]] = [
      ["run", "hub_only_11", "--paths", "200"],
      ["run", "crash_40pct_external_asset", "--paths", "200"],
      ["run", "--optimizer", "leverage_sweep_1x_to_4x", "--paths", "200", "--out", work + "/out"],
      ["stressed.lua"],
    ]
    for command in commands {
      let r = try runProcess(bin, command, environment: searchFreeEnvironment(), directory: work)
      #expect(r.status == 0, "\(command): \(r.stderr)")
      #expect(!r.stderr.contains("cannot read"), "\(command): \(r.stderr)")
    }
    #expect(FileManager.default.fileExists(atPath: work + "/out/sweeps/leverage_sweep_1x_to_4x.jsonl"))
    let script = try runProcess(bin, ["stressed.lua"], environment: searchFreeEnvironment(), directory: work)
    #expect(script.stdout.contains("200"), "\(script.stdout)")
    // Nothing but the script and the requested outputs was written in the working folder.
    #expect(try FileManager.default.contentsOfDirectory(atPath: work).sorted() == ["out", "stressed.lua"])
  }

  /// `validate` reads the installed configs from an empty folder (at 400 paths every gate is decided).
  @Test func validatePassesFromAnEmptyFolder() throws {
    let prefix = try installIntoTemporaryPrefix()
    defer { removeFolder(prefix) }
    let work = try temporaryFolder("anywhere")
    defer { removeFolder(work) }
    let r = try runProcess(
      prefix + "/bin/capscript", ["validate", "--paths", "400"], environment: searchFreeEnvironment(),
      directory: work)
    #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
    #expect(r.stdout.contains("validate: 7 scenario(s) pass"), "\(r.stdout)")
  }

  /// `--config` over `CAPSCRIPT_CONFIG` over `./config` over the installed configs, for the CLI and for Lua
  /// (`cap.scenario`, `cap.policy`) alike; `config-path` names the rule.
  @Test func theConfigFolderComesFromTheFirstRuleThatApplies() throws {
    let prefix = try installIntoTemporaryPrefix()
    defer { removeFolder(prefix) }
    let work = try temporaryFolder("anywhere")
    defer { removeFolder(work) }
    let elsewhere = try temporaryFolder("env-config")
    defer { removeFolder(elsewhere) }
    let envConfig = try markedConfig(in: elsewhere, seed: 4242, floor: "0.21")
    let bin = prefix + "/bin/capscript"
    let installed = prefix + "/share/capscript/config"
    try """
    local s = cap.scenario "crash_40pct_external_asset"
    print(s.seed, cap.policy().externalLiquidityFloor)
    """.write(toFile: work + "/which.lua", atomically: true, encoding: .utf8)

    /// The seed of a CLI run, the Lua view and the first two lines of `config-path`, with `arguments` and `env`.
    func observe(_ arguments: [String], _ env: [String: String]) throws -> (seed: String, lua: String, path: [String]) {
      let run = try runProcess(
        bin, ["run", "crash_40pct_external_asset", "--paths", "20", "--format", "json", "--quiet"] + arguments,
        environment: searchFreeEnvironment(env), directory: work)
      #expect(run.status == 0, "\(run.stderr)")
      let tree = try JSONText.parse(run.stdout, file: "stdout")
      guard case .number(let seed)? = tree["provenance"]?["seed"] else { throw InstallFailed(output: run.stdout) }
      let lua = try runProcess(bin, arguments + ["which.lua"], environment: searchFreeEnvironment(env), directory: work)
      #expect(lua.status == 0, "\(lua.stderr)")
      let path = try runProcess(
        bin, ["config-path"] + arguments, environment: searchFreeEnvironment(env), directory: work)
      #expect(path.status == 0, "\(path.stderr)")
      return (String(Int(seed)), lua.stdout, Array(path.stdout.split(separator: "\n").prefix(2).map(String.init)))
    }

    // 4. installed, in an empty folder.
    var seen = try observe([], [:])
    #expect(seen.seed == "138")
    #expect(seen.lua == "138\t0.2\n")
    #expect(seen.path == [installed, "chosen by rule 4, installed: beside \(bin)"])

    // 3. ./config, once the working folder holds one.
    _ = try markedConfig(in: work, seed: 5151, floor: "0.22")
    seen = try observe([], [:])
    #expect(seen.seed == "5151")
    #expect(seen.lua == "5151\t0.22\n")
    #expect(seen.path == [work + "/config", "chosen by rule 3, ./config: holds capital-efficiency-policy.json"])

    // 2. CAPSCRIPT_CONFIG over ./config.
    seen = try observe([], ["CAPSCRIPT_CONFIG": envConfig])
    #expect(seen.seed == "4242")
    #expect(seen.lua == "4242\t0.21\n")
    #expect(seen.path == [envConfig, "chosen by rule 2, CAPSCRIPT_CONFIG: holds capital-efficiency-policy.json"])

    // 1. --config over both.
    seen = try observe(["--config", installed], ["CAPSCRIPT_CONFIG": envConfig])
    #expect(seen.seed == "138")
    #expect(seen.lua == "138\t0.2\n")
    #expect(seen.path == [installed, "chosen by rule 1, --config DIR: holds capital-efficiency-policy.json"])
  }

  /// A binary with no share folder beside it and no checkout above it, run where there is no ./config.
  @Test func noConfigFolderAnywhereIsAClearError() throws {
    let prefix = try temporaryFolder("lone")
    defer { removeFolder(prefix) }
    try FileManager.default.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: capscriptBinary, toPath: prefix + "/bin/capscript")
    let work = try temporaryFolder("anywhere")
    defer { removeFolder(work) }
    for command in [["run", "hub_only_11"], ["validate"], ["config-path"]] {
      let r = try runProcess(prefix + "/bin/capscript", command, environment: searchFreeEnvironment(), directory: work)
      #expect(r.status == 65, "\(command)")
      #expect(r.stdout.isEmpty, "\(command)")
      #expect(
        r.stderr.hasPrefix(
          "capscript: config folder: none found; tried 1. --config DIR: not given; 2. CAPSCRIPT_CONFIG: not set; 3. ./config: no config folder in \(work); 4. installed: no share/capscript/config beside \(prefix)/bin/capscript; 5. repository: \(prefix)/bin/capscript is not in a capscript checkout."
        ), "\(command): \(r.stderr)")
    }
  }

  /// The binary in the checkout's build folder reads the checkout's configs and library from any folder,
  /// and `CAPSCRIPT_PATH` still comes before the shipped library.
  @Test func theBuildFolderBinaryUsesItsCheckoutAndKeepsCapscriptPathFirst() throws {
    let work = try folder(
      with: ["which.lua": "print(require('stress').marker or 'shipped', type(require('compare').table))\n"],
      label: "anywhere")
    defer { removeFolder(work) }
    let path = try runProcess(capscriptBinary, ["config-path"], environment: searchFreeEnvironment(), directory: work)
    #expect(path.stdout.hasPrefix(packageRoot + "/config\nchosen by rule 5, repository: "), "\(path.stdout)")
    #expect(path.stdout.contains("\n  \(packageRoot)/scripts/lib\n"), "\(path.stdout)")
    let shipped = try runProcess(capscriptBinary, ["which.lua"], environment: searchFreeEnvironment(), directory: work)
    #expect(shipped.stdout == "shipped\tfunction\n", "\(shipped.stderr)")
    let mine = try folder(with: ["stress.lua": "return { marker = 'mine' }\n"], label: "lib")
    defer { removeFolder(mine) }
    let shadowed = try runProcess(
      capscriptBinary, ["which.lua"], environment: searchFreeEnvironment(["CAPSCRIPT_PATH": mine]), directory: work)
    #expect(shadowed.stdout == "mine\tfunction\n", "\(shadowed.stderr)")
  }

  /// Installing again replaces the share folder whole; a missing binary installs nothing.
  @Test func reinstallingReplacesTheShareFolderAndAMissingBinaryWritesNothing() throws {
    let prefix = try installIntoTemporaryPrefix()
    defer { removeFolder(prefix) }
    let stale = prefix + "/share/capscript/config/scenarios/stale.json"
    try "{}".write(toFile: stale, atomically: true, encoding: .utf8)
    let again = try runProcess(
      "/bin/bash", [packageRoot + "/install.sh", "--no-build", prefix],
      environment: searchFreeEnvironment(["CAPSCRIPT_BIN": capscriptBinary]))
    #expect(again.status == 0, "\(again.output)")
    #expect(!FileManager.default.fileExists(atPath: stale))
    #expect(try FileManager.default.contentsOfDirectory(atPath: prefix + "/share") == ["capscript"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: prefix + "/bin") == ["capscript"])
    // The staged folder (made private by mktemp) is readable by every user once in place.
    let mode = try FileManager.default.attributesOfItem(atPath: prefix + "/share/capscript")[.posixPermissions]
    #expect(mode as? Int == 0o755)

    let empty = try temporaryFolder("prefix")
    defer { removeFolder(empty) }
    let missing = try runProcess(
      "/bin/bash", [packageRoot + "/install.sh", "--no-build", empty + "/p"],
      environment: searchFreeEnvironment(["CAPSCRIPT_BIN": empty + "/no-such-binary"]))
    #expect(missing.status == 66)
    #expect(missing.stderr.contains("no built binary at \(empty)/no-such-binary"))
    #expect(!FileManager.default.fileExists(atPath: empty + "/p"))
  }
}
