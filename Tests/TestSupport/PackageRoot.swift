import Foundation

/// The package root, found from this file's path (`Tests/TestSupport/PackageRoot.swift`).
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path

/// The shipped configuration folder.
public let configDirectory = packageRoot + "/config"

/// The `capscript` binary the end-to-end tests run: `CAPSCRIPT_BIN` when set (run-tests.sh points it at the
/// release build), else the product built beside the test bundle, so that `swift test` alone still works.
public let capscriptBinary: String = {
  if let bin = ProcessInfo.processInfo.environment["CAPSCRIPT_BIN"], !bin.isEmpty {
    return bin.hasPrefix("/") ? bin : packageRoot + "/" + bin
  }
  var url = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  while url.path != "/" {
    let candidate = url.appendingPathComponent("capscript").path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    url = url.deletingLastPathComponent()
  }
  return packageRoot + "/.build/debug/capscript"
}()

/// An executable on `PATH`, or nil.
public func executable(_ name: String) -> String? {
  for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
    let path = "\(dir)/\(name)"
    if FileManager.default.isExecutableFile(atPath: path) { return path }
  }
  return nil
}
