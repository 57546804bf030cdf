import Testing

@testable import CapscriptIO
@testable import SimCore

/// Every scorecard figure carries its interval; tail figures follow their stated conventions.
@Suite struct ScorecardIntervals {
  static let run: RunResult = {
    let s = try? projectLibrary.scenario("crash_40pct_external_asset")
      .with([("paths", .number(3000)), ("leverage", .number(2.5))], origin: "test")
    guard let s, let r = try? Runner.run(s, options: RunOptions(threads: 2)) else {
      preconditionFailure("the crash scenario runs")
    }
    return r
  }()

  @Test func everyScalarFieldHasAnIntervalHoldingItsEstimate() throws {
    let card = Self.run.scorecard
    for name in Scorecard.scalarFieldNames {
      let x = try #require(card.scalar(name), "\(name)")
      let ci = try #require(card.intervals[name], "\(name) has no interval")
      #expect(ci.lower <= x && x <= ci.upper, "\(name) = \(x) outside \(ci)")
    }
    guard case .object(let tree) = card.tree else {
      Issue.record("the tree is an object")
      return
    }
    for name in Scorecard.scalarFieldNames {
      #expect(tree[name + "_ci"] != nil, "\(name)_ci missing from the JSON tree")
    }
    guard case .number(let se)? = tree["roi_mean_se"] else {
      Issue.record("roi_mean_se missing")
      return
    }
    #expect(abs(se - card.roiMeanStderr) <= 1e-12 * card.roiMeanStderr)
  }

  @Test func zeroEventsGiveTheWilsonUpperBoundNotZero() throws {
    // A quiet book is never liquidated: the bound is z²/(n + z²), the two-sided Wilson bound.
    let s = try quietScenario(epochs: 2, paths: 4000)
    let card = try Runner.run(s, options: RunOptions(threads: 2)).scorecard
    #expect(card.liquidationProbability == 0)
    let z = ConfidenceLevel.standard.z
    let ci = try #require(card.intervals["liquidation_probability"])
    #expect(ci.lower == 0)
    #expect(abs(ci.upper - z * z / (4000 + z * z)) < 1e-15)
  }

  @Test func valueAtRiskAndExpectedShortfallFollowTheirConventions() throws {
    // VaR: the ceil(n·α)-th smallest loss; ES: the tail mean with the VaR atom weighted k - n·α.
    let r = Self.run
    let losses = try #require(r.column("pnl")).map { -$0 }.sorted()
    let n = Double(losses.count)
    for (level, label) in [(0.95, "95"), (0.99, "99"), (0.999, "999")] {
      let k = Int((n * level - 1e-9).rounded(.up))
      let w = Double(k) - n * level
      let tail = losses[k...].reduce(0, +)
      let es = (w * losses[k - 1] + tail) / (n - Double(k) + w)
      let var_ = try #require(r.scorecard.scalar("pnl_var_" + label))
      let card = try #require(r.scorecard.scalar("pnl_es_" + label))
      #expect(var_ == losses[k - 1])
      #expect(abs(card - es) <= 1e-12 * abs(es))
      let capital = try #require(r.scenario.capital?.capital)
      #expect(r.scorecard.scalar("pnl_es_" + label + "_of_capital") == card / capital)
    }
  }

  @Test func theTableShowsEachFigureWithItsInterval() {
    let table = Self.run.scorecard.table
    #expect(table.contains("roi_mean"))
    let row = table.split(separator: "\n").first { $0.hasPrefix("liquidation_probability") } ?? ""
    #expect(row.contains("% [") && row.hasSuffix("]"))
    #expect(table.contains("[95% intervals; figures to the digits they support]"))
  }
}
