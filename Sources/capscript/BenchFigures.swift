import CapscriptIO
import Dispatch
import Foundation
import LuaHost
import ScriptHost
import SimCore

/// The figures `capscript bench --all` adds to the parametric loop: the coupled
/// model, the Lua bridge, a sweep candidate and start-up, in wall-clock ns (best
/// of `repeats`). Wall time is noisy on a shared machine; `bench/instructions.sh`
/// gives the same figures as instruction counts.
struct BenchFigures {
  let library: ConfigLibrary
  let repeats: Int

  /// The best wall time of `body`, in seconds.
  func best(_ body: () throws -> Void) rethrows -> Double {
    var best = Double.infinity
    for _ in 0..<max(1, repeats) {
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return best
  }

  /// ns per path-epoch of the coupled model on one thread (chain138_deployed_capital_efficiency).
  func coupled(paths: Int) throws -> Double {
    let s = try library.scenario("chain138_deployed_capital_efficiency").with(
      [("paths", .number(Double(paths)))], origin: "bench")
    let seconds = try best { _ = try Runner.run(s, options: RunOptions(threads: 1)) }
    return seconds * 1e9 / Double(s.paths * s.epochs)
  }

  /// ns per iteration of a Lua loop whose body is `body`, less an empty loop's.
  func lua(_ body: String, loops: Int) throws -> Double {
    let state = try LuaState(context: HostContext(configDirectory: library.directory, threads: 1))
    _ = try state.run(
      """
      f = function() end
      r = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 10, epochs = 40})
      local x = r.roi_mean; local p = cap.policy()
      """)
    let empty = try best { _ = try state.run("for i = 1, \(loops) do end") }
    let full = try best { _ = try state.run("for i = 1, \(loops) do \(body) end") }
    return max(0, full - empty) * 1e9 / Double(loops)
  }

  /// ns per candidate of a sweep of `count` leverage candidates at 10 paths x 10 epochs, less a one-candidate sweep.
  func sweepCandidate(count: Int) throws -> Double {
    let state = try LuaState(context: HostContext(configDirectory: library.directory, threads: 1))
    func sweep(_ n: Int) throws -> Double {
      try best {
        _ = try state.run(
          """
          local base = cap.scenario('crash_40pct_external_asset'):with{paths = 10, epochs = 10, shocks = {}}
          local step = \(n) > 1 and 1.5 / (\(n) - 1) or 1
          cap.sweep{ base = base, grid = { leverage = cap.range(1, 2.5 + step / 2, step) } }:run()
          """)
      }
    }
    return max(0, try sweep(count + 1) - sweep(1)) * 1e9 / Double(count)
  }

  /// ns from launching this binary with `--version` to its exit.
  func startup() throws -> Double {
    let executable = URL(fileURLWithPath: CommandLine.arguments[0])
    return try best {
      let p = Process()
      p.executableURL = executable
      p.arguments = ["--version"]
      p.standardOutput = FileHandle.nullDevice
      try p.run()
      p.waitUntilExit()
    } * 1e9
  }
}
