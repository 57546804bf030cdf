import Foundation

/// Where the files capscript ships (the configs, the Lua library `scripts/lib`,
/// the editor stub) are found relative to the running executable.
///
/// An installed binary, `PREFIX/bin/capscript`, finds them in
/// `PREFIX/share/capscript` (`config/`, `lib/`, `editor/`; see `install.sh`).
/// A binary in a checkout's build folder (`.build/release/capscript`) finds
/// the checkout itself by walking up to the folder that holds `Package.swift`
/// and `config/capital-efficiency-policy.json`.
public struct ShareFolder: Sendable, Equatable {
  /// How the folder was found.
  public enum Kind: Sendable, Equatable {
    /// `PREFIX/share/capscript` beside an installed binary.
    case installed
    /// The package root of the checkout whose build folder holds the binary.
    case repository
  }

  public let kind: Kind
  /// The absolute path of `PREFIX/share/capscript`, or of the package root.
  public let path: String

  public init(kind: Kind, path: String) {
    self.kind = kind
    self.path = path
  }

  /// The shipped config folder: `share/capscript/config` or the checkout's `config`.
  public var configDirectory: String { path + "/config" }

  /// The shipped Lua library: `share/capscript/lib` or the checkout's `scripts/lib`.
  public var libraryDirectory: String { path + (kind == .installed ? "/lib" : "/scripts/lib") }

  /// Folders above the executable's folder searched for a package root (build
  /// folders sit at most `.build/<triple>/<configuration>/` below it).
  static let repositoryDepth = 6

  /// The share folder of the executable at `executable` (a resolved, absolute
  /// path): `../share/capscript` when it holds a policy file, else the nearest
  /// package root above the executable, else nil.
  public static func find(executable: String) -> ShareFolder? {
    let binDirectory = URL(fileURLWithPath: executable).deletingLastPathComponent()
    let share = binDirectory.deletingLastPathComponent().appendingPathComponent("share/capscript").standardized.path
    if holdsPolicy(share + "/config") { return ShareFolder(kind: .installed, path: share) }
    var folder = binDirectory
    for _ in 0..<repositoryDepth {
      if FileManager.default.fileExists(atPath: folder.path + "/Package.swift"),
        holdsPolicy(folder.path + "/config")
      {
        return ShareFolder(kind: .repository, path: folder.path)
      }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { break }
      folder = parent
    }
    return nil
  }

  /// True when `directory` holds the policy file every config folder has.
  public static func holdsPolicy(_ directory: String) -> Bool {
    FileManager.default.fileExists(atPath: directory + "/" + ConfigLibrary.policyFile)
  }

  /// The share folder of this process's executable, found once.
  public static let current: ShareFolder? = executablePath.flatMap(find(executable:))

  /// The absolute path of this process's executable with symbolic links
  /// resolved: `/proc/self/exe` where it exists, else `CommandLine.arguments[0]`
  /// (searched on `PATH` when it names no folder), else nil.
  public static let executablePath: String? = {
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return exe }
    guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
    if first.contains("/") { return URL(fileURLWithPath: first).resolvingSymlinksInPath().path }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for dir in path.split(separator: ":") where FileManager.default.isExecutableFile(atPath: "\(dir)/\(first)") {
      return URL(fileURLWithPath: "\(dir)/\(first)").resolvingSymlinksInPath().path
    }
    return nil
  }()
}
