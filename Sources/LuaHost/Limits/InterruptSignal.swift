internal import CLua
import Foundation

/// The REPL's SIGINT handler. It sets the stop reason of the state's limits
/// (an atomic store) and writes a byte to a wake-up pipe (both
/// async-signal-safe): the count hook stops Lua code, the watchdog cancels a
/// native run, and at the prompt the line reader, which waits on the terminal
/// and on the pipe, ends the line, even when the signal came just before it
/// started waiting.
package enum InterruptSignal {
  /// The limits the handler stops. A signal handler cannot capture context,
  /// so these process-wide slots are how it finds them (one REPL per
  /// process); they are set before the handler is installed.
  nonisolated(unsafe) static var target: UnsafeMutablePointer<capscript_limits>?
  package nonisolated(unsafe) static var wakeRead: Int32 = -1
  nonisolated(unsafe) static var wakeWrite: Int32 = -1

  private static let handler: @convention(c) (Int32) -> Void = { _ in
    let saved = errno
    if let t = InterruptSignal.target { capscript_limits_stop(t, Int32(CAPSCRIPT_STOP_INTERRUPT)) }
    var byte: UInt8 = 3
    if InterruptSignal.wakeWrite >= 0 { _ = write(InterruptSignal.wakeWrite, &byte, 1) }
    errno = saved
  }

  /// Points the handler at `limits` and opens the wake-up pipe.
  package static func prepare(_ state: LuaState) { prepare(state.limitsPointer) }

  /// Points the handler at `limits` and opens the wake-up pipe.
  static func prepare(_ limits: UnsafeMutablePointer<capscript_limits>) {
    target = limits
    if wakeRead < 0 {
      var fds: [Int32] = [-1, -1]
      if pipe(&fds) == 0 {
        for fd in fds {
          _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
          _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeRead = fds[0]
        wakeWrite = fds[1]
      }
    }
  }

  /// Installs the handler. With `restartingReads` false, a blocked read
  /// returns EINTR (the prompt); with true, system calls resume (evaluation).
  package static func install(restartingReads: Bool) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    action.sa_flags = restartingReads ? Int32(SA_RESTART) : 0
    sigemptyset(&action.sa_mask)
    sigaction(SIGINT, &action, nil)
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    pthread_sigmask(SIG_UNBLOCK, &set, nil)  // a parent may have started us with it blocked
  }

  /// Whether Ctrl-C was pressed since the stop reason was last cleared.
  package static var isPending: Bool {
    guard let target else { return false }
    return Int(capscript_limits_poll(target)) == CAPSCRIPT_STOP_INTERRUPT
  }

  /// Forgets earlier Ctrl-Cs: clears the stop reason and empties the pipe.
  package static func clear() {
    if let target { capscript_limits_clear(target) }
    var buffer = [UInt8](repeating: 0, count: 64)
    while wakeRead >= 0, read(wakeRead, &buffer, buffer.count) > 0 {}
  }

  /// Restores the default action (Ctrl-C ends the process).
  package static func uninstall() { signal(SIGINT, SIG_DFL) }

  /// Uninstalls the handler and forgets the limits.
  package static func remove() {
    uninstall()
    target = nil
  }
}
