import Foundation
public import SimCore

/// One shard file: a JSON header line, then the slice's per-path records and
/// routing statistics as little-endian binary (docs/SHARDS.md). Written whole
/// or not at all (`OutputFile`), under a content-addressed name.
public struct ShardFile: Sendable {
  /// Bytes per path record (`doubleFields`, `countFields` and the liquidation flag).
  public static let recordBytes = recordBytesOfFields

  public let path: String
  public let header: ShardHeader
  public let slice: RunSlice

  /// Writes `slice` under `header.fileName` in `folder`; returns the file's path.
  public static func write(_ slice: RunSlice, header: ShardHeader, in folder: String) throws(OutputError) -> String {
    precondition(slice.paths == header.range && slice.routingStride == header.routingStride, "the header's slice")
    let payload = encode(slice)
    var header = header
    header.payloadBytes = payload.count
    header.payloadHash = payload.withUnsafeBytes { ContentHash.fnv1a(bytes: $0) }
    let path = folder + "/" + header.fileName
    try OutputFile.write(bytes: Array((JSONText.canonical(header.tree) + "\n").utf8) + payload, to: path)
    return path
  }

  /// Reads and checks a shard file: its header, the payload's size and hash.
  /// - Throws: `OutputError` naming the file and what is wrong with it.
  public init(path: String) throws(OutputError) {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw OutputError("cannot read shard \(path)")
    }
    guard let newline = data.firstIndex(of: 0x0A) else {
      throw OutputError("\(path): not a capscript shard (no header line)")
    }
    let tree: ConfigValue
    do {
      tree = try JSONText.parse(String(decoding: data[data.startIndex..<newline], as: UTF8.self), file: path)
    } catch {
      throw OutputError("\(path): not a capscript shard: \(error)")
    }
    let header = try ShardHeader(tree: tree, file: path)
    let payload = data[(newline + 1)...]
    let expected = header.range.count * (Self.recordBytes + 8 * header.routingStride)
    guard payload.count == header.payloadBytes, payload.count == expected else {
      throw OutputError(
        "\(path) (\(header.sliceText)) is cut short or damaged: \(payload.count) bytes of records, "
          + "expected \(expected)")
    }
    let hash = payload.withUnsafeBytes { ContentHash.fnv1a(bytes: $0) }
    guard hash == header.payloadHash else {
      throw OutputError(
        "\(path) (\(header.sliceText)) is damaged: its records hash to \(hash), the header says \(header.payloadHash)")
    }
    self.path = path
    self.header = header
    slice = payload.withUnsafeBytes { Self.decode($0, header: header) }
  }

  /// Whether `path` is already a whole shard of the run and slice of `header`
  /// (running a finished shard again is then a no-op).
  public static func isFinished(_ path: String, header: ShardHeader) -> Bool {
    guard let file = try? ShardFile(path: path) else { return false }
    return file.header.runID == header.runID && file.header.slice == header.slice
  }
}
