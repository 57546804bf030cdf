import Foundation
import Synchronization

/// A progress bar with rate and ETA on stderr, shown only when stderr is a
/// terminal and the work has taken more than a second; never in piped output.
///
/// One bar serves one piece of work a person waits for: a run, a sweep (its
/// status says the round and the candidate), `validate` (its label says which
/// scenario). `begin` starts a new stage on the same line; `finish` clears the
/// line, and must run on every exit (a failed or cancelled run too: `defer`).
/// `update` is called from worker threads; drawing is serialised.
public final class ProgressBar: Sendable {
  /// Whether stderr is a terminal: the default of `enabled`.
  public static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

  private struct State {
    var label: String
    var status = ""
    /// When the current stage began, and the count it began at (for the rate).
    var stageStart: Date
    var lastDraw: Date?
    var shown = false
    var finished = false
  }

  private let enabled: Bool
  private let delay: Double
  private let start: Date
  private let write: @Sendable (String) -> Void
  private let state: Mutex<State>

  /// A bar labelled `label`, drawn when `enabled` (default: stderr is a
  /// terminal) once `delay` seconds have passed since it was made; lines go to
  /// `write` (default: stderr).
  public init(
    label: String, enabled: Bool = ProgressBar.stderrIsTerminal, delay: Double = 1,
    write: @escaping @Sendable (String) -> Void = ProgressBar.writeToStandardError
  ) {
    let now = Date()
    self.enabled = enabled
    self.delay = delay
    self.start = now
    self.write = write
    self.state = Mutex(State(label: label, stageStart: now))
  }

  /// The (done, total) callback of `RunOptions.progress`.
  public var callback: @Sendable (Int, Int) -> Void { { [self] done, total in self.update(done, total) } }

  /// Starts a new stage on the same line (the next scenario of `validate`, the
  /// next round of a sweep): a new label (nil keeps it), no status, rate and
  /// ETA measured from now.
  public func begin(_ label: String? = nil) {
    state.withLock {
      if let label { $0.label = label }
      $0.status = ""
      $0.stageStart = Date()
    }
  }

  /// Sets the text shown after the bar from the next redraw on.
  public func setStatus(_ text: String) { state.withLock { $0.status = text } }

  /// Redraws the bar at `done` of `total` (at most ten times a second, and at the end).
  public func update(_ done: Int, _ total: Int) {
    guard enabled else { return }
    let now = Date()
    guard now.timeIntervalSince(start) > delay else { return }
    state.withLock { s in
      guard !s.finished else { return }
      if let last = s.lastDraw, now.timeIntervalSince(last) < 0.1, done != total { return }
      s.lastDraw = now
      s.shown = true
      write(Self.line(s.label, done, total, elapsed: now.timeIntervalSince(s.stageStart), status: s.status))
    }
  }

  /// Clears the line when the bar was drawn; later updates draw nothing.
  public func finish() {
    state.withLock { s in
      if s.shown && !s.finished { write("\r\u{1B}[K") }
      s.finished = true
    }
  }

  /// The text of one redraw: carriage return, label, bar, percent, rate, ETA,
  /// status, and erase to the end of the line.
  static func line(_ label: String, _ done: Int, _ total: Int, elapsed: Double, status: String) -> String {
    let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 0
    let width = 30
    let filled = Int(fraction * Double(width))
    let rate = elapsed > 0 ? Double(done) / elapsed : 0
    let eta = rate > 0 ? "\(Int((Double(total - done) / rate).rounded())) s" : "-"
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let note = status.isEmpty ? "" : "  \(status)"
    return "\r\(label) [\(bar)] \(Int(fraction * 100))%  \(formatRate(rate))/s  ETA \(eta)\(note)\u{1B}[K"
  }

  private static func formatRate(_ r: Double) -> String {
    r >= 1e6 ? "\(Int(r / 1e3))k" : "\(Int(r))"
  }

  /// Writes `text` to stderr, unbuffered.
  public static let writeToStandardError: @Sendable (String) -> Void = { text in
    FileHandle.standardError.write(Data(text.utf8))
  }
}
