import Foundation

/// Where the REPL's lines come from.
protocol LineInput {
  /// The next line without its newline, or nil at end of input (also when a
  /// Ctrl-C interrupted the read: the caller checks its interrupt flag).
  func read(prompt: String) -> String?
  /// Records a complete chunk in the history.
  func remember(_ chunk: String)
}

/// Lines from stdin when it is not a terminal (pipes, files): no prompts,
/// no editing, no history.
struct PlainLineInput: LineInput {
  func read(prompt: String) -> String? { readLine(strippingNewline: true) }
  func remember(_ chunk: String) {}
}
