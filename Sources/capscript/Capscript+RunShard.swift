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
    if until != nil || perPath || report != nil || resume {
      throw ValidationError(
        "--shard runs a slice of paths or candidates; --until, --per-path, --report and --resume do not apply")
    }
    return slice
  }

  /// Runs slice `slice` of `s` into its shard file under `folder` (a no-op
  /// when that file is already whole), and prints the file's path; a sweep's
  /// slice is of its candidates (`runSweepShard`).
  func runShard(_ s: Scenario, slice: ShardSlice, folder: String, library: ConfigLibrary) throws {
    if optimizer || s.optimizerByDefault {
      try runSweepShard(s, slice: slice, folder: folder, library: library)
      return
    }
    if importance != nil {
      throw ValidationError(
        "--importance applies to a whole run; --shard runs plain slices of the paths (a sweep's shards take it)")
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

extension Capscript.Run {
  /// Evaluates candidate slice `slice` of the first round of `s`'s sweep into
  /// its shard journal under `folder`/sweeps, and prints the journal folder.
  func runSweepShard(_ s: Scenario, slice: ShardSlice, folder: String, library: ConfigLibrary) throws {
    guard let spec = s.sweep else {
      throw ConfigError(.missingField, file: s.file, field: "sweep", "is required to run in optimizer mode")
    }
    var sweep = try Sweep(base: s, spec: spec, evidence: library.evidence())
    try sampleWithImportance(&sweep)
    guard slice.count <= sweep.candidates.count else {
      throw ValidationError(
        "--shard \(slice.text): the sweep of \(s.name) has \(sweep.candidates.count) candidates, "
          + "so N must be at most \(sweep.candidates.count)")
    }
    let progress = ProgressBar(label: "sweep \(s.name) \(slice.text)")
    defer { progress.finish() }
    let (dir, evaluated) = try SweepShards.run(
      sweep, name: s.name, slice: slice, directory: folder + "/sweeps", options: progress.attach(to: runOptions),
      starting: progress.show)
    progress.finish()
    if !common.quiet {
      let range = slice.paths(of: sweep.candidates.count)
      Capscript.note(
        "candidates \(range.lowerBound + 1)...\(range.upperBound) (slice \(slice.text)) of \(s.name): "
          + "\(evaluated) evaluated, \(range.count - evaluated) already journaled in \(dir)")
    }
    print(dir)
  }
}
