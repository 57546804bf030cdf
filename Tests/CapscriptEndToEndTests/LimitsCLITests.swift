import Foundation
import TestSupport
import Testing

@Suite struct ScriptLimitsFromTheCommandLine {
  @Test func infiniteLoopEndsWithTheTimeout() throws {
    let dir = try folder(with: ["loop.lua": "local n = 0\nwhile true do n = n + 1 end\n"])
    defer { removeFolder(dir) }
    let r = try capscript(["--timeout", "1", dir + "/loop.lua"])
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix("capscript: "))
    #expect(r.stderr.hasSuffix("/loop.lua:2: script stopped: timeout of 1 s exceeded\n"))
  }

  @Test func memoryBombEndsWithTheMemoryLimit() throws {
    let dir = try folder(with: [
      "bomb.lua": "local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 100) .. i end\n"
    ])
    defer { removeFolder(dir) }
    let r = try capscript(["--max-memory", "16M", dir + "/bomb.lua"])
    #expect(r.status == 1)
    #expect(r.stderr.hasPrefix("capscript: "))
    #expect(r.stderr.hasSuffix("/bomb.lua:2: script stopped: memory limit of 16777216 bytes exceeded\n"))
  }

  @Test func sandboxRefusesOsExecute() throws {
    let dir = try folder(with: [
      "exec.lua": "print('before')\nos.execute('echo escaped')\nprint('after')\n"
    ])
    defer { removeFolder(dir) }
    let r = try capscript(["--sandbox", dir + "/exec.lua"])
    #expect(r.status == 1)
    #expect(r.stdout == "before\n")
    #expect(
      r.stderr.contains("/exec.lua:2: os.execute is not available in the sandbox\nstack traceback:")
    )
  }

  @Test func sandboxWritesOnlyUnderOut() throws {
    let dir = try folder(with: [
      "save.lua": """
      local r = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 50})
      r:save(arg[1] .. '/inside/r.json')
      print(pcall(r.save, r, arg[1] .. '/../elsewhere.json'))
      """
    ])
    defer { removeFolder(dir) }
    let out = dir + "/out"
    let r = try capscript(["--sandbox", "--out", out, dir + "/save.lua", out])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(FileManager.default.fileExists(atPath: out + "/inside/r.json"))
    #expect(r.stdout.contains("false\t"))
    #expect(r.stdout.contains("file writes are allowed only under \(out) (--out)"))
    let escaped = try capscript(["--sandbox", "--out", out, dir + "/save.lua", dir])
    #expect(escaped.status == 1)
    #expect(escaped.stderr.contains("file writes are allowed only under \(out) (--out)"))
  }

  @Test func libFoldersExtendRequire() throws {
    let lib = try folder(with: ["mystress.lua": "return { name = 'mine' }\n"])
    let dir = try folder(with: ["use.lua": "print(require('mystress').name)\n"])
    defer {
      removeFolder(lib)
      removeFolder(dir)
    }
    for sandbox in [[], ["--sandbox"]] {
      let r = try capscript(sandbox + ["--lib", lib, dir + "/use.lua"])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stdout == "mine\n")
    }
  }

  @Test func optionsAfterTheFileBelongToTheScript() throws {
    let dir = try folder(with: ["args.lua": "print(table.concat(arg, ' '))\n"])
    defer { removeFolder(dir) }
    let r = try capscript(["--timeout", "5", dir + "/args.lua", "--timeout", "9", "--sandbox", "x"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == "--timeout 9 --sandbox x\n")
  }

  @Test(arguments: [["--max-memory", "12X"], ["--max-memory", "100K"], ["--timeout", "-1"]])
  func badLimitsAreUsageErrors(options: [String]) throws {
    let dir = try folder(with: ["ok.lua": "print 'ok'\n"])
    defer { removeFolder(dir) }
    let r = try capscript(options + [dir + "/ok.lua"])
    #expect(r.status == 64)
    #expect(r.stderr.contains(options[0]))
  }
}
