import Testing

@testable import CapscriptIO
@testable import SimCore

/// The two peg figures (issue 13, item 3): the overlay's peg price and the
/// peg pool's mid price, named apart, each with its definition.
@Suite struct PegMetricTests {
  static func routingRun() throws -> Scorecard {
    let d = try RoutingFixture.deployment(pools: [
      RoutingFixture.hubPool("A", k: 0.002), RoutingFixture.hubPool("B", k: 0.002),
    ])
    let s = try RoutingFixture.scenario(d, paths: 2, epochs: 5)
    return try Runner.run(s, options: RunOptions(threads: 1)).scorecard
  }

  @Test func thePegPoolFigureHasItsOwnNameItsDefinitionAndItsFormerNameAsAnAlias() throws {
    let card = try Self.routingRun()
    let r = try #require(card.routing)
    let tree = r.tree
    let mid = try #require(tree["peg_pool_mid_deviation"])
    #expect(mid["pool"] == .string("A/HUB"))
    #expect(mid["definition"] == .string(PegMetric.poolMidDefinition))
    #expect(tree["peg_deviation"] == mid)
    #expect(RoutingScorecard.scalarFieldNames.contains("peg_pool_mid_deviation.frequency"))
    #expect(!RoutingScorecard.scalarFieldNames.contains("peg_deviation.frequency"))
    for field in ["frequency", "worst"] {
      let value = try #require(card.scalar("routing.peg_pool_mid_deviation." + field))
      #expect(card.scalar("routing.peg_deviation." + field) == value)
    }
  }

  @Test func theTablesSayWhichPriceEachPegFigureMeasures() throws {
    let card = try Self.routingRun()
    let text = try #require(card.routing).table
    #expect(text.contains("peg_pool_mid_deviation"))
    #expect(text.contains("A/HUB's mid price"))
    #expect(text.contains("not the overlay's peg_deviation_frequency"))
    let capital = try Runner.run(try quietScenario(epochs: 3, paths: 2)).scorecard.table
    #expect(capital.contains("peg_deviation_frequency (overlay P)"))
    #expect(capital.contains("market_making_share"))
  }
}
