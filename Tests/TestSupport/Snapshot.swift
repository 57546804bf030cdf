import Foundation

/// A text snapshot kept in the repository: `expected(for:)` returns the saved text, or records `actual`
/// (and returns it) when `CAPSCRIPT_RECORD_SNAPSHOTS=1`.
public struct Snapshot {
  /// The snapshot file, relative to the package root.
  public let path: String

  public init(_ path: String) { self.path = path }

  /// Whether snapshots are re-recorded instead of compared (`CAPSCRIPT_RECORD_SNAPSHOTS=1`).
  public static var recording: Bool { ProcessInfo.processInfo.environment["CAPSCRIPT_RECORD_SNAPSHOTS"] == "1" }

  /// The saved text to compare `actual` with; when recording, writes `actual` first.
  public func expected(for actual: String) throws -> String {
    let file = packageRoot + "/" + path
    if Self.recording { try actual.write(toFile: file, atomically: true, encoding: .utf8) }
    return try String(contentsOfFile: file, encoding: .utf8)
  }
}
