import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// A state with `limits`, the shipped configs, and `libraryPaths`.
func limitedState(_ limits: ScriptLimits, writableRoot: String? = nil, libraryPaths: [String] = [])
  throws -> LuaState
{
  let context = HostContext(configDirectory: packageRoot + "/config", threads: 2)
  context.limits = limits
  context.writableRoot = writableRoot
  return try LuaState(context: context, libraryPaths: libraryPaths)
}

/// Runs `code` expecting a stop or an error; returns the error.
func stopped(_ code: String, in state: LuaState) -> ScriptError? {
  do {
    try state.run(code, name: "=test")
  } catch {
    return error
  }
  Issue.record("expected an error from: \(code)")
  return nil
}

@Suite struct RunawayScripts {
  @Test func infiniteLoopStopsAtTheTimeoutAndTheStateKeepsItsGlobals() throws {
    let state = try limitedState(ScriptLimits(timeout: 0.3))
    try state.run("x = 42")
    let start = Date()
    let error = try #require(stopped("while true do end", in: state))
    #expect(error.code == .limit)
    #expect(error.message == "test:1: script stopped: timeout of 0.3 s exceeded")
    #expect(Date().timeIntervalSince(start) < 5)
    #expect(try state.run("return x") == ["42"])
    #expect(try state.run("local n = 0 for i = 1, 1000 do n = n + i end return n") == ["500500"])
  }

  @Test func pcallCannotSwallowTheStop() throws {
    let state = try limitedState(ScriptLimits(timeout: 0.2))
    let error = try #require(
      stopped("while true do pcall(function() while true do end end) end", in: state))
    #expect(error.message.hasSuffix("script stopped: timeout of 0.2 s exceeded"))
  }

  @Test func coroutinesAreStoppedToo() throws {
    let state = try limitedState(ScriptLimits(timeout: 0.2))
    let error = try #require(
      stopped("local co = coroutine.wrap(function() while true do end end) co()", in: state))
    #expect(error.message.contains("script stopped: timeout of 0.2 s exceeded"))
  }

  @Test func memoryBombStopsAndTheStateStaysUsable() throws {
    let state = try limitedState(ScriptLimits(maxMemory: 8 << 20))
    try state.run("x = 'kept'")
    let error = try #require(
      stopped(
        "local t = {} local i = 0 while true do i = i + 1 t[i] = string.rep('x', 100) .. i end",
        in: state))
    #expect(error.code == .limit)
    #expect(error.message == "test:1: script stopped: memory limit of 8388608 bytes exceeded")
    #expect(try state.run("return x") == ["kept"])
    #expect(try state.run("local t = {} for i = 1, 10000 do t[i] = i end return #t") == ["10000"])
  }

  @Test func oneHugeAllocationIsRefused() throws {
    let state = try limitedState(ScriptLimits(maxMemory: 4 << 20))
    let error = try #require(stopped("local s = string.rep('x', 64 * 1024 * 1024)", in: state))
    #expect(error.message.hasSuffix("memory limit of 4194304 bytes exceeded"))
    #expect(try state.run("return 1 + 1") == ["2"])
  }

  @Test func garbageUnderTheLimitIsCollectedNotStopped() throws {
    let state = try limitedState(ScriptLimits(maxMemory: 4 << 20))
    #expect(
      try state.run(
        "local n = 0 for i = 1, 20000 do n = n + #(string.rep('y', 1000) .. i) end return n") != [])
  }

  @Test func timeoutCancelsANativeRun() throws {
    let state = try limitedState(ScriptLimits(timeout: 0.5))
    let start = Date()
    let error = try #require(
      stopped(
        "r = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 2000000})", in: state))
    #expect(error.message == "test:1: script stopped: timeout of 0.5 s exceeded")
    #expect(Date().timeIntervalSince(start) < 10)
    #expect(try state.run("return r") == ["nil"])
    #expect(
      try state.run(
        "return cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 50}).paths ~= nil")
        == ["true"])
  }

  @Test func interruptStopsLuaCodeAndNativeRuns() throws {
    let state = try limitedState(ScriptLimits(interruptible: true))
    try state.run("y = 7")
    for code in [
      "while true do end",
      "cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 2000000})",
    ] {
      let handle = state.interruptHandle
      Thread.detachNewThread {
        Thread.sleep(forTimeInterval: 0.3)
        handle.interrupt()
      }
      let error = try #require(stopped(code, in: state))
      #expect(error.message == "test:1: interrupted", "\(code)")
      #expect(try state.run("return y") == ["7"])
    }
  }

  @Test func anUnlimitedStateRunsAsBefore() throws {
    let state = try limitedState(ScriptLimits())
    #expect(
      try state.run("return os.getenv ~= nil, debug ~= nil, io.open ~= nil") == [
        "true", "true", "true",
      ])
  }
}

