import Foundation

/// The limits a script runs under: `--max-memory`, `--timeout`, `--sandbox`,
/// and whether Ctrl-C may stop it (the REPL).
public struct ScriptLimits: Sendable, Equatable {
  /// Bytes the Lua heap may hold while a chunk runs; also the memory budget of
  /// each native run's arrays (`RunOptions.memoryBudget`, checked by `RunBudget`).
  public var maxMemory: Int?
  /// Seconds a chunk may run, native runs included.
  public var timeout: Double?
  /// Chunks see an allow-list environment instead of the full globals.
  public var sandbox: Bool
  /// Ctrl-C stops the running chunk (the REPL sets this).
  public var interruptible: Bool
  /// A chunk that a stop cannot reach (a `__gc` finalizer, which Lua runs with
  /// hooks off, or a long C library call) ends the process, with the stop's
  /// message and exit status 1, `stuckGrace` seconds after the stop; so does
  /// a `lua_close` whose finalizers outlive the timeout (the script command
  /// sets this; the REPL, which must outlive its chunks, does not).
  public var exitWhenStuck: Bool

  /// Seconds a stopped chunk has to unwind before `exitWhenStuck` ends the process.
  public static let stuckGrace = 1.0

  public init(
    maxMemory: Int? = nil, timeout: Double? = nil, sandbox: Bool = false,
    interruptible: Bool = false, exitWhenStuck: Bool = false
  ) {
    self.maxMemory = maxMemory
    self.timeout = timeout
    self.sandbox = sandbox
    self.interruptible = interruptible
    self.exitWhenStuck = exitWhenStuck
  }

  /// The count hook is needed to stop Lua code.
  var needsHook: Bool { maxMemory != nil || timeout != nil || interruptible }

  /// A watchdog is needed to stop native runs.
  var needsWatchdog: Bool { timeout != nil || interruptible }

  /// The smallest `--max-memory` accepted: the libraries alone take a few hundred KB.
  public static let minimumMemory = 1 << 20

  /// Parses a byte count with an optional binary suffix: `65536`, `512K`,
  /// `64M`, `2G` (also `64MB`, `64MiB`; case-insensitive).
  public static func parseBytes(_ text: String) -> Int? {
    var digits = Substring(text.trimmingCharacters(in: .whitespaces)).uppercased()[...]
    for suffix in ["IB", "B"] where digits.hasSuffix(suffix) && digits.count > suffix.count {
      digits = digits.dropLast(suffix.count)
      break
    }
    var scale = 1
    switch digits.last {
    case "K": scale = 1 << 10
    case "M": scale = 1 << 20
    case "G": scale = 1 << 30
    case "T": scale = 1 << 40
    default: break
    }
    if scale > 1 { digits = digits.dropLast() }
    guard let n = Int(digits), n >= 0 else { return nil }
    let (bytes, overflow) = n.multipliedReportingOverflow(by: scale)
    return overflow ? nil : bytes
  }

  /// "2" for whole seconds, "0.5" otherwise, as the stop messages print them.
  static func seconds(_ t: Double) -> String {
    t == t.rounded() && abs(t) < 1e15 ? String(Int(t)) : String(t)
  }
}
