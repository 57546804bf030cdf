import Foundation
import Synchronization

/// A progress bar with rate and ETA on stderr, shown only when stderr is a
/// terminal and the work has taken more than a second; never in piped output.
final class ProgressBar: Sendable {
  private let label: String
  private let start = Date()
  private let lastDraw = Mutex<Double>(0)
  private let shown = Atomic<Bool>(false)
  private let enabled = isatty(STDERR_FILENO) == 1
  /// Text shown after the bar (a precision run's current interval).
  private let status = Mutex<String>("")

  init(label: String) { self.label = label }

  var callback: @Sendable (Int, Int) -> Void { { [self] done, total in self.update(done, total) } }

  /// Sets the text shown after the bar from the next redraw on.
  func setStatus(_ text: String) { status.withLock { $0 = text } }

  func update(_ done: Int, _ total: Int) {
    guard enabled else { return }
    let elapsed = Date().timeIntervalSince(start)
    guard elapsed > 1 else { return }
    let draw = lastDraw.withLock { last -> Bool in
      guard elapsed - last > 0.1 || done == total else { return false }
      last = elapsed
      return true
    }
    guard draw else { return }
    let fraction = total > 0 ? Double(done) / Double(total) : 0
    let width = 30
    let filled = Int(fraction * Double(width))
    let rate = Double(done) / elapsed
    let eta = rate > 0 ? Double(total - done) / rate : 0
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
    let note = status.withLock { $0 }
    let line =
      "\r\(label) [\(bar)] \(Int(fraction * 100))%  \(formatRate(rate))/s  ETA \(Int(eta.rounded())) s  \(note)\u{1B}[K"
    FileHandle.standardError.write(Data(line.utf8))
    shown.store(true, ordering: .relaxed)
  }

  func finish() {
    if shown.load(ordering: .relaxed) { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
  }

  private func formatRate(_ r: Double) -> String {
    r >= 1e6 ? "\(Int(r / 1e3))k" : "\(Int(r))"
  }
}
