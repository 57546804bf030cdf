import Foundation
import SimCore

extension HostContext {
  /// Refuses, in the sandbox, a file read outside the config folder and the
  /// library folders (`cap.scenario(path)`). The path is resolved through
  /// every symbolic link and `..` first; the refusal is decided before the
  /// file is opened or even looked for, so it says nothing of the file.
  package func checkReadable(_ path: String) throws(BindingError) {
    guard limits.sandbox else { return }
    let resolved = Self.resolved(path)
    // The config folder as the search finds it (none found: the library folders alone).
    let config = (try? configFolder()) ?? "no config folder found"
    let roots = (((try? configFolder()).map { [$0] } ?? []) + libraryPaths).map(Self.resolved)
    guard roots.contains(where: { resolved == $0 || resolved.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) else {
      throw BindingError(
        "cannot read \(Echo.name(path, limit: 256)): the sandbox reads files only under the config folder "
          + "(\(config)) and the library folders (--lib)")
    }
  }

  /// `path` absolute, with `.` and `..` removed and its longest existing
  /// prefix resolved by `realpath` (every symbolic link followed); the rest
  /// does not exist, so it holds no link.
  static func resolved(_ path: String) -> String {
    var head = URL(fileURLWithPath: path).standardizedFileURL.path
    var tail: [String] = []
    while true {
      if let real = realpath(head, nil) {
        defer { free(real) }
        return tail.reversed().reduce(String(cString: real)) { ($0 as NSString).appendingPathComponent($1) }
      }
      guard head != "/", !head.isEmpty else { return path }
      tail.append((head as NSString).lastPathComponent)
      head = (head as NSString).deletingLastPathComponent
    }
  }
}
