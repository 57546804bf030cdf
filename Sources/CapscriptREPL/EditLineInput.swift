internal import CEdit
import Foundation
import LuaHost

/// Lines from the terminal through libedit: editing, history saved to
/// `historyPath` after every chunk, Tab completion from the session.
final class EditLineInput: LineInput {
  private let historyPath: String?

  /// The session completions come from: libedit's hook is a C function with
  /// no context, so it reads this process-wide slot (one REPL per process).
  nonisolated(unsafe) static var completionSession: ReplSession?

  init(session: ReplSession, historyPath: String?) {
    self.historyPath = historyPath
    Self.completionSession = session
    setlocale(LC_CTYPE, "")
    capscript_edit_configure("capscript", Self.complete, Self.readCharacter)
    if let historyPath { _ = read_history(historyPath) }
  }

  deinit { Self.completionSession = nil }

  func read(prompt: String) -> String? {
    guard let p = readline(prompt) else { return nil }
    defer { free(p) }
    return String(cString: p)
  }

  func remember(_ chunk: String) {
    guard !chunk.allSatisfy(\.isWhitespace) else { return }
    _ = add_history(chunk)
    if let historyPath { _ = write_history(historyPath) }
  }

  /// libedit's character reader: waits for the terminal or the Ctrl-C
  /// wake-up pipe; -1 ends the line (end of input, or Ctrl-C).
  private static let readCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = {
    file in
    guard let file else { return -1 }
    let fd = fileno(file)
    while true {
      if InterruptSignal.isPending { return -1 }
      var fds = [
        pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
        pollfd(fd: InterruptSignal.wakeRead, events: Int16(POLLIN), revents: 0),
      ]
      let n = poll(&fds, 2, -1)
      if InterruptSignal.isPending { return -1 }
      if n < 0 && errno != EINTR { return -1 }
      if n > 0 && fds[0].revents != 0 { return capscript_edit_readchar(fd) }
      if n > 0 && fds[1].revents != 0 { InterruptSignal.clear() }  // a stale wake-up
    }
  }

  /// libedit's completion hook: the matches as a malloc'd list, the common
  /// prefix first, or NULL when nothing matches.
  private static let complete:
    @convention(c) (UnsafePointer<CChar>?, Int32, Int32)
      -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, _ in
        capscript_edit_completion_over()
        guard let text, let session = EditLineInput.completionSession else { return nil }
        var before = ""
        if let line = capscript_edit_line(), start > 0 {
          let bytes = UnsafeRawBufferPointer(start: line, count: Int(strnlen(line, Int(start))))
          before = String(decoding: bytes, as: UTF8.self)
        }
        let matches = session.completions(for: String(cString: text), after: before)
        guard let first = matches.first else { return nil }
        let common = matches.dropFirst().reduce(first) { String($0.commonPrefix(with: $1)) }
        let list = (matches.count == 1 ? [common] : [common] + matches)
        let size = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride * (list.count + 1)
        guard let raw = malloc(size) else { return nil }
        let out = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: list.count + 1)
        for (i, s) in list.enumerated() { out[i] = strdup(s) }
        out[list.count] = nil
        return out
      }
}
