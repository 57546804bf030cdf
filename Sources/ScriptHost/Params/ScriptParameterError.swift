/// A script's parameters gone wrong: a bad `--name=value` on the command line
/// (usage, exit 64), or a `params` table the host cannot read (exit 1).
public struct ScriptParameterError: Error, CustomStringConvertible, Sendable {
  enum Code: Sendable { case usage, declaration }
  let code: Code
  /// The message, naming the file, the option or param, the value and what is allowed.
  public let message: String
  public var description: String { message }

  /// Whether the command line was at fault (rather than the script's declaration).
  public var isUsage: Bool { code == .usage }

  init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }
}
