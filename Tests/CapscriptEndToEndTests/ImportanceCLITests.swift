import Foundation
import TestSupport
import Testing

/// `--importance` on the command line beyond a plain run (docs/IMPORTANCE.md):
/// an optimizer sweep takes it and journals it, and the per-path arrays carry the weights.
@Suite struct ImportanceCLITests {
  @Test func aSweepTakesImportanceAndItsJournalIsNotResumedWithoutIt() throws {
    let dir = try temporaryFolder("e2e")
    defer { removeFolder(dir) }
    let args = ["run", "leverage_sweep_1x_to_4x", "--set", "leverage=2.5", "--paths", "300", "--out", dir]
    let sampled = try capscript(args + ["--importance", "auto", "--quiet", "--format", "json"])
    #expect(sampled.status == 0, "\(sampled.stderr)")
    #expect(sampled.stdout.contains("\"candidates\""))
    let plain = try capscript(args + ["--resume"])
    #expect(plain.status == 1)
    #expect(plain.stderr.contains("importance sampling changed"), "\(plain.stderr)")
    let again = try capscript(args + ["--importance", "auto", "--quiet", "--format", "json", "--resume"])
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout == sampled.stdout)
  }

  /// A sweep's candidate shards take `--importance` (each finds the same tilt
  /// on the base) and resume into the single-process sweep; a plain run's
  /// path shards still refuse it.
  @Test func sweepShardsTakeImportanceAndResumeIntoTheLocalSweep() throws {
    let dir = try temporaryFolder("e2e")
    defer { removeFolder(dir) }
    let sweep = ["run", "leverage_sweep_1x_to_4x", "--set", "leverage=2.5", "--paths", "150", "--importance", "auto"]
    for k in 1...2 {
      let r = try capscript(sweep + ["--shard", "\(k)/2", "--out", dir + "/d", "--quiet"])
      #expect(r.status == 0, "\(r.stderr)")
    }
    let merged = try capscript(sweep + ["--resume", "--out", dir + "/d", "--format", "json", "--quiet"])
    let local = try capscript(sweep + ["--out", dir + "/l", "--format", "json", "--quiet"])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout == local.stdout)
    let plain = try capscript([
      "run", "crash_40pct_external_asset", "--paths", "100", "--importance", "auto", "--shard", "1/2", "--out", dir,
    ])
    #expect(plain.status != 0)
    #expect(plain.stderr.contains("--shard runs plain slices of the paths"), "\(plain.stderr)")
  }

  @Test func perPathArraysEndWithTheWeightUnderImportanceSampling() throws {
    let scenario = packageRoot + "/examples/scenarios/crash_rare_liquidation.json"
    let args = ["run", scenario, "--paths", "200", "--format", "csv", "--per-path", "--quiet"]
    let sampled = try capscript(args + ["--importance", "asset=-0.5,from=0,to=30"])
    #expect(sampled.status == 0, "\(sampled.stderr)")
    let lines = sampled.stdout.split(separator: "\n")
    #expect(lines.count == 202)
    #expect(lines[1].hasSuffix(",weight"))
    let weights = lines.dropFirst(2).compactMap { $0.split(separator: ",").last.flatMap { Double($0) } }
    #expect(weights.count == 200 && weights.contains { $0 != 1 })
    let plain = try capscript(args)
    #expect(plain.status == 0 && !plain.stdout.contains("weight"))
  }
}
