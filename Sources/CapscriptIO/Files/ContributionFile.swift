import Foundation
import SimCore

/// The binary side file of a sweep journal (`NAME.contributions`): each
/// finished evaluation's per-path score contributions, so that a resumed
/// sweep pairs its rounds (docs/INTERVALS.md, "Optimizer: paired intervals")
/// exactly as an uninterrupted one, without running them again.
///
/// Records are appended, one `write` each, before the candidate's JSONL line:
/// a 40-byte header of five little-endian UInt64 (the sweep's identity,
/// candidate index, round, value count, FNV-1a 64 of the payload), then the
/// values as little-endian IEEE 754 bit patterns. A record of another sweep
/// (another identity) is never used; a record cut short or damaged is ignored
/// (the candidate is run again, and the file is cut back to its last sound
/// record when it is reopened); when a key has several records, the last one
/// is used.
final class ContributionFile {
  let path: String
  /// The sweep's identity (`Sweep.identity`) as a number: the first word of every record.
  let identity: UInt64
  /// Byte offset of each key's payload and its value count.
  private var index: [Sweep.Key: (offset: UInt64, count: Int)] = [:]

  static let headerBytes = 40

  /// Opens `path` for the sweep of `identity` (`Sweep.identity`, 16 hex
  /// digits), empty when `fresh`, else indexing the sound records of that sweep
  /// already there. The file is opened without following a symbolic link.
  init(path: String, identity: String, fresh: Bool) throws {
    self.path = path
    self.identity = UInt64(identity, radix: 16) ?? ContributionFile.checksum(Array(identity.utf8))
    if fresh || !FileManager.default.fileExists(atPath: path) {
      try OutputFile.write("", to: path)
      return
    }
    let fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { throw OutputError("cannot read \(path): \(String(cString: strerror(errno)))") }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    var offset: UInt64 = 0
    while let header = try handle.read(upToCount: Self.headerBytes), header.count == Self.headerBytes {
      let words = Self.words(header)
      let count = Int(clamping: words[3])
      guard words[1] < UInt64(Int32.max), words[2] < 64, count < Int(Int32.max) else { break }
      guard let payload = try handle.read(upToCount: count * 8), payload.count == count * 8,
        Self.checksum(header.prefix(32) + payload) == words[4]
      else { break }
      // A sound record of another sweep stays in the file but is never used.
      if words[0] == self.identity {
        index[Sweep.Key(index: Int(words[1]), round: Int(words[2]))] = (offset + UInt64(Self.headerBytes), count)
      }
      offset += UInt64(Self.headerBytes + count * 8)
    }
    // Drop a record cut short, so that new records follow the last sound one.
    guard ftruncate(fd, off_t(offset)) == 0 else {
      throw OutputError("cannot truncate \(path): \(String(cString: strerror(errno)))")
    }
  }

  /// The stored values of `key`, or nil.
  func load(_ key: Sweep.Key) -> [Double]? {
    guard let entry = index[key] else { return nil }
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    guard (try? handle.seek(toOffset: entry.offset)) != nil,
      let payload = try? handle.read(upToCount: entry.count * 8), payload.count == entry.count * 8
    else { return nil }
    return Self.words(payload).map(Double.init(bitPattern:))
  }

  /// Appends the values of `key` in one write.
  func save(_ key: Sweep.Key, _ values: [Double]) throws {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Self.headerBytes + values.count * 8)
    var payload: [UInt8] = []
    payload.reserveCapacity(values.count * 8)
    for v in values { Self.append(v.bitPattern, to: &payload) }
    for w in [identity, UInt64(key.index), UInt64(key.round), UInt64(values.count)] { Self.append(w, to: &bytes) }
    Self.append(Self.checksum(bytes + payload), to: &bytes)
    bytes += payload
    let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw OutputError("cannot append to \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    let end = lseek(fd, 0, SEEK_END)
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    guard end >= 0, written == bytes.count else { throw OutputError("cannot append to \(path)") }
    index[key] = (UInt64(end) + UInt64(Self.headerBytes), values.count)
  }

  /// The store a sweep reads and writes through.
  var store: Sweep.ContributionStore {
    Sweep.ContributionStore(load: { [self] in load($0) }, save: { [self] in try save($0, $1) })
  }

  static func append(_ w: UInt64, to bytes: inout [UInt8]) {
    for i in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: w >> (8 * UInt64(i)))) }
  }

  static func words<D: DataProtocol>(_ data: D) -> [UInt64] {
    let b = Array(data)
    return stride(from: 0, to: b.count - 7, by: 8).map { i in
      (0..<8).reduce(UInt64(0)) { $0 | UInt64(b[i + $1]) << (8 * UInt64($1)) }
    }
  }

  /// FNV-1a 64 of the bytes.
  static func checksum<D: DataProtocol>(_ data: D) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in data {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    return h
  }
}
