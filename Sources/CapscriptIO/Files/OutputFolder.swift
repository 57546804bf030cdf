import Foundation

/// Checks, before any work starts, that a folder outputs go to can be made:
/// so `--out afile/sub` (where `afile` is a file) fails with a message naming
/// `afile`, before a run prints its scorecard, and nothing is created.
public enum OutputFolder {
  /// Throws unless `path` is a folder or could be created as one: the nearest
  /// existing ancestor must be a writable folder, never a file.
  public static func check(_ path: String) throws(OutputError) {
    var current = URL(fileURLWithPath: path).standardizedFileURL
    while true {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: current.path, isDirectory: &isFolder) {
        guard isFolder.boolValue else {
          throw OutputError("cannot write under \(path): \(current.path) is a file, not a folder")
        }
        guard FileManager.default.isWritableFile(atPath: current.path) else {
          throw OutputError("cannot write under \(path): the folder \(current.path) is not writable")
        }
        return
      }
      let parent = current.deletingLastPathComponent()
      if parent.path == current.path { return }
      current = parent
    }
  }
}
