internal import CEdit
import Foundation
public import LuaHost
import ScriptHost

/// `capscript repl`: the terminal loop around a `ReplSession`.
public enum Repl {
  /// The history file: `$CAPSCRIPT_HISTORY`, else `~/.capscript_history`.
  public static var defaultHistoryPath: String? {
    let env = ProcessInfo.processInfo.environment
    if let path = env["CAPSCRIPT_HISTORY"], !path.isEmpty { return path }
    guard let home = env["HOME"], !home.isEmpty else { return nil }
    return home + "/.capscript_history"
  }

  /// Reads, evaluates and prints until end of input (Ctrl-D). On a terminal
  /// it edits lines with libedit; otherwise it reads stdin line by line and
  /// prints no prompts. Ctrl-C stops the running chunk (a native run is
  /// cancelled) or, at a terminal prompt, drops the line; variables are kept.
  public static func run(state: LuaState, historyPath: String? = defaultHistoryPath)
    throws(ScriptError)
  {
    let session = try ReplSession(state: state)
    let interactive = isatty(STDIN_FILENO) != 0
    let input: any LineInput =
      interactive ? EditLineInput(session: session, historyPath: historyPath) : PlainLineInput()
    InterruptSignal.prepare(state)
    defer { InterruptSignal.remove() }
    if interactive {
      print("capscript \(CapModuleInfo.version) REPL on Lua 5.4: help() for help, Ctrl-D to exit.")
    }
    var chunk: [String] = []
    while true {
      // At a terminal prompt Ctrl-C drops the line; reading a pipe, it ends the process.
      if interactive {
        InterruptSignal.install(restartingReads: false)
      } else {
        InterruptSignal.uninstall()
      }
      InterruptSignal.clear()
      let line = input.read(prompt: session.isContinuing ? "  >> " : "cap> ")
      if InterruptSignal.isPending {
        InterruptSignal.clear()
        session.reset()
        chunk = []
        print("")
        continue
      }
      guard let line else { break }
      InterruptSignal.install(restartingReads: true)
      chunk.append(line)
      let outcome = session.feed(line)
      if outcome == .incomplete { continue }
      input.remember(chunk.joined(separator: "\n"))
      chunk = []
      switch outcome {
      case .printed(let text) where !text.isEmpty: print(text)
      case .failed(let message):
        capscript_edit_flush()
        FileHandle.standardError.write(Data((message + "\n").utf8))
      default: break
      }
      capscript_edit_flush()
    }
    if interactive { print("") }
  }
}
