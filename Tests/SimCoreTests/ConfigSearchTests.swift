import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

/// A folder holding only a policy file, the mark of a config folder.
private func configFolder(in parent: String, named name: String = "config") throws -> String {
  let dir = parent + "/" + name
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  try "{}".write(toFile: dir + "/" + ConfigLibrary.policyFile, atomically: true, encoding: .utf8)
  return dir
}

/// The config folder search (`ConfigSearch`) and the share folder beside the executable (`ShareFolder`),
/// on folders made for each test: which rule wins, what is skipped, and what a failed search says.
@Suite struct ConfigSearchOrder {
  @Test func eachRuleWinsOverTheOnesAfterIt() throws {
    let root = try temporaryFolder("search")
    defer { removeFolder(root) }
    let work = try temporaryFolder("search-cwd")
    defer { removeFolder(work) }
    _ = try configFolder(in: work)
    let share = ShareFolder(kind: .installed, path: root + "/share/capscript")
    let env = ["CAPSCRIPT_CONFIG": root + "/env"]
    func rule(_ option: String?, _ environment: [String: String], _ cwd: String, _ share: ShareFolder?) throws
      -> ConfigSearch.Location
    {
      try ConfigSearch(option: option, environment: environment, workingDirectory: cwd, share: share).resolve()
    }
    #expect(try rule("given", env, work, share) == .init(directory: "given", rule: .option))
    #expect(try rule(nil, env, work, share) == .init(directory: root + "/env", rule: .environment))
    #expect(try rule(nil, [:], work, share) == .init(directory: work + "/config", rule: .workingDirectory))
    #expect(try rule(nil, [:], root, share) == .init(directory: root + "/share/capscript/config", rule: .installed))
    let checkout = ShareFolder(kind: .repository, path: root)
    #expect(try rule(nil, [:], root, checkout) == .init(directory: root + "/config", rule: .repository))
    // An empty CAPSCRIPT_CONFIG is unset.
    #expect(try rule(nil, ["CAPSCRIPT_CONFIG": ""], work, share).rule == .workingDirectory)
  }

  @Test func aWorkingConfigFolderWithoutAPolicyIsSkipped() throws {
    let work = try temporaryFolder("search-cwd")
    defer { removeFolder(work) }
    try FileManager.default.createDirectory(atPath: work + "/config", withIntermediateDirectories: true)
    let share = ShareFolder(kind: .installed, path: "/opt/capscript-share")
    let search = ConfigSearch(environment: [:], workingDirectory: work, share: share)
    #expect(try search.resolve() == .init(directory: "/opt/capscript-share/config", rule: .installed))
    let step = search.steps()[2]
    #expect(step.rule == .workingDirectory && !step.applies)
    #expect(step.note == "has no capital-efficiency-policy.json, skipped")
  }

  @Test func noFolderFoundNamesEveryRuleTried() throws {
    let work = try temporaryFolder("search-cwd")
    defer { removeFolder(work) }
    let search = ConfigSearch(environment: [:], workingDirectory: work, share: nil)
    #expect(throws: ConfigError.self) { try search.resolve() }
    do {
      _ = try search.library()
    } catch {
      #expect(error.code == .notFound)
      let text = error.description
      #expect(
        text.hasPrefix("config folder: none found; tried 1. --config DIR: not given; 2. CAPSCRIPT_CONFIG: not set"))
      #expect(text.contains("3. ./config: no config folder in \(work)"))
      #expect(text.contains("4. installed: no share/capscript/config beside "))
      #expect(text.contains("5. repository: "))
      #expect(text.contains("Give --config DIR, set CAPSCRIPT_CONFIG"))
    }
  }

  @Test(arguments: [ConfigSearch.Rule.option, .environment])
  func anExplicitFolderIsUsedAsGivenAndItsFaultNamesTheRule(rule: ConfigSearch.Rule) throws {
    let work = try temporaryFolder("search-cwd")
    defer { removeFolder(work) }
    _ = try configFolder(in: work)  // would be found by rule 3: an explicit rule never falls through to it
    let missing = work + "/nowhere"
    let search = ConfigSearch(
      option: rule == .option ? missing : nil,
      environment: rule == .environment ? ["CAPSCRIPT_CONFIG": missing] : [:], workingDirectory: work, share: nil)
    #expect(try search.resolve() == .init(directory: missing, rule: rule))
    #expect(search.steps()[rule.rawValue - 1].note.hasPrefix("holds no capital-efficiency-policy.json"))
    do {
      _ = try search.library()
      Issue.record("a folder without a policy must not open")
    } catch {
      #expect(
        error.description
          == "\(missing)/capital-efficiency-policy.json: cannot read the file (the config folder given by \(rule.name); `capscript config-path` shows the search)"
      )
    }
  }
}

@Suite struct ShareFolderBesideTheExecutable {
  @Test func anInstalledBinaryFindsShareCapscript() throws {
    let prefix = try temporaryFolder("prefix")
    defer { removeFolder(prefix) }
    _ = try configFolder(in: prefix + "/share/capscript")
    let found = ShareFolder.find(executable: prefix + "/bin/capscript")
    #expect(found == ShareFolder(kind: .installed, path: prefix + "/share/capscript"))
    #expect(found?.configDirectory == prefix + "/share/capscript/config")
    #expect(found?.libraryDirectory == prefix + "/share/capscript/lib")
  }

  @Test func aBuildFolderBinaryFindsItsCheckout() throws {
    let root = try temporaryFolder("checkout")
    defer { removeFolder(root) }
    _ = try configFolder(in: root)
    try "// package".write(toFile: root + "/Package.swift", atomically: true, encoding: .utf8)
    let found = ShareFolder.find(executable: root + "/.build/x86_64-unknown-linux-gnu/release/capscript")
    #expect(found == ShareFolder(kind: .repository, path: root))
    #expect(found?.libraryDirectory == root + "/scripts/lib")
  }

  @Test func aBinaryWithNeitherFindsNothing() throws {
    let root = try temporaryFolder("lone")
    defer { removeFolder(root) }
    // A config folder without Package.swift beside it is not a checkout; an empty share folder is no install.
    _ = try configFolder(in: root)
    try FileManager.default.createDirectory(atPath: root + "/share/capscript", withIntermediateDirectories: true)
    #expect(ShareFolder.find(executable: root + "/bin/capscript") == nil)
  }

  @Test func thisTestBinaryRunsFromTheCheckout() {
    #expect(ShareFolder.current == ShareFolder(kind: .repository, path: packageRoot))
  }
}
