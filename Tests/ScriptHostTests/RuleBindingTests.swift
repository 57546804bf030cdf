import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// Per-epoch rules in Lua: `s:with{rule = f}` and `cap.run` (docs/MODEL.md, "Per-epoch rules").
@Suite struct LuaRules {
  /// The native volatility throttle written as a Lua rule, on a scenario whose
  /// own throttle is switched off (`sigmaCrit = 10`).
  static let twin = """
    local s = cap.scenario('high_vol_sigma_spike'):with{ paths = 200 }
    local twin = s:with{ sigmaCrit = 10, rule = function(st)
      if st.sigma > s.sigmaCrit then
        return { throttled = true, allocation = s.allocation * s.throttleAllocationFactor,
                 leverage = math.min(s.leverage, s.stressLeverage),
                 spread = math.min(st.spread * s.spreadWidenFactor, s.spreadCeilingBps) }
      end
    end }
    local native, ruled = cap.run(s), cap.run(twin)
    assert(native.volatility_throttle_events > 0)
    return cap.format(native, 'json'), cap.format(ruled, 'json')
    """

  /// The scorecard JSON without its provenance block (which names the rule).
  static func figures(_ json: String) throws -> String {
    guard case .object(var fields) = try JSONText.parse(json, file: "test") else { return "" }
    fields["provenance"] = nil
    return JSONText.pretty(.object(fields))
  }

  @Test func theNativeThrottleAndItsLuaTwinGiveIdenticalBytes() throws {
    let out = try makeState().run(Self.twin, name: "=twin")
    try #require(out.count == 2)
    #expect(try Self.figures(out[0]) == Self.figures(out[1]))
    #expect(out[1].contains("rule=twin:2"))
    #expect(!out[0].contains("rule="))
  }

  @Test func aRuleSeesTheStateAndItsTargetsApply() throws {
    let state = try makeState()
    let out = try state.run(
      """
      local seen
      local s = cap.scenario('crash_40pct_external_asset'):with{ paths = 3, epochs = 40, leverage = 2 }
      local r = cap.run(s:with{ rule = function(st)
        if st.path == 0 and st.epoch == 0 then seen = st end
        return { leverage = 1 }
      end })
      local keys = {}
      for k in pairs(seen) do keys[#keys + 1] = k end
      table.sort(keys)
      return table.concat(keys, ','), seen.leverage, r.roi_mean == cap.run(s:with{ leverage = 1 }).roi_mean,
        s:with{ rule = function() end }:with{ rule = false }.hash == s.hash
      """, name: "=state")
    let keys = Set((out.first ?? "").split(separator: ",").map(String.init))
    #expect(keys.isSuperset(of: ["epoch", "T", "sigma", "ell", "P", "S", "LTV", "spread", "allocation", "leverage"]))
    #expect(keys.contains("liquidated") && keys.contains("throttled"))
    #expect(out.dropFirst() == ["2.0", "true", "true"])
  }

  @Test func aLuaErrorInsideARuleStopsTheRunWithItsTraceback() throws {
    let message = try errorMessage(
      """
      local s = cap.scenario('crash_40pct_external_asset'):with{ paths = 5 }
      r = cap.run(s:with{ rule = function(st)
        if st.epoch == 7 then error('boom') end
      end })
      """)
    #expect(message.contains("rule test:2 failed at path 0, epoch 7"))
    #expect(message.contains("test:3: boom"))
    #expect(message.contains("stack traceback:"))
  }

  @Test(arguments: [
    ("{ leverage = 9 }", "leverage"), ("{ allocation = -0.1 }", "allocation"), ("{ levrage = 2 }", "leverage"),
    ("{ throttled = 1 }", "throttled"), ("42", "a rule returns nil or a table"),
  ])
  func aBadTargetNamesTheRuleTheFieldAndTheRange(action: String, expected: String) throws {
    let message = try errorMessage(
      """
      local s = cap.scenario('crash_40pct_external_asset'):with{ paths = 5 }
      cap.run(s:with{ rule = function(st) return \(action) end })
      """)
    #expect(message.contains("rule test:2 (path 0, epoch 0)"), "\(message)")
    #expect(message.contains(expected), "\(message)")
  }

  @Test func aRuleRunsUnderTheScriptTimeout() throws {
    let state = try limitedState(ScriptLimits(timeout: 0.3))
    let error = try #require(
      stopped(
        """
        local s = cap.scenario('crash_40pct_external_asset'):with{ paths = 5 }
        r = cap.run(s:with{ rule = function(st) while true do end end })
        """, in: state))
    #expect(error.message.contains("script stopped: timeout of 0.3 s exceeded"))
  }

  @Test func aSweepRefusesAScenarioWithARule() throws {
    let message = try errorMessage(
      """
      local s = cap.scenario('crash_40pct_external_asset'):with{ rule = function() end }
      cap.sweep{ base = s, grid = { leverage = {1, 1.5} } }
      """)
    #expect(message.contains("cap.sweep cannot run a scenario with a Lua rule"))
  }
}
