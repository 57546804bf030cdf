/// A run that did not finish.
public struct RunError: Error, CustomStringConvertible, Sendable {
  public let description: String
  public static let cancelled = RunError(description: "the run was cancelled")
}
