import Foundation
import TestSupport
import Testing

/// `cap.scenario(path)` reads (issue 16, item 17): under `--sandbox` only the
/// config folder and the library folders, with a refusal that says nothing of
/// the file; anywhere, a file that is not JSON is refused without its bytes.
@Suite struct SandboxReadTests {
  static let secret = "s3cret-token: do-not-print\n"

  @Test func sandboxRefusesFilesOutsideConfigAndLibraries() throws {
    let outside = try folder(with: ["secret.txt": Self.secret, "scenario.json": "{\"name\": \"x\"}"])
    let lib = try temporaryFolder("lib")
    let dir = try folder(with: ["read.lua": "print(pcall(cap.scenario, arg[1]))\n"])
    defer {
      for d in [outside, lib, dir] { removeFolder(d) }
    }
    // A link inside a library folder that points outside it is outside too.
    try FileManager.default.createSymbolicLink(atPath: lib + "/link", withDestinationPath: outside)
    let refusals = try [
      outside + "/secret.txt", outside + "/scenario.json", outside + "/missing.json", lib + "/link/secret.txt",
      lib + "/../" + URL(fileURLWithPath: outside).lastPathComponent + "/secret.txt", "/etc/passwd",
    ].map { path in
      let r = try capscript(["--sandbox", "--lib", lib, dir + "/read.lua", path])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stdout.hasPrefix("false\t"), "\(path): \(r.stdout)")
      #expect(r.stdout.contains("the sandbox reads files only under the config folder"), "\(path): \(r.stdout)")
      #expect(!r.stdout.contains("s3cret") && !r.stdout.contains("root:"), "\(path): \(r.stdout)")
      return r.stdout.replacingOccurrences(of: path, with: "PATH")
    }
    // An existing file and a missing one get the same answer.
    #expect(Set(refusals).count == 1, "\(refusals)")
  }

  @Test func sandboxReadsTheConfigAndLibraryFolders() throws {
    let scenario = try String(
      contentsOfFile: configDirectory + "/scenarios/crash_40pct_external_asset.json", encoding: .utf8)
    let lib = try folder(with: ["mine.json": scenario])
    let dir = try folder(with: [
      "read.lua": """
      print(cap.scenario("crash_40pct_external_asset").paths)
      print(cap.scenario("config/scenarios/crash_40pct_external_asset.json").paths)
      print(cap.scenario(arg[1] .. "/mine.json").paths)
      """
    ])
    defer {
      removeFolder(lib)
      removeFolder(dir)
    }
    let r = try capscript(["--sandbox", "--lib", lib, dir + "/read.lua", lib])
    #expect(r.status == 0, "\(r.stderr)")
    let paths = try projectScenarioPaths()
    #expect(r.stdout == String(repeating: "\(paths)\n", count: 3))
  }

  @Test func aFileThatIsNotJSONIsNotEchoed() throws {
    let outside = try folder(with: ["secret.txt": Self.secret])
    let dir = try folder(with: ["read.lua": "print(pcall(cap.scenario, arg[1]))\n"])
    defer {
      removeFolder(outside)
      removeFolder(dir)
    }
    let r = try capscript([dir + "/read.lua", outside + "/secret.txt"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "false\t\(outside)/secret.txt: is not a JSON object (a config file starts with {)\n")
  }

  /// The paths of the shipped crash scenario, read from its file.
  func projectScenarioPaths() throws -> Int {
    let data = try Data(
      contentsOf: URL(fileURLWithPath: configDirectory + "/scenarios/crash_40pct_external_asset.json"))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return try #require(object?["paths"] as? Int)
  }
}
