import Foundation

extension HostContext {
  /// Refuses a file output outside `writableRoot`, and any file output from a
  /// sandbox that was given no `--out` folder. Every writer in the `cap`
  /// module (`result:save`, reports, journals) calls this first.
  package func checkWritable(_ path: String) throws(BindingError) {
    guard let root = writableRoot else {
      if limits.sandbox {
        throw BindingError(
          "cannot write \(path): the sandbox allows file writes only under --out DIR, and none was given"
        )
      }
      return
    }
    let rootPath = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
    let target = URL(fileURLWithPath: path).standardizedFileURL
    let parent = target.deletingLastPathComponent().resolvingSymlinksInPath()
    let resolved = parent.appendingPathComponent(target.lastPathComponent).path
    guard resolved.hasPrefix(rootPath.hasSuffix("/") ? rootPath : rootPath + "/") else {
      throw BindingError("cannot write \(path): file writes are allowed only under \(root) (--out)")
    }
  }
}
