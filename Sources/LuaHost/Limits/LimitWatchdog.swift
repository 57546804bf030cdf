internal import CLua
import CapscriptIO
import Foundation
import SimCore

/// Cancels native runs while a chunk runs: every 20 ms it polls the state's
/// stop reason (Ctrl-C, the deadline), which no Lua hook can see during a
/// native run, and cancels the context's token. It has its own thread, so a
/// run that keeps every core of the dispatch pool busy cannot starve it.
final class LimitWatchdog: Sendable {
  private let stopping = DispatchSemaphore(value: 0)
  private let stopped = DispatchSemaphore(value: 0)

  init(_ limits: UnsafeMutablePointer<capscript_limits>, cancelling token: CancellationToken) {
    let target = LimitsReference(limits)
    let stopping = stopping
    let stopped = stopped
    Thread.detachNewThread {
      while stopping.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
        if Int(capscript_limits_poll(target.pointer)) != CAPSCRIPT_STOP_NONE { token.cancel() }
      }
      stopped.signal()
    }
  }

  /// Stops polling; returns once the thread no longer reads the limits.
  func stop() {
    stopping.signal()
    stopped.wait()
  }
}

/// The limits struct, handed to other threads (the watchdog, tests): only its
/// atomic stop field and its deadline (fixed while a chunk runs) are used there.
struct LimitsReference: @unchecked Sendable {
  let pointer: UnsafeMutablePointer<capscript_limits>
  init(_ pointer: UnsafeMutablePointer<capscript_limits>) { self.pointer = pointer }

  /// Stops the running chunk as Ctrl-C does: Lua code at its next hook, a
  /// native run at its next block.
  func interrupt() { capscript_limits_stop(pointer, Int32(CAPSCRIPT_STOP_INTERRUPT)) }
}
