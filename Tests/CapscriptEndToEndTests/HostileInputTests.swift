import Foundation
import TestSupport
import Testing

/// Input that used to crash the host (issue 16), each run in a child process so
/// that a regression fails the test instead of killing the test runner: every
/// case must end with a Lua error (exit 1) that says what was wrong.
@Suite struct HostileInputTests {
  /// A script that builds `bad` (a table that contains itself at a.b, or one
  /// nested 100 deep) and gives it to the cap function `site` (arg[1], arg[2]).
  static let tableScript = """
    local kind, site, out = arg[1], arg[2], arg[3]
    local function bad()
      if kind == "cycle" then
        local t = {}
        t.a = { b = t }
        return t
      end
      local t = {}
      local c = t
      for _ = 1, 100 do c.x = {}; c = c.x end
      return t
    end
    local s = cap.scenario("crash_40pct_external_asset"):with{ paths = 20 }
    local calls = {
      scenario = function() return cap.scenario(bad()) end,
      with = function() return s:with(bad()) end,
      run = function() return cap.run(s, bad()) end,
      sweep = function()
        local t = bad()
        t.base = s
        return cap.sweep(t)
      end,
      save = function() return cap.run(s):save(out .. "/r.json", bad()) end,
      best = function()
        local res = cap.sweep{ base = s, grid = { leverage = { 1, 2 } } }:run()
        return res:best(bad())
      end,
    }
    calls[site]()
    print("not refused")
    """

  @Test(arguments: ["scenario", "with", "run", "sweep", "save", "best"])
  func cyclicAndDeepTablesAreLuaErrors(site: String) throws {
    let dir = try folder(with: ["tables.lua": Self.tableScript])
    defer { removeFolder(dir) }
    for (kind, message) in [
      ("cycle", "lua table: a table contains itself at field a.b"),
      ("deep", "tables nest too deeply (more than 32 levels)"),
    ] {
      let r = try capscript([dir + "/tables.lua", kind, site, dir])
      #expect(!r.killedBySignal, "\(site) \(kind): the host crashed")
      #expect(r.status == 1, "\(site) \(kind): \(r.stderr)")
      #expect(r.stderr.contains(message), "\(site) \(kind): \(r.stderr)")
      #expect(r.stdout.isEmpty)
    }
  }

  @Test(arguments: [
    ("-1", "-1"), ("0/0", "nan"), ("1/0", "inf"), ("2^63", "9.223372036854776e+18"), ("'5'", "a string"),
  ])
  func topNeedsAWholeNumberInRange(n: String, shown: String) throws {
    let dir = try folder(with: [
      "top.lua": """
      local s = cap.scenario("crash_40pct_external_asset"):with{ paths = 20 }
      local res = cap.sweep{ base = s, grid = { leverage = { 1, 2 } } }:run()
      assert(select(2, res:top(1):gsub("\\n", "")) < select(2, res:top():gsub("\\n", "")))
      print(res:top(\(n)))
      """
    ])
    defer { removeFolder(dir) }
    let r = try capscript([dir + "/top.lua"])
    #expect(!r.killedBySignal, "the host crashed")
    #expect(r.status == 1)
    #expect(r.stderr.contains("top.lua:4: top: n must be an integer in 1...2147483647, got \(shown)"), "\(r.stderr)")
  }

  @Test func aTableRepeatingASubtableIsBounded() throws {
    // 21 levels, each holding the level below twice: 2^21 paths through 22 tables.
    let dir = try folder(with: [
      "shared.lua": """
      local t = { leverage = 1 }
      for _ = 1, 21 do t = { a = t, b = t } end
      local shared = { x = 1 }
      print(pcall(cap.scenario, { name = "s", a = shared, b = shared }))
      cap.scenario(t)
      """
    ])
    defer { removeFolder(dir) }
    let r = try capscript([dir + "/shared.lua"])
    #expect(!r.killedBySignal, "the host crashed")
    #expect(r.status == 1)
    // A table shared by two fields is no cycle: it is read (and refused as an unknown field).
    #expect(r.stdout.hasPrefix("false\tlua table: a: unknown field"), "\(r.stdout)")
    #expect(r.stderr.contains("shared.lua:5: lua table: a table holds more than 1048576 values"), "\(r.stderr)")
  }

