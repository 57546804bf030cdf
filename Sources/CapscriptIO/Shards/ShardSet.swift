import Foundation
public import SimCore
import Synchronization

/// The shards of one run, checked to cover its paths exactly once: what
/// `capscript merge` joins into the run's scorecard (docs/SHARDS.md).
public struct ShardSet: Sendable {
  /// The shards in path order.
  public let shards: [ShardFile]

  /// The header of the run (the first shard's).
  public var header: ShardHeader { shards[0].header }

  /// Reads the headers of the shards among `paths` (shard files, or folders
  /// whose `*.capshard` files are read) and checks that they belong to one
  /// run and cover its paths exactly; `result` reads their records.
  /// - Throws: `OutputError` naming the shard file and slice that is foreign,
  ///   overlaps another or leaves paths uncovered (or, first, one that is damaged).
  public init(paths: [String]) throws(OutputError) {
    var files: [ShardFile] = []
    for path in try Self.shardPaths(paths) { files.append(try ShardFile(path: path)) }
    do throws(OutputError) {
      shards = try Self.covering(files, given: paths)
    } catch {
      // A damaged or cut-short file is named before the gap, overlap or foreign run it is part of.
      var buffer: [UInt8] = []
      for file in files { try file.readPayload(into: &buffer) }
      throw error
    }
  }

  /// `files` in path order, without empty slices.
  /// - Throws: `OutputError` naming a shard that is foreign or overlaps another, or the paths no shard covers.
  static func covering(_ files: [ShardFile], given paths: [String]) throws(OutputError) -> [ShardFile] {
    guard let first = files.first else {
      throw OutputError("no shard files (*.\(ShardHeader.fileExtension)) in \(paths.joined(separator: ", "))")
    }
    for file in files where file.header.runID != first.header.runID {
      throw OutputError(
        "shard \(file.path) (\(file.header.sliceText)) belongs to another run: \(file.header.runText); "
          + "\(first.path) is \(first.header.runText)")
    }
    let sorted = files.sorted {
      ($0.header.range.lowerBound, $0.header.range.upperBound) < (
        $1.header.range.lowerBound, $1.header.range.upperBound
      )
    }
    var covered = 0
    var previous: ShardFile?
    for file in sorted {
      let range = file.header.range
      if range.lowerBound > covered { throw Self.missing(covered..<range.lowerBound, in: sorted) }
      if range.lowerBound < covered, let previous {
        let verb = previous.header.slice == file.header.slice ? "repeats" : "overlaps"
        throw OutputError(
          "shard \(file.path) (\(file.header.sliceText)) \(verb) shard \(previous.path) (\(previous.header.sliceText)); "
            + "give each slice once")
      }
      covered = range.upperBound
      previous = file
    }
    if covered < first.header.paths { throw Self.missing(covered..<first.header.paths, in: sorted) }
    return sorted.filter { !$0.header.range.isEmpty }
  }

  /// The error for paths `gap` that no shard covers, naming the missing slices
  /// when every shard has the same split.
  static func missing(_ gap: Range<Int>, in shards: [ShardFile]) -> OutputError {
    let header = shards[0].header
    var text = "paths \(gap.lowerBound)..<\(gap.upperBound) of the run are missing: no shard covers them"
    let counts = Set(shards.map(\.header.slice.count))
    if counts.count == 1, let n = counts.first {
      let slices = (1...n).compactMap { ShardSlice(index: $0, count: n) }.filter {
        $0.paths(of: header.paths).overlaps(gap)
      }
      text +=
        " (missing \(slices.map { "slice \($0.text)" }.joined(separator: ", ")); run "
        + "capscript run \(header.source) --shard K/\(n) --out DIR for each, with the run's options)"
    }
    return OutputError(text + "; the run is \(header.runText)")
  }

  /// The shard files among `paths`: files as given, folders' `*.capshard` files sorted by name.
  static func shardPaths(_ paths: [String]) throws(OutputError) -> [String] {
    var out: [String] = []
    for path in paths {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        throw OutputError("no such shard file or folder: \(path)")
      }
      guard isFolder.boolValue else {
        out.append(path)
        continue
      }
      let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      out += entries.filter { $0.hasSuffix("." + ShardHeader.fileExtension) && !$0.hasPrefix(".") }.sorted().map {
        (path as NSString).appendingPathComponent($0)
      }
    }
    return out
  }

  /// The run the shards make up, for `scenario` (loaded again from the
  /// header's source): each shard's payload is read, checked against its hash
  /// and decoded straight into its paths' place in the run's arrays, on up to
  /// `threads` threads (one file at a time each), then the scorecard is built
  /// once, by the code a single process uses.
  /// - Throws: `OutputError` naming the first shard (in path order) that cannot be read or is damaged.
  /// - Complexity: O(paths × (record + stride)) to read, plus the scorecard's O(n log n).
  public func result(scenario: Scenario, threads: Int = RunOptions.allCores) throws(OutputError) -> RunResult {
    let stride = header.routingStride
    precondition(scenario.paths == header.paths && stride == RunSlice.routingStride(of: scenario), "the shards' run")
    let failures = Mutex<[Int: OutputError]>([:])
    let next = Atomic<Int>(0)
    let shards = shards
    var values = [Double](repeating: 0, count: header.paths * stride)
    let records = [PathRecord](unsafeUninitializedCapacity: header.paths) { recordBuffer, initialized in
      values.withUnsafeMutableBufferPointer { valueBuffer in
        let out = SendableSlot(records: recordBuffer, values: valueBuffer)
        DispatchQueue.concurrentPerform(iterations: max(1, min(threads, shards.count))) { _ in
          var buffer: [UInt8] = []
          while true {
            let k = next.add(1, ordering: .relaxed).oldValue
            if k >= shards.count { return }
            let range = shards[k].header.range
            do throws(OutputError) {
              try shards[k].load(
                into: UnsafeMutableBufferPointer(rebasing: out.records[range]),
                routing: UnsafeMutableBufferPointer(
                  rebasing: out.values[(range.lowerBound * stride)..<(range.upperBound * stride)]),
                buffer: &buffer)
            } catch {
              failures.withLock { $0[k] = error }
            }
          }
        }
      }
      // PathRecord is a trivial type: on failure nothing needs deinitializing.
      initialized = failures.withLock { $0.isEmpty } ? header.paths : 0
    }
    if let first = failures.withLock({ $0.min { $0.key < $1.key } }) { throw first.value }
    return RunSlice(first: 0, records: records, routingValues: values, routingStride: stride).result(scenario: scenario)
  }
}

/// The run's arrays, written by the merge's threads at the disjoint places of their shards.
private struct SendableSlot: @unchecked Sendable {
  let records: UnsafeMutableBufferPointer<PathRecord>
  let values: UnsafeMutableBufferPointer<Double>
}
