/// A script that failed: a syntax error, a runtime error (with its traceback),
/// a file that could not be read, or a run stopped by a limit.
public struct ScriptError: Error, CustomStringConvertible, Sendable {
  public enum Code: Sendable { case syntax, runtime, file, memory, limit }
  public let code: Code
  /// The message, with `file:line` and, for runtime errors, a traceback.
  public let message: String
  public var description: String { message }

  init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }
}