  @Test func forgedObjectsAreRefused() throws {
    let dir = try folder(with: [
      "forge.lua": """
      local s = cap.scenario("crash_40pct_external_asset"):with{ paths = 10 }
      local mt = getmetatable(s)
      -- A file handle dressed as a scenario: the metatable matches, the box does not.
      local fake = io.open(arg[0])
      debug.setmetatable(fake, mt)
      print(pcall(s.with, fake, {}))
      print(pcall(cap.run, fake))
      print(pcall(mt.__index, fake, "paths"))
      print(pcall(mt.__tostring, fake))
      mt.__gc(fake)
      -- A genuine result dressed as a scenario: a box, but of another type.
      local r = cap.run(s)
      debug.setmetatable(r, mt)
      print(pcall(cap.run, r))
      print(pcall(r.with, r, {}))
      print("host alive", type(cap.run(s).roi_mean))
      """
    ])
    defer { removeFolder(dir) }
    let r = try capscript([dir + "/forge.lua"])
    #expect(!r.killedBySignal, "the host crashed")
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    #expect(
      lines == [
        "false\tbad argument #1 to 'with' (scenario expected, got userdata)",
        "false\tbad argument #1 to 'run' (scenario expected, got userdata)",
        "false\tbad argument #1 to 'index' (scenario expected, got userdata)",
        "false\tbad argument #1 to 'tostring' (scenario expected, got userdata)",
        "false\tbad argument #1 to 'run' (scenario expected, got userdata)",
        "false\tbad argument #1 to 'with' (scenario expected, got userdata)",
        "host alive\tnumber",
      ], "\(r.stdout)")
  }

  @Test func bandsBeyondMemoryAreRefusedBeforeAllocating() throws {
    let dir = try folder(with: [
      "bands.lua": """
      local s = cap.scenario("crash_40pct_external_asset"):with{ paths = 1e7, epochs = 1e5 }
      cap.run(s, { bands = 1e7 })
      """
    ])
    defer { removeFolder(dir) }
    let r = try capscript([dir + "/bands.lua"])
    #expect(!r.killedBySignal, "the host crashed")
    #expect(r.status == 1)
    #expect(r.stderr.contains("bands.lua:2: crash_40pct_external_asset: the run needs"), "\(r.stderr)")
    #expect(r.stderr.contains("bands: 10000000 band paths × 100000 epochs × 4 bytes = 4000000000000 bytes"))
  }

  @Test func maxMemoryIsTheBudgetOfNativeRuns() throws {
    let dir = try folder(with: [
      "paths.lua": """
      print(type(cap.run(cap.scenario("crash_40pct_external_asset"):with{ paths = 100 }).roi_mean))
      cap.run(cap.scenario("hub_only_11"):with{ paths = 20000 })
      """
    ])
    defer { removeFolder(dir) }
    let r = try capscript(["--max-memory", "16M", dir + "/paths.lua"])
    #expect(r.status == 1)
    #expect(r.stdout == "number\n")
    #expect(r.stderr.contains("paths.lua:2: hub_only_11: the run needs"), "\(r.stderr)")
    #expect(r.stderr.contains("over the budget of 16777216 bytes"))
    #expect(r.stderr.contains("paths: 20000 paths × ("))
    #expect(r.stderr.contains("; lower paths"))
  }

  @Test func runCommandTakesAMemoryBudget() throws {
    let r = try capscript(["run", "hub_only_11", "--paths", "20000", "--max-memory", "16M"])
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.contains("hub_only_11: the run needs"), "\(r.stderr)")
    #expect(r.stderr.contains("over the budget of 16777216 bytes"))
    #expect(r.stderr.contains("paths: 20000 paths"))
    let bad = try capscript(["run", "hub_only_11", "--max-memory", "lots"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--max-memory expects a byte count"))
  }

  @Test func echoedNamesAreEscapedAndCut() throws {
    let dir = try folder(with: [
      "names.lua": """
      local s = cap.scenario("crash_40pct_external_asset")
      print(pcall(s.with, s, { ["lev\\27[2J"] = 1 }))
      print(pcall(function() return s["x\\n" .. ("y"):rep(2e6)] end))
      print(pcall(s.with, s, { [("q"):rep(2e6)] = 1 }))
      """
    ])
    defer { removeFolder(dir) }
    let r = try capscript([dir + "/names.lua"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stdout.contains("\u{1b}"))
    #expect(r.stdout.contains("lev\\u{1b}[2J: unknown field"))
    #expect(r.stdout.contains("scenario has no field \"x\\nyyy"))
    #expect(r.stdout.contains(String(repeating: "q", count: 64) + "…: unknown field"))
    #expect(r.stdout.utf8.count < 2000, "a message repeats a 2 MB name")
  }
}
