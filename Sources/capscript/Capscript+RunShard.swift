import ArgumentParser
import CapscriptIO
import Foundation
import SimCore

extension Capscript.Run {
  /// Reads `--shard K/N`; nil without it.
  func shardSlice() throws -> ShardSlice? {
    guard let shard else { return nil }
    guard let slice = ShardSlice(parsing: shard) else {
      throw ValidationError("--shard expects K/N with 1 <= K <= N (e.g. --shard 3/8), got \"\(shard)\"")
    }
    if out == nil { throw ValidationError("--shard writes a shard file: give --out DIR") }
    if until != nil || perPath || report != nil || optimizer || resume {
      throw ValidationError(
        "--shard runs a slice of a plain run; --until, --per-path, --report, --optimizer and --resume do not apply")
    }
    return slice
  }

  /// Runs slice `slice` of `s` into its shard file under `folder` (a no-op
  /// when that file is already whole), and prints the file's path.
  func runShard(_ s: Scenario, slice: ShardSlice, folder: String) throws {
    if s.optimizerByDefault {
      throw ValidationError(
        "--shard: \(s.name) runs as an optimizer sweep; shards apply to a plain run (docs/SHARDS.md)")
    }
    guard slice.count <= s.paths else {
      throw ValidationError("--shard \(slice.text): \(s.name) has \(s.paths) paths, so N must be at most \(s.paths)")
    }
    let header = ShardHeader(
      scenario: s, source: scenario, overrides: common.overrides, confidence: common.confidence, slice: slice)
    let path = folder + "/" + header.fileName
    if ShardFile.isFinished(path, header: header) {
      if !common.quiet { Capscript.note("\(header.sliceText) is already done: \(path)") }
      print(path)
      return
    }
    let progress = ProgressBar(label: "\(s.name) \(slice.text)")
    defer { progress.finish() }
    let output = try Runner.run(s, paths: header.range, options: progress.attach(to: runOptions))
    progress.finish()
    let written = try ShardFile.write(output, header: header, in: folder)
    if !common.quiet { Capscript.note("\(header.sliceText) of \(header.runText) written to \(written)") }
    print(written)
  }
}
