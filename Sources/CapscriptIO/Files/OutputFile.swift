import Foundation
import SimCore

/// Writes output files whole or not at all: into a temporary file beside the
/// target (`.NAME.PID.tmp`, created anew, never through a link), then renamed
/// over it.
public enum OutputFile {
  public static func write(_ text: String, to path: String) throws(OutputError) {
    try write(bytes: Array(text.utf8), to: path)
  }

  /// Writes `bytes` whole or not at all, as `write(_:to:)` writes text.
  public static func write(bytes: [UInt8], to path: String) throws(OutputError) {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent()
    let tmp = dir.appendingPathComponent(temporaryName(url.lastPathComponent, pid: getpid()))
    try OutputFolder.check(dir.path)
    do {
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      removeStaleTemporaries(of: url.lastPathComponent, in: dir.path)
      try create(tmp.path, bytes: bytes)
      if rename(tmp.path, url.path) != 0 {
        throw OutputError("cannot write \(path): \(String(cString: strerror(errno)))")
      }
    } catch let e as OutputError {
      unlink(tmp.path)
      throw e
    } catch {
      unlink(tmp.path)
      throw OutputError("cannot write \(path): \(error.localizedDescription)")
    }
  }

  /// The temporary file of `name` written by process `pid`.
  static func temporaryName(_ name: String, pid: pid_t) -> String { ".\(name).\(pid).tmp" }

  /// Writes `bytes` to a new file at `path` (`O_EXCL | O_NOFOLLOW`: a file or
  /// link already there is removed first, never written through).
  static func create(_ path: String, bytes: [UInt8]) throws(OutputError) {
    unlink(path)
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw OutputError("cannot write \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress.map { $0 + done }, $0.count - done) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { throw OutputError("cannot write \(path): \(String(cString: strerror(errno)))") }
      done += n
    }
  }

  /// Removes the temporary files `.NAME.PID.tmp` of `name` in `folder` that
  /// a write killed midway left: those whose process no longer exists
  /// (`kill(PID, 0)` fails with `ESRCH`). A live writer's file is kept, and so
  /// is a stale one whose pid a new process has since taken (it goes once that
  /// process ends).
  static func removeStaleTemporaries(of name: String, in folder: String) {
    let prefix = ".\(name)."
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
      let middle = entry.dropFirst(prefix.count).dropLast(".tmp".count)
      guard let pid = pid_t(middle), pid > 0, pid != getpid() else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH { unlink((folder as NSString).appendingPathComponent(entry)) }
    }
  }
}
