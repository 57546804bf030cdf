import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What a finished child process left: its exit status and both output streams, read in full.
public struct ProcessOutput: Sendable {
  /// The exit status, or the signal number when `killedBySignal`.
  public let status: Int32
  public let stdout: String
  public let stderr: String
  /// True when the child ended on a signal (SIGKILL after `timeout` included).
  public let killedBySignal: Bool
  /// True when the child outlived its timeout and was killed.
  public let timedOut: Bool

  /// stdout then stderr, for tools whose streams are read as one.
  public var output: String { stdout + stderr }
}

/// Runs `path` with `arguments` in `directory` and waits for it.
///
/// stdout and stderr are drained together, each on its own thread, and stdin is written on a third, so a
/// child that fills one pipe (64 KB) while the other is being read never deadlocks. `input` nil gives the
/// child /dev/null as stdin; `environment` nil inherits the test's. A child still running after `timeout`
/// seconds is killed with SIGKILL and reported with `timedOut`.
public func runProcess(
  _ path: String, _ arguments: [String], input: String? = nil, environment: [String: String]? = nil,
  directory: String = packageRoot, timeout: Double = 600
) throws -> ProcessOutput {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: path)
  p.arguments = arguments
  p.currentDirectoryURL = URL(fileURLWithPath: directory)
  if let environment { p.environment = environment }
  let out = Pipe()
  let err = Pipe()
  let inp = input.map { _ in Pipe() }
  p.standardOutput = out
  p.standardError = err
  p.standardInput = inp ?? FileHandle.nullDevice
  try p.run()

  let drained = DispatchGroup()
  let stdout = Drain(out.fileHandleForReading, group: drained)
  let stderr = Drain(err.fileHandleForReading, group: drained)
  if let inp, let input {
    let writer = inp.fileHandleForWriting
    drained.enter()
    Thread {
      // A child that exits without reading its input makes this write fail (EPIPE); that is its business.
      try? writer.write(contentsOf: Data(input.utf8))
      try? writer.close()
      drained.leave()
    }.start()
  }
  var timedOut = false
  if drained.wait(timeout: .now() + timeout) == .timedOut {
    timedOut = true
    kill(p.processIdentifier, SIGKILL)
    // A grandchild may still hold a pipe open; do not wait for it forever.
    _ = drained.wait(timeout: .now() + 10)
  }
  p.waitUntilExit()
  return ProcessOutput(
    status: p.terminationStatus, stdout: stdout.text, stderr: stderr.text,
    killedBySignal: p.terminationReason == .uncaughtSignal, timedOut: timedOut)
}

/// Reads one pipe to its end on a thread of its own.
private final class Drain: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()

  init(_ handle: FileHandle, group: DispatchGroup) {
    group.enter()
    Thread { [self] in
      let all = handle.readDataToEndOfFile()
      lock.withLock { data = all }
      group.leave()
    }.start()
  }

  /// What was read, once the group has been waited for.
  var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}

/// Runs the `capscript` binary (`capscriptBinary`) in the package root.
public func capscript(_ arguments: [String], input: String? = nil) throws -> ProcessOutput {
  try runProcess(capscriptBinary, arguments, input: input)
}

/// Runs several commands at once, each as `runProcess` in the package root, and returns their outputs in order.
public func runProcesses(_ commands: [(path: String, arguments: [String])], timeout: Double = 600) throws
  -> [ProcessOutput]
{
  let results = Results(count: commands.count)
  DispatchQueue.concurrentPerform(iterations: commands.count) { i in
    results.set(i, Result { try runProcess(commands[i].path, commands[i].arguments, timeout: timeout) })
  }
  return try results.all.map { try $0.get() }
}

private final class Results: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Result<ProcessOutput, any Error>?]

  init(count: Int) { results = Array(repeating: nil, count: count) }

  func set(_ i: Int, _ result: Result<ProcessOutput, any Error>) { lock.withLock { results[i] = result } }

  var all: [Result<ProcessOutput, any Error>] { lock.withLock { results.map { $0! } } }
}
