import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

/// The bad-debt block: debt the collateral did not cover at liquidation, per path and on the scorecard.
@Suite struct BadDebt {
  /// Half the paths crash 40% a month in at 2.5x (LTV 0.6): the crash liquidates
  /// most of them, and leaves debt unpaid where the asset had not risen before it.
  /// 2001 paths, so that n·0.95 and n·0.99 are not integers and the VaR atom is weighted.
  static let run: RunResult = {
    let crash: ConfigValue = .object([
      "type": .string("asset_crash"), "at": .number(30), "drop": .number(0.4), "p": .number(0.5),
    ])
    let s = try? projectLibrary.scenario("crash_40pct_external_asset")
      .with(
        [("paths", .number(2001)), ("epochs", .number(60)), ("leverage", .number(2.5)), ("shocks", .array([crash]))],
        origin: "test")
    guard let s, let r = try? Runner.run(s, options: RunOptions(threads: 2)) else {
      preconditionFailure("the crash scenario runs")
    }
    return r
  }()

  @Test func badDebtIsLeftOnlyOnLiquidatedPathsAndIsPartOfTheLiquidationLoss() throws {
    let r = Self.run
    let badDebt = try #require(r.column("bad_debt"))
    #expect(badDebt == r.records.map(\.badDebt))
    for record in r.records {
      #expect(record.badDebt >= 0)
      if record.badDebt > 0 { #expect(record.liquidated) }
      // The loss is the penalty on the collateral plus the bad debt.
      #expect(-record.attribution.liquidationLoss >= record.badDebt)
    }
    let card = r.scorecard
    // The scenario has both kinds of liquidation: with and without bad debt.
    #expect(card.badDebtProbability > 0)
    #expect(card.badDebtProbability < card.liquidationProbability)
  }

  @Test func figuresEqualAnIndependentComputationFromThePerPathColumn() throws {
    let r = Self.run
    let card = r.scorecard
    let values = try #require(r.column("bad_debt"))
    let n = Double(values.count)
    #expect(card.scalar("bad_debt_probability") == Double(values.filter { $0 > 0 }.count) / n)
    let mean = values.reduce(0, +) / n
    #expect(abs(try #require(card.scalar("bad_debt_mean")) - mean) <= 1e-12 * mean)

    // VaR: the ceil(n·α)-th smallest; ES: the tail mean with the VaR atom weighted k - n·α.
    let sorted = values.sorted()
    let k95 = Int((n * 0.95).rounded(.up))
    #expect(card.scalar("bad_debt_var_95") == sorted[k95 - 1])
    let k = Int((n * 0.99).rounded(.up))
    let w = Double(k) - n * 0.99
    #expect(w > 0)
    let es = (w * sorted[k - 1] + sorted[k...].reduce(0, +)) / (n - Double(k) + w)
    let cardES = try #require(card.scalar("bad_debt_es_99"))
    #expect(abs(cardES - es) <= 1e-12 * es)
    // Its standard error: (s²_tail + α (ES - VaR)²) / (n (1 - α)), s²_tail over ranks k ... n.
    let tail = Array(sorted[(k - 1)...])
    let tailMean = tail.reduce(0, +) / Double(tail.count)
    let s2 = tail.reduce(0) { $0 + ($1 - tailMean) * ($1 - tailMean) } / Double(tail.count - 1)
    let se = ((s2 + 0.99 * (es - sorted[k - 1]) * (es - sorted[k - 1])) / (n * 0.01)).squareRoot()
    let cardSE = try #require(card.standardErrors["bad_debt_es_99"])
    #expect(abs(cardSE - se) <= 1e-9 * se)
  }

  @Test func everyBadDebtFigureHasItsIntervalInTheTree() throws {
    let card = Self.run.scorecard
    guard case .object(let tree) = card.tree else {
      Issue.record("the tree is an object")
      return
    }
    for name in Scorecard.badDebtFieldNames {
      let x = try #require(card.scalar(name), "\(name)")
      let ci = try #require(card.intervals[name], "\(name) has no interval")
      #expect(ci.isBounded && ci.lower >= 0 && ci.lower <= x && x <= ci.upper, "\(name) = \(x) outside \(ci)")
      #expect(ci.width > 0, "\(name): \(ci)")
      #expect(tree[name] == .number(x))
      guard case .array(let bounds)? = tree[name + "_ci"] else {
        Issue.record("\(name)_ci missing from the JSON tree")
        continue
      }
      #expect(bounds == [.number(ci.lower), .number(ci.upper)])
    }
    let values = try #require(Self.run.column("bad_debt"))
    let share = ProportionEstimate(events: values.filter { $0 > 0 }.count, trials: values.count)
    #expect(card.intervals["bad_debt_probability"] == share.wilsonInterval())
    for name in ["bad_debt_mean", "bad_debt_es_99"] {
      #expect(tree[name + "_se"] == .number(try #require(card.standardErrors[name])))
    }
  }

  @Test func aBookWithoutDebtHasNoBadDebtButAWilsonBoundAboveZero() throws {
    let s = try projectLibrary.scenario("crash_40pct_external_asset")
      .with([("paths", .number(1000)), ("epochs", .number(40)), ("leverage", .number(1))], origin: "test")
    let card = try Runner.run(s, options: RunOptions(threads: 2)).scorecard
    for name in Scorecard.badDebtFieldNames { #expect(card.scalar(name) == 0, "\(name)") }
    let z = ConfidenceLevel.standard.z
    let share = try #require(card.intervals["bad_debt_probability"])
    #expect(share.lower == 0)
    #expect(share.upper > 0)
    #expect(abs(share.upper - z * z / (1000 + z * z)) < 1e-15)
    for name in ["bad_debt_mean", "bad_debt_var_95", "bad_debt_es_99"] {
      #expect(card.intervals[name] == Interval(lower: 0, upper: 0), "\(name)")
    }
  }

  @Test func theKernelLeavesTheDebtTheCollateralDoesNotCoverAtTheLiquidationEpoch() throws {
    // No noise, drift 10%/year: S grows by exp(mu dt) each epoch; at epoch 3 a 60% crash.
    // C = L a T / S0 = 1e6 and D = (L - 1) a T = 5e5 are untouched until then, so at the
    // liquidation C·S ≈ 4e5 < D.
    let s = try quietScenario(
      epochs: 5, capital: ["mu": 0.1], shocks: [shock("asset_crash", ["at": 3, "drop": 0.6])])
    let r = try onePath(s)
    let g = exp(0.1 * (1 / 365.0))
    var S = 1.0
    for t in 0...3 {
      if t == 3 { S *= 1 - 0.6 }
      S *= g
    }
    let C = 2 * 0.5 * 1_000_000 / 1.0
    let D = (2 - 1) * 0.5 * 1_000_000.0
    #expect(r.liquidated)
    #expect(C * S < D)
    #expect(r.badDebt == max(0, D - C * S))
    #expect(r.attribution.liquidationLoss == -(0.05 * C * S + r.badDebt))
  }

}
