import Testing

@testable import SimCore

/// `ShardSlice` splits a run's paths into contiguous slices that cover it
/// exactly, and slices run apart join into the whole run's scorecard.
@Suite struct ShardSliceTests {
  @Test(arguments: [(1, 1), (7, 3), (1_000_000, 16), (5, 5), (Int(1) << 62, 7)])
  func slicesCoverThePathsInOrderWithSizesWithinOne(paths: Int, count: Int) throws {
    var next = 0
    var sizes: [Int] = []
    for k in 1...count {
      let range = try #require(ShardSlice(index: k, count: count)).paths(of: paths)
      #expect(range.lowerBound == next)
      next = range.upperBound
      sizes.append(range.count)
    }
    #expect(next == paths)
    #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1)
  }

  @Test(arguments: ["0/3", "4/3", "1/0", "a/2", "1/2/3", "1", "-1/2", ""])
  func parsingRefusesAnythingButKOverN(text: String) {
    #expect(ShardSlice(parsing: text) == nil)
  }

  @Test func parsingReadsKOverN() {
    #expect(ShardSlice(parsing: "3/8") == ShardSlice(index: 3, count: 8))
    #expect(ShardSlice(parsing: "3/8")?.text == "3/8")
  }

  @Test func slicesRunApartJoinIntoTheWholeRun() throws {
    let tree = try JSONText.parse(
      #"{"name": "s", "paths": 301, "epochs": 25, "seed": 5, "capitalEfficiency": {"leverage": 2}}"#, file: "s.json")
    let scenario = try Scenario(tree, file: "s.json", policy: Policy())
    let whole = try Runner.run(scenario)
    var options = RunOptions()
    options.threads = 1
    let slices = try (1...4).reversed().map { k in
      try Runner.run(scenario, paths: ShardSlice(index: k, count: 4)!.paths(of: 301), options: options)
    }
    let joined = RunSlice.result(scenario: scenario, slices: slices.reversed())
    #expect(joined.records == whole.records)
    #expect(JSONText.canonical(joined.scorecard.tree) == JSONText.canonical(whole.scorecard.tree))
  }
}
