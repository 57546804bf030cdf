import Foundation
import TestSupport
import Testing

@testable import LuaHost
@testable import ScriptHost
@testable import SimCore

/// Results read their cached fields from a table of their own (the `__index`
/// of a metatable of their own): the values, the methods, read-only results,
/// and forged objects refused.
@Suite struct ResultFieldTable {
  static let run = "r = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 40, epochs = 40})"

  @Test func fieldsReadTheScorecardBeforeAndAfterTheyAreCached() throws {
    let state = try makeState()
    try state.run(Self.run)
    let box = try #require(state.box(ofGlobal: "r") as? LuaBox<RunResult>)
    let card = box.value.scorecard
    for name in ["roi_mean", "liquidation_probability", "pnl_var_99", "twr_p05"] {
      let exact = "return string.format('%.17g', r.\(name))"
      let first = try state.run(exact)
      #expect(try state.run("return rawget(debug.getmetatable(r).__index, '\(name)') ~= nil") == ["true"])
      #expect(try state.run(exact) == first, "\(name): a cached read is the first read")
      #expect(Double(first[0]) == card.scalar(name), "\(name)")
    }
    // Tables are built afresh on each read, never cached.
    #expect(
      try state.run("return r.pnl_attribution ~= r.pnl_attribution, r.scenario.name") == [
        "true", "crash_40pct_external_asset",
      ])
  }

  @Test func methodsWorkThroughTheFieldTable() throws {
    let state = try makeState()
    try state.run(Self.run)
    let answers = try state.run(
      """
      local lo, hi = r:ci('roi_mean')
      local again = r:ci('roi_mean')
      local column = r:paths('roi')
      return lo <= r.roi_mean and r.roi_mean <= hi, again == lo, #column, r.save == getmetatable(r).__methods.save,
        type(tostring(r)), cap.format(r, 'json'):sub(1, 1)
      """)
    #expect(answers == ["true", "true", "40", "true", "string", "{"])
  }

  @Test func resultsCannotBeModified() throws {
    let state = try makeState()
    try state.run(Self.run + "; before = r.roi_mean")
    let answers = try state.run(
      """
      local ok1, e1 = pcall(function() r.roi_mean = 1 end)
      local ok2, e2 = pcall(function() r.brand_new = 1 end)
      local mt = getmetatable(r)
      local ok3 = pcall(function() mt.__index.roi_mean = 1 end)
      mt.roi_mean = 1
      return ok1, ok2, ok3, r.roi_mean == before, e1:find('attempt to index a capscript.Result value') ~= nil
      """)
    #expect(answers == ["false", "false", "false", "true", "true"])
    // `getmetatable` answers the type's metatable, the same for every result, not the field table.
    #expect(
      try state.run(
        """
        local r2 = cap.run(r.scenario)
        return getmetatable(r) == getmetatable(r2), debug.getmetatable(r) ~= debug.getmetatable(r2),
          type(getmetatable(r).__index)
        """) == ["true", "true", "function"])
  }

  @Test func forgedResultsAreRefusedWithAClearError() throws {
    let state = try makeState()
    try state.run(Self.run + "; x = r.roi_mean")
    let answers = try state.run(
      """
      local own = debug.getmetatable(r)
      local fields = own.__index
      -- The field table itself, a table dressed as one, and a file handle dressed as a result.
      local dressed = setmetatable({}, debug.getmetatable(fields))
      local fake = io.tmpfile()
      debug.setmetatable(fake, own)
      local out = {}
      local function try(f, ...)
        local ok, e = pcall(f, ...)
        out[#out + 1] = tostring(ok) .. ' ' .. tostring(e):gsub('^.-: ', '')
      end
      try(cap.format, fields, 'json')
      try(function() return dressed.roi_mean end)
      try(cap.format, fake, 'json')
      try(r.save, fake, 'x.json')
      try(getmetatable(r).__index, fake, 'roi_mean')
      return table.unpack(out)
      """)
    #expect(
      answers == [
        "false bad argument #1 to 'format' (result or sweep result expected, got table)",
        "false bad argument #1 to 'index' (result expected, got table)",
        "false bad argument #1 to 'format' (result or sweep result expected, got userdata)",
        "false bad argument #1 to 'save' (result expected, got userdata)",
        "false bad argument #1 to 'index' (result expected, got userdata)",
      ], "\(answers)")
    #expect(try state.run("return type(cap.run(r.scenario).roi_mean)") == ["number"], "the host is alive")
  }

  @Test func aResultIsReleasedAndAResurrectedOneSaysItWasCollected() throws {
    let state = try makeState()
    try state.run(Self.run + "; x = r.roi_mean")
    weak let box = state.box(ofGlobal: "r")
    #expect(box != nil)
    try state.run("r = nil; collectgarbage(); collectgarbage()")
    #expect(box == nil, "the cycle object -> field table -> object does not keep a result alive")
    try state.run(
      """
      do
        local r = cap.run(cap.scenario('crash_40pct_external_asset'):with{paths = 10, epochs = 40})
        local x = r.roi_mean
        setmetatable({ r = r }, { __gc = function(t) zombie = t.r end })
      end
      collectgarbage(); collectgarbage()
      """)
    #expect(try state.run("return tostring(zombie)") == ["(collected capscript object)"])
    #expect(try errorMessage("return zombie.roi_mean", in: state).contains("this object was already collected"))
  }
}
