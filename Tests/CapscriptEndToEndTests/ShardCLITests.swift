import Foundation
import TestSupport
import Testing

/// `capscript run NAME --shard K/N --out DIR` and `capscript merge` through the
/// built binary (docs/SHARDS.md): merged shards print the single-process bytes,
/// a finished shard is not run again, and a missing, repeated, overlapping,
/// foreign or damaged shard is refused with its file and slice named.
@Suite struct ShardCLITests {
  /// Runs slices `slices` of `N` of `arguments` into `dir`; returns the shard paths printed.
  static func shards(_ arguments: [String], _ slices: [Int], of n: Int, into dir: String) throws -> [String] {
    try slices.map { k in
      let r = try capscript(["run"] + arguments + ["--shard", "\(k)/\(n)", "--out", dir, "--quiet"])
      #expect(r.status == 0, "\(r.stderr)")
      return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
  }

  @Test(arguments: [
    ["crash_40pct_external_asset", "--paths", "1003", "--epochs", "60"],
    ["chain138_deployed_capital_efficiency", "--paths", "45", "--epochs", "20"],
    ["hub_only_11", "--paths", "37", "--epochs", "20", "--seed", "7"],
  ])
  func mergedShardsPrintTheSingleProcessBytes(arguments: [String]) throws {
    let dir = try temporaryFolder("shards")
    defer { removeFolder(dir) }
    _ = try Self.shards(arguments + ["--threads", "2"], Array(1...8), of: 8, into: dir)
    for format in ["json", "csv", "table"] {
      let single = try capscript(["run"] + arguments + ["--format", format, "--quiet"])
      let merged = try capscript(["merge", dir, "--format", format, "--quiet"])
      #expect(merged.status == 0, "\(merged.stderr)")
      #expect(merged.stdout == single.stdout, "\(format) differs")
    }
    let out = dir + "/merged"
    let written = try capscript(["merge", dir, "--out", out, "--quiet", "--format", "json"])
    let name = arguments[0]
    #expect(try String(contentsOfFile: "\(out)/\(name).json", encoding: .utf8) == written.stdout)
  }

  @Test func aFinishedShardIsNotRunAgain() throws {
    let dir = try temporaryFolder("shards")
    defer { removeFolder(dir) }
    let args = [
      "run", "crash_40pct_external_asset", "--paths", "200", "--epochs", "40", "--shard", "2/4", "--out", dir,
    ]
    let first = try capscript(args)
    let path = first.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    let again = try capscript(args)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stderr.contains("slice 2/4, paths 50..<100 is already done"), "\(again.stderr)")
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == before)
    #expect(path.hasSuffix("-2of4.capshard"))
  }

  @Test func aDamagedShardIsRunAgain() throws {
    let dir = try temporaryFolder("shards")
    defer { removeFolder(dir) }
    let args = [
      "run", "crash_40pct_external_asset", "--paths", "200", "--epochs", "40", "--shard", "1/2", "--out", dir,
    ]
    let path = try capscript(args).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let whole = try Data(contentsOf: URL(fileURLWithPath: path))
    var bytes = [UInt8](whole)
    bytes[bytes.count - 9] ^= 4  // same size, one record bit flipped
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let again = try capscript(args)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(!again.stderr.contains("already done"), "\(again.stderr)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == whole)
  }

  @Test func mergeNamesTheMissingSlice() throws {
    let dir = try temporaryFolder("shards")
    defer { removeFolder(dir) }
    _ = try Self.shards(["hub_only_11", "--paths", "40", "--epochs", "10"], [1, 2, 4], of: 4, into: dir)
    let r = try capscript(["merge", dir])
    #expect(r.status != 0)
    #expect(r.stderr.contains("paths 20..<30 of the run are missing"), "\(r.stderr)")
    #expect(r.stderr.contains("missing slice 3/4"), "\(r.stderr)")
  }

  @Test func mergeRefusesARepeatedOrOverlappingSlice() throws {
    let dir = try temporaryFolder("shards")
    defer { removeFolder(dir) }
    let args = ["crash_40pct_external_asset", "--paths", "80", "--epochs", "40"]
    let halves = try Self.shards(args, [1, 2], of: 2, into: dir + "/a")
    _ = try Self.shards(args, [1], of: 2, into: dir + "/b")
    let repeated = try capscript(["merge", dir + "/a", dir + "/b"])
    #expect(repeated.status != 0)
    #expect(repeated.stderr.contains("repeats shard"), "\(repeated.stderr)")
    #expect(repeated.stderr.contains("(slice 1/2, paths 0..<40)"), "\(repeated.stderr)")
    let quarter = try Self.shards(args, [2], of: 4, into: dir + "/c")
    let overlap = try capscript(["merge"] + halves + quarter)
    #expect(overlap.status != 0)
    #expect(overlap.stderr.contains("\(quarter[0]) (slice 2/4, paths 20..<40) overlaps shard \(halves[0])"))
  }

  @Test func mergeRefusesAForeignOrDamagedShard() throws {
    let dir = try temporaryFolder("shards")
    defer { removeFolder(dir) }
    let mine = try Self.shards(
      ["crash_40pct_external_asset", "--paths", "80", "--epochs", "40"], [1], of: 2, into: dir)
    let foreign = try Self.shards(
      ["crash_40pct_external_asset", "--paths", "80", "--epochs", "40", "--seed", "9"], [2], of: 2, into: dir)
    let r = try capscript(["merge"] + mine + foreign)
    #expect(r.status != 0)
    #expect(r.stderr.contains("shard \(foreign[0]) (slice 2/2, paths 40..<80) belongs to another run"), "\(r.stderr)")
    #expect(r.stderr.contains("seed 9"))
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: mine[0])))
    bytes[bytes.count - 3] ^= 1
    try Data(bytes).write(to: URL(fileURLWithPath: mine[0]))
    let damaged = try capscript(["merge", mine[0]])
    #expect(damaged.status != 0)
    #expect(damaged.stderr.contains("\(mine[0]) (slice 1/2, paths 0..<40) is damaged"), "\(damaged.stderr)")
  }

  @Test func badShardOptionsSayWhatIsAllowed() throws {
    let noOut = try capscript(["run", "hub_only_11", "--shard", "1/2"])
    #expect(noOut.status == 64 && noOut.stderr.contains("--shard writes a shard file: give --out DIR"))
    let zero = try capscript(["run", "hub_only_11", "--shard", "0/2", "--out", "/tmp"])
    #expect(zero.status == 64 && zero.stderr.contains("--shard expects K/N with 1 <= K <= N"), "\(zero.stderr)")
    let many = try capscript(["run", "hub_only_11", "--paths", "3", "--shard", "1/4", "--out", "/tmp"])
    #expect(many.status == 64 && many.stderr.contains("N must be at most 3"), "\(many.stderr)")
  }

  @Test func sweepSlicesResumeIntoTheLocalRanking() throws {
    let dir = try temporaryFolder("shards")
    defer { removeFolder(dir) }
    let sweep = ["leverage_sweep_1x_to_4x", "--paths", "150"]
    let folders = try Self.shards(sweep, [3, 1, 2], of: 3, into: dir + "/d")
    #expect(folders.allSatisfy { $0.contains("/sweeps/leverage_sweep_1x_to_4x.shards/") })
    let again = try capscript(["run"] + sweep + ["--shard", "2/3", "--out", dir + "/d"])
    #expect(again.stderr.contains("candidates 3...4 (slice 2/3) of leverage_sweep_1x_to_4x: 0 evaluated, 2 already"))
    let merged = try capscript(["run"] + sweep + ["--resume", "--out", dir + "/d", "--format", "json", "--quiet"])
    let local = try capscript(["run"] + sweep + ["--out", dir + "/l", "--format", "json", "--quiet"])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout == local.stdout)
    let many = try capscript(["run"] + sweep + ["--shard", "1/8", "--out", dir])
    #expect(many.status == 64 && many.stderr.contains("has 7 candidates, so N must be at most 7"), "\(many.stderr)")
  }
}
