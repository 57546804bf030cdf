import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// Objectives and constraints as Lua functions in `cap.sweep` (issue 12).
@Suite struct SweepObjectives {
  /// A four-point leverage sweep of the crash scenario, small enough for debug builds.
  static let base = """
    local s = cap.scenario("crash_40pct_external_asset"):with{paths = 400, epochs = 60}
    """

  @Test func aLuaObjectiveOfTheTailRanksTheCandidatesByIt() throws {
    let state = try makeState()
    let out = try state.run(
      Self.base + """
        -- The 99% expected shortfall of the PnL, from the per-path array (Acerbi-Tasche, as INTERVALS.md).
        local function es99(r)
          local pnl = r:paths "pnl"
          local losses = {}
          for i, x in ipairs(pnl) do losses[i] = -x end
          table.sort(losses)
          local n = #losses
          local k = math.ceil(n * 0.99)
          local w = k - n * 0.99
          local sum = w * losses[k]
          for i = k + 1, n do sum = sum + losses[i] end
          return sum / (n - k + w)
        end
        local res = cap.sweep{base = s, grid = {leverage = {1.2, 2.4, 1.6, 2.0}},
          objective = es99, direction = "minimize"}:run()
        local lines = {}
        for i, c in ipairs(res.candidates) do
          lines[i] = string.format("%s %.9g %.9g %.9g", c.leverage, c.objective, c.pnl_es_99, c.score)
        end
        return table.concat(lines, "\\n"), #res.failed
        """)
    let rows = out[0].split(separator: "\n").map { $0.split(separator: " ").compactMap { Double($0) } }
    #expect(rows.count == 4 && out[1] == "0")
    // Ranked by the objective, smallest shortfall first (higher leverage: larger tail loss).
    #expect(rows.map { $0[0] } == [1.2, 1.6, 2.0, 2.4])
    for r in rows {
      #expect(abs(r[1] - r[2]) <= 1e-6 * abs(r[2]), "the objective is the scorecard's pnl_es_99")
      #expect(r[3] == -r[1], "minimizing: the score is the negated objective")
    }
  }

  @Test func aCandidateWhoseObjectiveRaisesIsFailedWithItsTracebackAndTheSweepGoesOn() throws {
    let state = try makeState()
    let out = try state.run(
      Self.base + """
        local calls = 0
        local res = cap.sweep{base = s, grid = {leverage = {1.2, 1.6, 2.0}},
          objective = function(r)
            calls = calls + 1
            if r.scenario.leverage == 1.6 then error("no objective for this one") end
            return r.roi_mean
          end,
          constraints = {function(r) return r.liquidation_probability < 0.5 end, function(r) return r.roi_mean > 1 end}}:run()
        local f = res.failed
        local last = res.candidates[#res.candidates]
        return calls, #f, f[1] and f[1].leverage, f[1] and f[1].error, last.leverage,
          tostring(res.candidates[1].deployable), table.concat(res.candidates[1].failed_gates, ";"),
          tostring(res.candidates[1].constraints[1]), tostring(res.candidates[1].constraints[2]), tostring(res)
        """, name: "=objective_test")
    #expect(out[0] == "3" && out[1] == "1" && out[2] == "1.6" && out[4] == "1.6")
    #expect(out[3].contains("no objective for this one") && out[3].contains("objective_test:5"))
    #expect(out[3].contains("stack traceback:"))
    // The first constraint holds, the second does not: the candidate is not deployable.
    #expect(out[5] == "false" && out[6].contains("constraint 2") && out[7] == "true" && out[8] == "false")
    #expect(out[9].contains("failed: candidate 2 leverage=1.6: objective: objective_test:5: no objective for this one"))
  }

  @Test(arguments: [
    ("objective = 3", "objective must be a function"),
    ("objective = function(r) return 1 end, direction = \"down\"", "direction must be \"maximize\""),
    ("constraints = {function(r) return true end}", "go with objective"),
    ("objective = function(r) return 1 end, constraints = {1}", "constraints[1] must be a function"),
    ("objective = function(r) return 1 end, halving = true", "drop halving"),
  ])
  func badObjectivesAreRefusedWithWhatToChange(fields: String, fragment: String) throws {
    let message = try errorMessage(Self.base + "cap.sweep{base = s, grid = {leverage = {1.2, 1.6}}, \(fields)}")
    #expect(message.contains(fragment), "\(message)")
  }

  @Test func anObjectiveThatReturnsNoNumberFailsItsCandidate() throws {
    let out = try makeState().run(
      Self.base + """
        local res = cap.sweep{base = s, grid = {leverage = {1.2}}, objective = function(r) return "high" end}:run()
        return res.failed[1].error
        """, name: "=nan_test")
    #expect(out[0].contains("nan_test:1) returned a string, expected a finite number"), "\(out)")
  }

  @Test func theObjectivesTextIsPartOfTheSweepIdentity() throws {
    let library = try ConfigLibrary(directory: packageRoot + "/config")
    let s = try library.scenario("crash_40pct_external_asset")
    let spec = try SweepSpec(.object(["grid": .object(["leverage": .array([.number(1.2)])])]), file: "t")
    var a = try Sweep(base: s, spec: spec, evidence: DeploymentEvidence())
    let plain = a.identity
    a.objective = SweepObjective(identity: "function(r) return r.roi_mean end", minimize: false, constraints: 0)
    let withObjective = a.identity
    a.objective?.identity = "function(r) return r.pnl_es_99 end"
    #expect(plain != withObjective && withObjective != a.identity)
    a.objective = nil
    #expect(a.identity == plain, "a sweep without an objective keeps the identity it always had")
  }
}
