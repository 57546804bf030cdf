import Foundation
import TestSupport
import Testing

/// A script that declares params and then refuses any argument it does not
/// expect: `--help` must still list its params, from the host, without running it.
private let strictScript = """
  params = {
    leverage = { "target leverage of the treasury", 2.0, min = 1, max = 4 },
    paths = { "Monte Carlo paths", 50000 },
    scenario = { "base scenario", "crash_40pct_external_asset" },
    verbose = { "print more", false },
  }
  for _, a in ipairs(arg) do error("unknown argument " .. a) end
  local r = cap.run(cap.scenario(params.scenario):with{ paths = params.paths, leverage = params.leverage })
  r:save(arg[0]:match("^(.*)/") .. "/never-written.json")
  """

@Suite struct ScriptParamsFromTheCommandLine {
  @Test func helpListsTheParamsOfAScriptThatChecksItsArguments() throws {
    let dir = try folder(with: ["stress.lua": strictScript])
    defer { removeFolder(dir) }
    for help in ["--help", "-h"] {
      let r = try capscript([dir + "/stress.lua", "--leverage=3", help])
      #expect(r.status == 0, "\(r.stderr)")
      #expect(r.stderr.isEmpty)
      #expect(
        r.stdout.hasSuffix(
          """
          (--name=value or --name value; a boolean: --name or --name=false):
            --leverage=NUMBER  target leverage of the treasury (default: 2.0; [1, 4])
            --paths=INTEGER    Monte Carlo paths (default: 50000)
            --scenario=STRING  base scenario (default: "crash_40pct_external_asset")
            --verbose          print more (default: false)

          """), "\(r.stdout)")
    }
    #expect(!FileManager.default.fileExists(atPath: dir + "/never-written.json"))
  }

  @Test func aScriptWithoutParamsSaysSo() throws {
    let dir = try folder(with: ["plain.lua": "print 'hello'\n"])
    defer { removeFolder(dir) }
    let r = try capscript([dir + "/plain.lua", "--help"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("plain.lua declares no params"))
    #expect(!r.stdout.contains("hello"))
  }

  @Test func theOptionsSetParamsAndTheOtherArgumentsStayInArg() throws {
    let dir = try folder(with: [
      "p.lua": """
      params = { leverage = { "l", 2.0 }, paths = { "p", 100 }, verbose = { "v", false }, name = { "n", "base" } }
      print(params.leverage, math.type(params.leverage), params.paths, params.verbose, params.name, #arg, ...)
      """
    ])
    defer { removeFolder(dir) }
    let set = try capscript([dir + "/p.lua", "a", "--leverage=2.5", "--paths", "7", "--verbose", "--name", "x", "b"])
    #expect(set.status == 0, "\(set.stderr)")
    #expect(set.stdout == "2.5\tfloat\t7\ttrue\tx\t2\ta\tb\n")
    let defaults = try capscript([dir + "/p.lua", "--verbose=false", "--", "--leverage=9"])
    #expect(defaults.stdout == "2.0\tfloat\t100\tfalse\tbase\t1\t--leverage=9\n")
  }

  @Test(arguments: [
    (
      ["--levrage=2.5"],
      "unknown option --levrage (did you mean --leverage?); its params are --leverage, --paths;"
        + " other arguments take no leading --, or come after a lone --"
    ),
    (["--leverage=9"], "--leverage: 9 is outside the allowed range [1, 4]"),
    (["--paths=2.5"], "--paths: 2.5 is not an integer; it must be a whole number"),
  ])
  func badOptionsAreUsageErrorsBeforeTheScriptRuns(options: [String], message: String) throws {
    let dir = try folder(with: [
      "p.lua": "params = { leverage = { 'l', 2.0, min = 1, max = 4 }, paths = { 'p', 10 } }\nprint 'ran'\n"
    ])
    defer { removeFolder(dir) }
    let r = try capscript([dir + "/p.lua"] + options)
    #expect(r.status == 64)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr == "capscript: \(dir)/p.lua: \(message)\n", "\(r.stderr)")
  }

  @Test func leverageOnTheCommandLineIsTheSameRunAsLeverageInTheScript() throws {
    let example = packageRoot + "/examples/derive_and_run.lua"
    let withParam = try capscript([example, "--paths=300", "--leverage=2.5"])
    let byDefault = try capscript([example, "--paths=300"])
    let dir = try folder(with: [
      "same.lua": """
      local r = cap.run(cap.scenario("crash_40pct_external_asset"):with{ leverage = 2.5, paths = 300,
        shocks = { cap.shock.asset_crash{ at = 30, drop = 0.5 } } })
      print(r)
      print(string.format("liquidated on %.1f%% of paths; mean ROI %.2f%% (s.e. %.2f%%)",
        100 * r.liquidation_probability, 100 * r.roi_mean, 100 * r.roi_mean_stderr))
      """
    ])
    defer { removeFolder(dir) }
    let inScript = try capscript([dir + "/same.lua"])
    #expect(withParam.status == 0, "\(withParam.stderr)")
    #expect(withParam.stdout == inScript.stdout)
    #expect(withParam.stdout != byDefault.stdout)
  }
}
