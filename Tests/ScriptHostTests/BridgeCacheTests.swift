import Foundation
import TestSupport
import Testing

@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// The bridge's caches: fields of a boxed object answered from its user value
/// (a result's field table), and `cap.policy()` read once per config folder.
@Suite struct BridgeCache {
  @Test func aScalarFieldIsCachedInTheBoxAndReadsTheSameValue() throws {
    let state = try makeState()
    try state.run("r = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 40, epochs = 40})")
    #expect(
      try state.run("return rawget(debug.getuservalue(r, 1), 'roi_mean')") == ["nil"], "nothing is cached before a read"
    )
    let first = try state.run("return r.roi_mean, r.liquidation_probability")
    let cached = try state.run(
      "local c = debug.getuservalue(r, 1); return c.roi_mean == r.roi_mean, c.liquidation_probability, r.roi_mean")
    #expect(cached == ["true", first[1], first[0]])
    // The cached value is the scorecard's own, to the last bit.
    let box = try #require(state.box(ofGlobal: "r") as? LuaBox<RunResult>)
    let exact = try state.run("return string.format('%.17g', r.roi_mean)")
    #expect(Double(exact[0]) == box.value.scorecard.roiMean)
  }

  @Test func tablesAndObjectsAreReadAfreshMethodsAreCached() throws {
    let state = try makeState()
    try state.run("r = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 10, epochs = 40})")
    let answers = try state.run(
      """
      local a, b = r.pnl_attribution, r.pnl_attribution
      local s1, s2 = r.scenario, r.scenario
      local save = r.save
      local c = debug.getuservalue(r, 1)
      return a ~= b, s1 ~= s2, rawget(c, 'pnl_attribution') == nil, rawget(c, 'scenario') == nil,
        rawget(c, 'save') == save,
        save == getmetatable(r).__methods.save
      """)
    #expect(answers == ["true", "true", "true", "true", "true", "true"])
  }

  @Test func aCachedFieldReadOnAnotherObjectIsThatObjectsOwn() throws {
    let state = try makeState()
    let answers = try state.run(
      """
      local s = cap.scenario('crash_40pct_external_asset')
      local a, b = s:with{paths = 11}, s:with{paths = 12}
      return a.paths, b.paths, a.paths, b.paths, s.paths
      """)
    #expect(answers[0...3] == ["11", "12", "11", "12"])
    #expect(answers[4] != "11" && answers[4] != "12")
  }

  @Test func unknownFieldsStillNameTheNearestAfterCachedReads() throws {
    let state = try makeState()
    try state.run(
      "r = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 10, epochs = 40}); x = r.roi_mean")
    let message = try errorMessage("return r.roi_maen", in: state)
    #expect(message.contains("did you mean \"roi_mean\""))
  }

  @Test func policyIsReadOncePerConfigFolder() throws {
    let copy = try temporaryFolder("policy-cache")
    defer { removeFolder(copy) }
    let policy = packageRoot + "/config/capital-efficiency-policy.json"
    var text = try String(contentsOfFile: policy, encoding: .utf8)
    text = text.replacingOccurrences(of: "\"pegBand\": 0.005", with: "\"pegBand\": 0.007")
    try text.write(toFile: copy + "/capital-efficiency-policy.json", atomically: true, encoding: .utf8)
    let context = HostContext(configDirectory: packageRoot + "/config", threads: 1)
    let state = try LuaState(context: context)
    #expect(try state.run("p = cap.policy(); return p == cap.policy(), p.pegBand") == ["true", "0.005"])
    context.configSearch = .folder(copy)
    #expect(
      try state.run("q = cap.policy(); return q ~= p, q.pegBand, q == cap.policy()") == ["true", "0.007", "true"])
  }
}
