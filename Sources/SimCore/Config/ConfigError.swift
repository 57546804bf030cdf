/// A configuration or scenario that does not validate: names the file, the
/// field, the value, the allowed range and the reason.
public struct ConfigError: Error, CustomStringConvertible, Sendable {
  public enum Code: Sendable {
    case malformedJSON, unknownField, wrongType, outOfRange, policyLimit, missingField, notFound
    /// The work was cancelled (a sweep's set-up, by the token of `Sweep.init`).
    case cancelled
  }
  public let code: Code
  /// The file (or `lua table`) the value came from.
  public let file: String
  /// The dotted field path, when the fault is in one field.
  public let field: String?
  public let message: String

  public init(_ code: Code, file: String, field: String?, _ message: String) {
    self.code = code
    self.file = file
    self.field = field
    self.message = message
  }

  /// The file, the field and the message; a field name is echoed cut to
  /// `Echo.nameLimit` characters per component, and control characters in any
  /// part are escaped (a name from a script or a file cannot rewrite the terminal).
  public var description: String {
    let text = field.map { "\(file): \(Echo.field($0)): \(message)" } ?? "\(file): \(message)"
    return Echo.escapingControls(text)
  }
}
