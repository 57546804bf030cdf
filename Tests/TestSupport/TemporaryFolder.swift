import Foundation

/// A fresh, empty temporary folder named `capscript-<label>-<uuid>`; the caller removes it with `removeFolder`.
public func temporaryFolder(_ label: String = "test") throws -> String {
  let dir = NSTemporaryDirectory() + "capscript-\(label)-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
  return dir
}

/// Removes a folder made by `temporaryFolder`, ignoring one that is already gone.
public func removeFolder(_ path: String) {
  try? FileManager.default.removeItem(atPath: path)
}

/// Writes `files` (name -> text) into a fresh temporary folder and returns its path.
public func folder(with files: [String: String], label: String = "test") throws -> String {
  let dir = try temporaryFolder(label)
  for (name, text) in files {
    try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
  }
  return dir
}
