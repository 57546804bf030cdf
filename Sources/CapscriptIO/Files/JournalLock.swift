import Foundation

/// An exclusive lock on one sweep journal, so two sweeps never write the same
/// file: `flock(LOCK_EX | LOCK_NB)` on the side file `NAME.lock`, which holds
/// the holder's pid for the message. The kernel drops the lock when its holder
/// exits, `kill -9` included, so a stopped sweep never leaves a stale lock; the
/// file is removed when the lock is released normally.
final class JournalLock {
  let path: String
  private let fd: Int32

  /// Takes the lock of the journal `journalPath`, whose lock file is `path`.
  /// - Throws: `OutputError` "another sweep is writing JOURNAL (pid N)" when
  ///   another process (or another journal of this process) holds it.
  init(path: String, journal journalPath: String) throws(OutputError) {
    self.path = path
    while true {
      let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
      guard fd >= 0 else {
        throw OutputError("cannot lock \(journalPath): \(path): \(String(cString: strerror(errno)))")
      }
      if flock(fd, LOCK_EX | LOCK_NB) != 0 {
        let holder = Self.pid(in: fd)
        close(fd)
        throw OutputError(
          "another sweep is writing \(journalPath) (pid \(holder.map(String.init) ?? "unknown")); "
            + "wait for it to finish, or give this sweep another --out")
      }
      // A holder that released the lock removed the file after we opened it: lock the file now there.
      var held = stat()
      var named = stat()
      guard fstat(fd, &held) == 0, lstat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev
      else {
        close(fd)
        continue
      }
      let text = Array("\(getpid())\n".utf8)
      _ = ftruncate(fd, 0)
      _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
      self.fd = fd
      return
    }
  }

  deinit {
    unlink(path)
    close(fd)
  }

  /// The pid written in the lock file, if it reads as one.
  static func pid(in fd: Int32) -> Int32? {
    var buffer = [UInt8](repeating: 0, count: 32)
    let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
    guard n > 0 else { return nil }
    return Int32(String(decoding: buffer.prefix(n), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
