import CapscriptIO
import Foundation

extension HostContext {
  /// Refuses a file output outside `writableRoot`, and any file output from a
  /// sandbox that was given no `--out` folder, before any work: nothing is
  /// created. Every writer in the `cap` module (`result:save`, reports,
  /// journals) calls this first, then writes to `writeTarget(path)`.
  package func checkWritable(_ path: String) throws(BindingError) {
    _ = try confined(path, create: false)
  }

  /// The path to write `path` to: under `writableRoot`, the real path of its
  /// folder, made folder by folder and checked to be inside the root
  /// (`ConfinedFolder`), then its file name; else `path` itself.
  package func writeTarget(_ path: String) throws(BindingError) -> String {
    try confined(path, create: true)
  }

  /// The real path of the folder `path` (made when missing), inside `writableRoot`: a sweep journal's folder.
  package func writableFolder(_ path: String) throws(BindingError) -> String {
    guard let root = try root(for: path) else { return path }
    do { return try ConfinedFolder(root).folder(path, create: true) } catch { throw BindingError(error.message) }
  }

  private func confined(_ path: String, create: Bool) throws(BindingError) -> String {
    guard let root = try root(for: path) else { return path }
    do { return try ConfinedFolder(root).target(path, create: create) } catch { throw BindingError(error.message) }
  }

  /// `writableRoot`; nil when writes are free. A sandbox without `--out` writes nothing.
  private func root(for path: String) throws(BindingError) -> String? {
    if writableRoot == nil && limits.sandbox {
      throw BindingError(
        "cannot write \(path): the sandbox allows file writes only under --out DIR, and none was given")
    }
    return writableRoot
  }
}
