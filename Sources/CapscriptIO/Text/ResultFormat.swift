public import SimCore

/// The output formats of a run, shared by the CLI and `cap.format`.
public enum ResultFormat: String, CaseIterable, Sendable {
  case table, json, csv, markdown

  /// The format a file name's extension asks for.
  public init?(pathExtensionOf path: String) {
    if path.hasSuffix(".json") {
      self = .json
    } else if path.hasSuffix(".csv") {
      self = .csv
    } else if path.hasSuffix(".md") {
      self = .markdown
    } else if path.hasSuffix(".txt") {
      self = .table
    } else {
      return nil
    }
  }

  /// Renders one run's scorecard.
  public func render(_ result: RunResult) -> String {
    let card = result.scorecard
    switch self {
    case .table: return card.table + "\n" + (result.precision?.text ?? "") + (card.importance?.text ?? "")
    case .json: return JSONText.pretty(result.tree) + "\n"
    case .csv:
      let scalars = card.definedScalarNames + (card.hasCapital ? ["roi_mean_stderr"] : [])
      let p = card.provenance
      let trailing = p.fields(["seed", "paths", "epochs", "scenario_hash", "policy_hash"])
      // Today's columns first; the intervals after them (IntervalColumns).
      let intervals = card.hasCapital ? IntervalColumns.names : []
      let names = ["scenario"] + scalars + trailing.map(\.name) + intervals
      let values =
        [p.scenario] + scalars.map { JSONText.number(card.scalar($0) ?? .nan) } + trailing.map(\.text)
        + (card.hasCapital ? IntervalColumns.cells(card) : [])
      return names.joined(separator: ",") + "\n" + values.joined(separator: ",") + "\n"
    case .markdown:
      var out = TextTable.markdown(
        header: ["field", "value"],
        rows: card.definedScalarNames.map { [$0, formatFixed(card.scalar($0) ?? .nan, digits: 4)] })
      if let routing = card.routing { out += routing.markdown }
      let p = card.provenance
      out +=
        "\nProvenance: scenario `\(p.scenario)` (hash \(p.scenarioHash)), policy hash \(p.policyHash), seed \(p.seed), \(p.paths) paths × \(p.epochs) epochs, \(p.modelVersion).\n"
      return out
    }
  }
}
