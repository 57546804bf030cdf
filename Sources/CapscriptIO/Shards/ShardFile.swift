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
  /// Where the payload starts: the bytes of the header line and its newline.
  let payloadOffset: Int

  /// Writes `slice` under `header.fileName` in `folder`; returns the file's path.
  /// - Complexity: O(paths × (record + stride)): one pass to encode, one to hash, one write.
  public static func write(_ slice: RunSlice, header: ShardHeader, in folder: String) throws(OutputError) -> String {
    precondition(slice.paths == header.range && slice.routingStride == header.routingStride, "the header's slice")
    var header = header
    header.payloadBytes = payloadBytes(paths: slice.records.count, routingStride: slice.routingStride)
    header.payloadHash = String(repeating: "0", count: 16)  // the hash's length, for the header's size
    let line = Array((JSONText.canonical(header.tree) + "\n").utf8)
    // The header's length does not depend on the hash's value (16 hex digits), so the
    // payload is encoded once, in place after a header of the final size.
    var bytes = [UInt8](repeating: 0, count: line.count + header.payloadBytes)
    let hash = bytes.withUnsafeMutableBytes { all in
      let payload = UnsafeMutableRawBufferPointer(rebasing: all[line.count...])
      encode(slice, into: payload)
      return ContentHash.words(bytes: UnsafeRawBufferPointer(payload))
    }
    header.payloadHash = hash
    let final = Array((JSONText.canonical(header.tree) + "\n").utf8)
    precondition(final.count == line.count, "a header's length does not depend on its payload hash")
    bytes.replaceSubrange(0..<final.count, with: final)
    let path = folder + "/" + header.fileName
    try OutputFile.write(bytes: bytes, to: path)
    return path
  }

  /// The payload's size for `paths` records with `routingStride` routing values each.
  static func payloadBytes(paths: Int, routingStride: Int) -> Int { paths * (recordBytes + 8 * routingStride) }

  /// Reads and checks a shard file's header line and size; the records are
  /// read (and their hash checked) by `readPayload`.
  /// - Throws: `OutputError` naming the file and what is wrong with it.
  public init(path: String) throws(OutputError) {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw OutputError("cannot read shard \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw OutputError("cannot read shard \(path)") }
    let size = Int(info.st_size)
    // The header line: read in growing chunks until its newline.
    var line: [UInt8] = []
    var newline: Int?
    while newline == nil && line.count < size {
      let start = line.count
      let chunk = min(max(4096, start), size - start)
      line += [UInt8](repeating: 0, count: chunk)
      let read = line.withUnsafeMutableBytes {
        Self.read(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[start...]), at: start)
      }
      guard let got = read else { throw OutputError("cannot read shard \(path): \(String(cString: strerror(errno)))") }
      line.removeLast(chunk - got)
      if got == 0 { break }
      newline = line[start...].firstIndex(of: 0x0A)
    }
    guard let newline else { throw OutputError("\(path): not a capscript shard (no header line)") }
    let tree: ConfigValue
    do {
      tree = try JSONText.parse(String(decoding: line[..<newline], as: UTF8.self), file: path)
    } catch {
      throw OutputError("\(path): not a capscript shard: \(error)")
    }
    let header = try ShardHeader(tree: tree, file: path)
    let payload = size - (newline + 1)
    let expected = Self.payloadBytes(paths: header.range.count, routingStride: header.routingStride)
    guard payload == header.payloadBytes, payload == expected else {
      throw OutputError(
        "\(path) (\(header.sliceText)) is cut short or damaged: \(payload) bytes of records, expected \(expected)")
    }
    self.path = path
    self.header = header
    payloadOffset = newline + 1
  }

  /// Reads the payload into `buffer` (resized to fit) and checks its hash.
  /// - Throws: `OutputError` naming the file and slice when it cannot be read or is damaged.
  func readPayload(into buffer: inout [UInt8]) throws(OutputError) {
    if buffer.count != header.payloadBytes { buffer = [UInt8](repeating: 0, count: header.payloadBytes) }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw OutputError("cannot read shard \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    let read = buffer.withUnsafeMutableBytes { Self.read(fd, into: $0, at: payloadOffset) }
    guard let got = read else { throw OutputError("cannot read shard \(path): \(String(cString: strerror(errno)))") }
    guard got == header.payloadBytes else {
      throw OutputError(
        "\(path) (\(header.sliceText)) is cut short: \(got) bytes of records, expected \(header.payloadBytes)")
    }
    let hash = buffer.withUnsafeBytes { ContentHash.words(bytes: $0) }
    guard hash == header.payloadHash else {
      throw OutputError(
        "\(path) (\(header.sliceText)) is damaged: its records hash to \(hash), the header says \(header.payloadHash)")
    }
  }

  /// Reads the records and routing values of this shard into `records` and
  /// `routing` (its paths' places in the run's arrays), checking the payload's
  /// hash first; `buffer` is scratch that a caller reuses across files.
  /// - Complexity: one read of the file's payload, one pass to hash, one to decode.
  func load(
    into records: UnsafeMutableBufferPointer<PathRecord>, routing: UnsafeMutableBufferPointer<Double>,
    buffer: inout [UInt8]
  ) throws(OutputError) {
    try readPayload(into: &buffer)
    buffer.withUnsafeBytes { Self.decode($0, into: records, routing: routing) }
  }

  /// Whether `path` is already a whole shard of the run and slice of `header`
  /// (running a finished shard again is then a no-op).
  public static func isFinished(_ path: String, header: ShardHeader) -> Bool {
    guard let file = try? ShardFile(path: path),
      file.header.runID == header.runID && file.header.slice == header.slice
    else { return false }
    var buffer: [UInt8] = []
    return (try? file.readPayload(into: &buffer)) != nil
  }

  /// Reads up to `bytes.count` bytes of `fd` from `offset` into `bytes`;
  /// returns how many (fewer at the file's end), nil on an error (`errno` says which).
  static func read(_ fd: Int32, into bytes: UnsafeMutableRawBufferPointer, at offset: Int) -> Int? {
    guard let base = bytes.baseAddress else { return 0 }
    var done = 0
    while done < bytes.count {
      let n = pread(fd, base + done, bytes.count - done, off_t(offset + done))
      if n < 0 && errno == EINTR { continue }
      if n < 0 { return nil }
      if n == 0 { break }
      done += n
    }
    return done
  }
}
