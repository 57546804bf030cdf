import CapscriptIO
import Foundation

/// Where `require` looks for Lua modules, in order: each `--lib`, each folder
/// in `CAPSCRIPT_PATH` (colon-separated), `scripts/lib` in the working
/// directory, then the shipped library: `PREFIX/share/capscript/lib` beside an
/// installed binary, or the checkout's `scripts/lib` beside a build folder's.
enum LibraryPaths {
  static func forScripts(
    extra: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment,
    share: ShareFolder? = ShareFolder.current
  ) -> [String] {
    let env = environment["CAPSCRIPT_PATH"] ?? ""
    var paths = extra + env.split(separator: ":").map(String.init) + ["scripts/lib"]
    if let shipped = share?.libraryDirectory, !paths.contains(where: { sameFolder($0, shipped) }) {
      paths.append(shipped)
    }
    return paths
  }

  /// True when `a` and `b` name one folder (relative paths from the working directory, links resolved).
  static func sameFolder(_ a: String, _ b: String) -> Bool {
    func resolved(_ p: String) -> String { URL(fileURLWithPath: p).standardized.resolvingSymlinksInPath().path }
    return resolved(a) == resolved(b)
  }
}
