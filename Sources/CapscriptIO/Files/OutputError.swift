/// A file capscript could not write or read back whole: an output, a journal.
public struct OutputError: Error, CustomStringConvertible, Sendable {
  /// The message, naming the file.
  public let message: String
  public var description: String { message }

  init(_ message: String) { self.message = message }
}
