import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The binary on a pseudo-terminal that is its controlling terminal, so that
/// keystrokes (Ctrl-C included) reach it as they do from a user: the child
/// starts a new session (POSIX_SPAWN_SETSID) and opens the terminal as its
/// stdin, stdout and stderr.
final class TerminalSession {
  struct Failure: Error, CustomStringConvertible { let description: String }

  private let master: Int32
  private let pid: pid_t
  private var bytes: [UInt8] = []
  /// Where the next `expect` starts looking.
  private var mark = 0
  private var status: Int32?

  /// Everything the terminal showed so far.
  var transcript: String { String(decoding: bytes, as: UTF8.self) }

  init(_ arguments: [String], environment: [String: String]) throws {
    var m: Int32 = 0
    var s: Int32 = 0
    var size = winsize(ws_row: 40, ws_col: 160, ws_xpixel: 0, ws_ypixel: 0)
    guard openpty(&m, &s, nil, nil, &size) == 0, let name = ttyname(s) else {
      throw Failure(description: "openpty failed")
    }
    let terminal = String(cString: name)
    master = m
    defer { close(s) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF (glibc): a new
    // session, no blocked signals, and SIGINT at its default, whatever the test runner set.
    posix_spawnattr_setflags(&attributes, Int16(0x80 | 0x08 | 0x04))
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addclose(&actions, m)
    // Opened after setsid, the terminal becomes the controlling terminal.
    posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    let argv = ([capscriptBinary] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for p in argv + envp { free(p) }
    }
    var child: pid_t = 0
    let rc = posix_spawn(&child, capscriptBinary, &actions, &attributes, argv, envp)
    guard rc == 0 else { throw Failure(description: "posix_spawn failed: \(rc)") }
    pid = child
  }

  deinit {
    if status == nil {
      kill(pid, SIGKILL)
      var st: Int32 = 0
      waitpid(pid, &st, 0)
    }
    close(master)
  }

  /// Types `keys` (use "\r" for Enter, "\u{03}" for Ctrl-C, "\u{04}" for Ctrl-D).
  func type(_ keys: String) {
    let data = Array(keys.utf8)
    data.withUnsafeBytes { _ = write(master, $0.baseAddress, $0.count) }
  }

  /// Waits until `text` shows after the previous match; moves past it. The
  /// generous default wait is for a loaded 2-core machine running the suite in parallel.
  func expect(_ text: String, within seconds: Double = 60) throws {
    let needle = Array(text.utf8)
    let deadline = Date().addingTimeInterval(seconds)
    while true {
      if let r = find(needle, from: mark) {
        mark = r
        return
      }
      guard Date() < deadline, read(until: deadline) else {
        throw Failure(
          description: "did not see \(text.debugDescription); the terminal showed:\n\(transcript)")
      }
    }
  }

  /// Reads what is there for `seconds`, without expecting anything.
  func settle(_ seconds: Double) {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline, read(until: deadline) {}
  }

  /// Waits for the child to exit; returns its exit status.
  func exitStatus(within seconds: Double = 60) throws -> Int32 {
    let deadline = Date().addingTimeInterval(seconds)
    var st: Int32 = 0
    while Date() < deadline {
      _ = read(until: Date().addingTimeInterval(0.05))
      if waitpid(pid, &st, WNOHANG) == pid {
        status = (st >> 8) & 0xff
        return status!
      }
    }
    throw Failure(description: "the REPL did not exit; the terminal showed:\n\(transcript)")
  }

  /// Reads available output until `deadline`; false once nothing more can come.
  private func read(until deadline: Date) -> Bool {
    var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let ms = max(0, Int32(deadline.timeIntervalSinceNow * 1000))
    guard poll(&fds, 1, min(ms, 100)) > 0 else { return Date() < deadline }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let n = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
    guard n > 0 else { return false }
    bytes += buffer[0..<n]
    return true
  }

  private func find(_ needle: [UInt8], from start: Int) -> Int? {
    guard needle.count <= bytes.count - start else { return nil }
    var i = start
    while i + needle.count <= bytes.count {
      if bytes[i..<(i + needle.count)].elementsEqual(needle) { return i + needle.count }
      i += 1
    }
    return nil
  }
}
