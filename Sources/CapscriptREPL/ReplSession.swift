import Foundation
public import LuaHost
import ScriptHost

/// What one line of input did.
public enum ReplOutcome: Equatable, Sendable {
  /// The chunk is not complete yet: ask for another line.
  case incomplete
  /// The chunk ran; its results as they print (empty when there were none).
  case printed(String)
  /// The chunk did not compile, raised an error or was stopped.
  case failed(String)
}

/// The REPL engine, without the terminal: lines in, outcomes out, the way
/// `lua.c` reads them. A line that compiles as `return <line>` is an
/// expression and prints its values; a chunk that ends early (`<eof>`) waits
/// for more lines. All chunks share one state, so variables persist.
public final class ReplSession {
  public let state: LuaState
  private var pending: String?
  /// Registry field holding the prelude's `{show, help}` table.
  static let registryKey = "capscript.repl"

  /// A chunk is being continued (the prompt shows `>>`).
  public var isContinuing: Bool { pending != nil }

  public init(state: LuaState) throws(ScriptError) {
    self.state = state
    try state.runHostChunk(ReplPrelude.source, name: "=capscript.repl", registryKey: Self.registryKey) { L in
      CapAPI.pushHelp(L)
      return 1
    }
    state.setChunkGlobal("help", fromRegistry: Self.registryKey, field: "help")
  }

  /// Drops a half-entered chunk (Ctrl-C at the prompt).
  public func reset() { pending = nil }

  /// Feeds one line; the chunk runs once it is complete.
  public func feed(_ line: String) -> ReplOutcome {
    #if DEBUG
    let top = state.stackTop
    defer { assert(state.stackTop == top, "unbalanced Lua stack in the REPL") }
    #endif
    let chunk: String
    if let pending {
      chunk = pending + "\n" + line
    } else {
      if (try? state.loadChunk("return " + line, name: "=stdin")) != nil { return run() }
      chunk = line
    }
    do {
      try state.loadChunk(chunk, name: "=stdin")
    } catch  where error.message.hasSuffix("<eof>") {
      pending = chunk
      return .incomplete
    } catch {
      pending = nil
      return .failed(error.message)
    }
    pending = nil
    return run()
  }

  /// [-1, +0, -] runs the chunk on top and formats its results with `show`.
  private func run() -> ReplOutcome {
    do {
      return .printed(
        try state.callLoadedChunk(formattingWith: Self.registryKey, field: "show").joined(separator: "\t"))
    } catch {
      return .failed(error.message)
    }
  }
}
