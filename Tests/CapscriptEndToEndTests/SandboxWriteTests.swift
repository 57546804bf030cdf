import Foundation
import TestSupport
import Testing

/// Writes under `--sandbox --out OUT` (issue 16, item 16): a symbolic link
/// inside OUT that points outside cannot carry `r:save`, `cap.report` or a
/// sweep journal out of OUT, whether a new folder follows it
/// (`OUT/link/new/x`) or `..` (`OUT/link/../x`, the parent of the link's target).
@Suite struct SandboxWriteTests {
  static let script = """
    local r = cap.run(cap.scenario("crash_40pct_external_asset"):with{paths = 20})
    local base = cap.scenario("leverage_sweep_1x_to_4x"):with{paths = 20}
    local function try(what, f) print(what, pcall(f)) end
    local target = arg[1]
    try("save", function() r:save(target .. "/x.json") end)
    try("report", function() cap.report(r, target .. "/r.html") end)
    try("journal", function()
      cap.sweep{base = base, grid = {leverage = {1, 2}}, journal = target}:run()
    end)
    """

  /// Runs the script under the sandbox with `target` as the folder it writes to.
  func run(out: String, target: String, in dir: String) throws -> ProcessOutput {
    try capscript(["--sandbox", "--out", out, dir + "/write.lua", target])
  }

  @Test(arguments: ["link/new", "link/..", "link/new/..", "link/../x", "sub/../link/new"])
  func aLinkOutOfOutCarriesNoWriteOutside(via tail: String) throws {
    let outside = try temporaryFolder("outside")
    let root = try temporaryFolder("out")
    let dir = try folder(with: ["write.lua": Self.script])
    defer {
      for d in [outside, root, dir] { removeFolder(d) }
    }
    // OUT/link -> outside/inner, so OUT/link/.. is `outside`.
    try FileManager.default.createDirectory(atPath: outside + "/inner", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: root + "/out/sub", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: root + "/out/link", withDestinationPath: outside + "/inner")
    let r = try run(out: root + "/out", target: root + "/out/" + tail, in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.count == 3, "\(r.stdout)")
    for line in lines {
      #expect(line.contains("\tfalse\t") && line.contains("file writes are allowed only under"), "\(tail): \(line)")
    }
    // Nothing was made outside OUT: no file, no folder, no temporary file.
    #expect(try FileManager.default.subpathsOfDirectory(atPath: outside) == ["inner"], "\(tail)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root).sorted() == ["out"], "\(tail)")
  }

  @Test func writesInsideOutStillWork() throws {
    let root = try temporaryFolder("out")
    let dir = try folder(with: ["write.lua": Self.script])
    defer {
      removeFolder(root)
      removeFolder(dir)
    }
    // A link inside OUT to another folder of OUT is inside OUT.
    try FileManager.default.createDirectory(atPath: root + "/out/real", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: root + "/out/alias", withDestinationPath: root + "/out/real")
    let r = try run(out: root + "/out", target: root + "/out/alias/new/../deep/er", in: dir)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "save\ttrue\nreport\ttrue\njournal\ttrue\n", "\(r.stdout)")
    let made = try FileManager.default.contentsOfDirectory(atPath: root + "/out/real/deep/er").sorted()
    #expect(made.contains("x.json") && made.contains("r.html") && made.contains("leverage_sweep_1x_to_4x.jsonl"))
  }
}
