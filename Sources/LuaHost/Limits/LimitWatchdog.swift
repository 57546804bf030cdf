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

  /// With `stuck` (the limits of a script, `ScriptLimits.exitWhenStuck`), a
  /// chunk still running `ScriptLimits.stuckGrace` seconds after its stop is
  /// somewhere no hook reaches (a `__gc` finalizer, a C library call): the
  /// process ends with the stop's message and status 1.
  init(
    _ limits: UnsafeMutablePointer<capscript_limits>, cancelling token: CancellationToken,
    exitingWhenStuck stuck: ScriptLimits? = nil
  ) {
    let target = LimitsReference(limits)
    let stopping = stopping
    let stopped = stopped
    Thread.detachNewThread {
      var stoppedAt: DispatchTime?
      while stopping.wait(timeout: .now() + .milliseconds(20)) == .timedOut {
        let stop = Int(capscript_limits_poll(target.pointer))
        guard stop != CAPSCRIPT_STOP_NONE else { continue }
        token.cancel()
        guard let stuck, let reason = LuaState.stopReason(stop, stuck) else { continue }
        let first = stoppedAt ?? .now()
        stoppedAt = first
        if DispatchTime.now() >= first + ScriptLimits.stuckGrace {
          Self.exit("\(reason) (the script did not unwind: a __gc finalizer or a C library call)")
        }
      }
      stopped.signal()
    }
  }

  /// Writes `capscript: message` to stderr and ends the process with status 1,
  /// without unwinding the thread that is stuck.
  static func exit(_ message: String) -> Never {
    let line = "capscript: \(message)\n"
    line.withCString { _ = write(2, $0, strlen($0)) }
    _exit(1)
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
