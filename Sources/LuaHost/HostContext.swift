public import CapscriptIO
public import SimCore

/// What the host functions of one Lua state share: the config folder, run
/// options, and the cancellation token Ctrl-C and limits set. Reached from the
/// state's extra space, never captured.
public final class HostContext {
  /// How the config folder is found (`--config`, `CAPSCRIPT_CONFIG`, `./config`,
  /// the installed configs), resolved when `cap.scenario`, `cap.policy`... first need it.
  public var configSearch: ConfigSearch {
    didSet {
      cachedLibrary = nil
      configGeneration &+= 1
    }
  }
  /// Counts changes of `configSearch`: what a state cached from the config
  /// folder (`cap.policy()`'s table) is stale once this moves on.
  package private(set) var configGeneration = 0
  public var threads: Int
  public let cancellation = CancellationToken()
  /// Called with (done, total) paths during a native run.
  public var progress: (@Sendable (Int, Int) -> Void)?
  /// Whether long native work (`cap.run`, `sw:run`, `cap.validate`) draws a
  /// progress bar on stderr: on for the REPL and scripts when stderr is a
  /// terminal (the CLI sets it), off by default (tests, embedding).
  public var showsProgress = false
  /// Memory, time and sandbox limits of the chunks run in this context.
  public var limits = ScriptLimits()
  /// When set, file outputs (`result:save`, reports) must be inside this folder.
  public var writableRoot: String?
  private var cachedLibrary: ConfigLibrary?

  /// A context whose config folder is found by `configSearch` (by default the search of this process).
  public init(configSearch: ConfigSearch = ConfigSearch(), threads: Int = RunOptions().threads) {
    self.configSearch = configSearch
    self.threads = threads
  }

  /// A context that reads its configs from `configDirectory`.
  public convenience init(configDirectory: String, threads: Int = RunOptions().threads) {
    self.init(configSearch: .folder(configDirectory), threads: threads)
  }

  /// The config folder the search settles on.
  /// - Throws: `ConfigError` naming every rule tried when none finds a folder.
  public func configFolder() throws(ConfigError) -> String {
    if let cachedLibrary { return cachedLibrary.directory }
    return try configSearch.resolve().directory
  }

  /// The config library, read once per context.
  public func library() throws(ConfigError) -> ConfigLibrary {
    if let cachedLibrary { return cachedLibrary }
    let lib = try configSearch.library()
    cachedLibrary = lib
    return lib
  }

  /// Folders of Lua modules the state searches (set by `LuaState`): with the
  /// config folder, the only folders a sandboxed script may read scenarios from.
  public internal(set) var libraryPaths: [String] = []

  /// A progress bar for native work labelled `label` when `showsProgress` is on;
  /// the caller attaches it and finishes it on every exit (`defer`).
  package func progressBar(label: String) -> ProgressBar? {
    showsProgress ? ProgressBar(label: label) : nil
  }

  /// Run options of a native run from this state; `--max-memory` (the Lua
  /// heap cap) is also the memory budget of each run's arrays (`RunBudget`).
  package var runOptions: RunOptions {
    var options = RunOptions(threads: threads, cancellation: cancellation, progress: progress)
    if let budget = limits.maxMemory { options.memoryBudget = budget }
    return options
  }
}
