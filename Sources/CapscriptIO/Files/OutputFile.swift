import Foundation
import SimCore

/// Writes output files whole or not at all: into a temporary file beside the
/// target, then renamed over it.
public enum OutputFile {
  public static func write(_ text: String, to path: String) throws(OutputError) {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent()
    let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    try OutputFolder.check(dir.path)
    do {
      try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
      try Data(text.utf8).write(to: tmp)
      if rename(tmp.path, url.path) != 0 {
        throw OutputError("cannot write \(path): \(String(cString: strerror(errno)))")
      }
    } catch let e as OutputError {
      try? FileManager.default.removeItem(at: tmp)
      throw e
    } catch {
      try? FileManager.default.removeItem(at: tmp)
      throw OutputError("cannot write \(path): \(error.localizedDescription)")
    }
  }
}
