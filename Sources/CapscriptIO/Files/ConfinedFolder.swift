import Foundation
import SimCore

/// A folder that file writes must stay inside (a script's `--out`): the one
/// place that decides where a path written "under the root" really lands.
///
/// A path is walked one component at a time from `/` (or the working folder),
/// each existing component replaced by its `realpath`, so a symbolic link is
/// followed where the kernel would follow it and `link/..` is the parent of
/// the link's target, not the folder holding the link. A missing folder is
/// created (`mkdir`, which never follows a link) only inside the root, and its
/// `realpath` must be itself. The file's folder, fully resolved, must be the
/// root or inside it; the file itself is then written in that folder
/// (`OutputFile`: a temporary file beside it, then a rename, which replaces a
/// link of that name instead of following it).
public struct ConfinedFolder: Sendable {
  /// The folder as given (`--out`), for messages.
  public let root: String

  public init(_ root: String) { self.root = root }

  /// The real path `path` is written to: its folder resolved (and, with
  /// `create`, made) component by component, then its file name.
  /// - Throws: `OutputError` naming `path` when its folder is outside the root,
  ///   a component is a file, or `path` names no file.
  public func target(_ path: String, create: Bool) throws(OutputError) -> String {
    var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    guard let name = parts.popLast(), name != ".", name != "..", !path.hasSuffix("/") else {
      throw OutputError("cannot write \(Echo.name(path, limit: 256)): the path names a folder, not a file")
    }
    return try folder(path, components: parts, create: create) + "/" + name
  }

  /// The real path of the folder `path` (made folder by folder with `create`).
  public func folder(_ path: String, create: Bool) throws(OutputError) -> String {
    try folder(path, components: path.split(separator: "/").map(String.init), create: create)
  }

  func folder(_ path: String, components: [String], create: Bool) throws(OutputError) -> String {
    let outside = OutputError(
      "cannot write \(Echo.name(path, limit: 256)): file writes are allowed only under \(root) (--out)")
    if create {
      do {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
      } catch {
        throw OutputError("cannot make the folder \(root) (--out): \(error.localizedDescription)")
      }
    }
    let realRoot = Self.real(root) ?? Self.lexical(root)
    var current = path.hasPrefix("/") ? "/" : (Self.real(".") ?? "/")
    // Components walked past that do not exist yet (only without `create`).
    var missing = 0
    for c in components where !c.isEmpty && c != "." {
      if c == ".." {
        // `current` holds no link, so its parent is its lexical parent.
        current = (current as NSString).deletingLastPathComponent
        missing = max(0, missing - 1)
        continue
      }
      let next = (current as NSString).appendingPathComponent(c)
      if missing == 0, let real = Self.real(next) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), isFolder.boolValue else {
          throw OutputError("cannot write under \(Echo.name(path, limit: 256)): \(next) is a file, not a folder")
        }
        current = real
        continue
      }
      // A folder to make: only inside the root (or one of the root's own missing folders, before it exists).
      guard Self.isInside(next, realRoot) || realRoot.hasPrefix(next + "/") else { throw outside }
      if create {
        if mkdir(next, 0o755) != 0 && errno != EEXIST {
          throw OutputError("cannot make the folder \(next): \(String(cString: strerror(errno)))")
        }
        // A link of that name (even a dangling one) is not a folder made here.
        guard Self.real(next) == next else { throw outside }
      } else {
        missing += 1
      }
      current = next
    }
    guard Self.isInside(current, realRoot) else { throw outside }
    return current
  }

  /// Whether `path` is `root` or inside it (both absolute, resolved).
  static func isInside(_ path: String, _ root: String) -> Bool {
    path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
  }

  /// `realpath(path)`, or nil when some component does not exist.
  static func real(_ path: String) -> String? {
    guard let r = realpath(path, nil) else { return nil }
    defer { free(r) }
    return String(cString: r)
  }

  /// `path` absolute, its longest existing prefix resolved by `realpath`.
  static func lexical(_ path: String) -> String {
    var head = URL(fileURLWithPath: path).standardizedFileURL.path
    var tail: [String] = []
    while head != "/" && !head.isEmpty {
      if let r = real(head) { return tail.reversed().reduce(r) { ($0 as NSString).appendingPathComponent($1) } }
      tail.append((head as NSString).lastPathComponent)
      head = (head as NSString).deletingLastPathComponent
    }
    return tail.reversed().reduce("/") { ($0 as NSString).appendingPathComponent($1) }
  }
}
