/// A run that did not finish, or was refused before it started.
public struct RunError: Error, CustomStringConvertible, Sendable {
  public let description: String
  public static let cancelled = RunError(description: "the run was cancelled")

  /// A run whose arrays would need more memory than its budget (`RunBudget`).
  public static func overMemoryBudget(_ message: String) -> RunError { RunError(description: message) }
}