@Suite struct SandboxRules {
  @Test(arguments: [
    ("os.execute('echo hi')", "test:1: os.execute is not available in the sandbox"),
    ("io.popen('ls')", "test:1: io.popen is not available in the sandbox"),
    ("io.open('/etc/passwd')", "test:1: io.open is not available in the sandbox"),
    ("os.remove('x')", "test:1: os.remove is not available in the sandbox"),
    ("os.exit(3)", "test:1: os.exit is not available in the sandbox"),
    ("debug.traceback()", "test:1: debug is not available in the sandbox"),
    ("dofile('x.lua')", "test:1: dofile is not available in the sandbox"),
    ("loadfile('x.lua')", "test:1: loadfile is not available in the sandbox"),
    ("collectgarbage('stop')", "test:1: collectgarbage(\"stop\") is not available in the sandbox"),
    (
      "assert(load(string.dump(function() end)))",
      "test:1: attempt to load a binary chunk (mode is 't')"
    ),
    ("require 'lfs'", "test:1: module 'lfs' not found in the library paths (--lib DIR adds one):"),
  ])
  func deniedCallsSaySo(code: String, message: String) throws {
    let state = try limitedState(ScriptLimits(sandbox: true))
    try state.run("kept = 1")
    let error = try #require(stopped(code, in: state))
    #expect(error.message.hasPrefix(message), "\(error.message)")
    #expect(try state.run("return kept") == ["1"])
  }

  @Test func allowedLibrariesWork() throws {
    let state = try limitedState(ScriptLimits(sandbox: true))
    let code = """
      local t = {}
      for w in string.gmatch("b a c", "%a") do table.insert(t, w) end
      table.sort(t)
      return table.concat(t), math.floor(2.5), utf8.char(72), type(os.time()), type(os.clock()),
             load("return 1 + 2")(), cap.version ~= nil, _G == _ENV, ("x"):rep(3)
      """
    #expect(
      try state.run(code) == ["abc", "2", "H", "number", "number", "3", "true", "true", "xxx"])
  }

  @Test func requireFindsModulesOnlyInTheLibraryPaths() throws {
    let dir = try temporaryFolder()
    defer { removeFolder(dir) }
    try "return { double = function(x) return 2 * x end, hasExecute = pcall(function() return os.execute end) }"
      .write(toFile: dir + "/mylib.lua", atomically: true, encoding: .utf8)
    let state = try limitedState(ScriptLimits(sandbox: true), libraryPaths: [dir])
    #expect(
      try state.run(
        "local m = require 'mylib' return m.double(21), m.hasExecute, require 'mylib' == m") == [
          "42", "false", "true",
        ])
    #expect(try state.run("return require('capscript') == cap") == ["true"])
  }

  @Test func writesOnlyUnderTheWritableRoot() throws {
    let dir = try temporaryFolder()
    defer { removeFolder(dir) }
    let state = try limitedState(ScriptLimits(sandbox: true), writableRoot: dir)
    try state.run("r = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 50})")
    try state.run("r:save '\(dir)/sub/r.json'")
    #expect(FileManager.default.fileExists(atPath: dir + "/sub/r.json"))
    for outside in ["\(dir)/../escape.json", NSTemporaryDirectory() + "capscript-outside.json"] {
      let error = try #require(stopped("r:save '\(outside)'", in: state))
      #expect(
        error.message.contains("file writes are allowed only under \(dir) (--out)"),
        "\(error.message)")
    }
  }

  @Test func sweepResultsAndJournalsAreHeldToTheWritableRootToo() throws {
    let dir = try temporaryFolder()
    defer { removeFolder(dir) }
    let state = try limitedState(ScriptLimits(sandbox: true), writableRoot: dir)
    try state.run(
      """
      base = cap.scenario('leverage_sweep_1x_to_4x'):with{paths = 40}
      res = cap.sweep{ base = base, grid = { leverage = {1, 1.5} } }:run()
      """)
    let outside = NSTemporaryDirectory() + "capscript-outside-sweep.json"
    let error = try #require(stopped("res:save '\(outside)'", in: state))
    #expect(error.message.contains("file writes are allowed only under \(dir) (--out)"), "\(error.message)")
    let journal = try #require(
      stopped(
        "cap.sweep{ base = base, grid = { leverage = {1} }, journal = '\(NSTemporaryDirectory())j' }:run()", in: state))
    #expect(journal.message.contains("(--out)"))
    #expect(!FileManager.default.fileExists(atPath: outside))
    try state.run("res:save '\(dir)/s.csv'")
    #expect(FileManager.default.fileExists(atPath: dir + "/s.csv"))
  }

  @Test func aSandboxWithoutOutWritesNothing() throws {
    let state = try limitedState(ScriptLimits(sandbox: true))
    let error = try #require(
      stopped(
        "cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 50}):save 'x.json'",
        in: state))
    #expect(error.message.contains("the sandbox allows file writes only under --out DIR"))
  }

  @Test func scriptArgumentsReachTheSandboxedChunk() throws {
    let state = try limitedState(ScriptLimits(sandbox: true))
    let path = fixtures + "/args.lua"
    try state.runFile(path, arguments: ["a", "b"])
    #expect(
      try state.run("return result.script, result.first, result.count, result.second") == [
        path, "a", "2", "b",
      ])
  }
}

@Suite struct LimitOptions {
  @Test(arguments: [
    ("65536", 65536), ("512K", 512 << 10), ("64M", 64 << 20), ("64m", 64 << 20), ("2G", 2 << 30),
    ("64MB", 64 << 20), ("64MiB", 64 << 20), ("1k", 1024),
  ])
  func byteCountsAcceptSuffixes(text: String, bytes: Int) {
    #expect(ScriptLimits.parseBytes(text) == bytes)
  }

  @Test(arguments: ["", "M", "-5", "12X", "1.5M", "99999999999999999999G"])
  func badByteCountsAreRejected(text: String) {
    #expect(ScriptLimits.parseBytes(text) == nil)
  }
}
