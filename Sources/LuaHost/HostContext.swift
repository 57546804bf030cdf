public import CapscriptIO
public import SimCore

/// What the host functions of one Lua state share: the config folder, run
/// options, and the cancellation token Ctrl-C and limits set. Reached from the
/// state's extra space, never captured.
public final class HostContext {
  public var configDirectory: String
  public var threads: Int
  public let cancellation = CancellationToken()
  /// Called with (done, total) paths during a native run.
  public var progress: (@Sendable (Int, Int) -> Void)?
  /// Memory, time and sandbox limits of the chunks run in this context.
  public var limits = ScriptLimits()
  /// When set, file outputs (`result:save`, reports) must be inside this folder.
  public var writableRoot: String?
  private var cachedLibrary: ConfigLibrary?

  public init(configDirectory: String = "config", threads: Int = RunOptions().threads) {
    self.configDirectory = configDirectory
    self.threads = threads
  }

  /// The config library, read once per context.
  public func library() throws(ConfigError) -> ConfigLibrary {
    if let cachedLibrary { return cachedLibrary }
    let lib = try ConfigLibrary(directory: configDirectory)
    cachedLibrary = lib
    return lib
  }

  package var runOptions: RunOptions {
    RunOptions(threads: threads, cancellation: cancellation, progress: progress)
  }
}
