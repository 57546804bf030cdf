public import SimCore

/// A run's per-path arrays as one row per path, for notebooks:
/// CSV (`pd.read_csv(path, comment="#")`, provenance on a leading `#` line) or
/// Table Schema JSON (`pd.read_json(path, orient="table")`, provenance in a
/// `provenance` object beside `schema` and `data`).
public enum PathTable {
  /// Column names in output order: `path`, then `r.pathColumnNames` (the
  /// fixed arrays, then one `shock_epoch_K` per shock of the scenario).
  public static func columns(_ r: RunResult) -> [String] { ["path"] + r.pathColumnNames }

  /// The Table Schema type of a column.
  static func type(_ column: String) -> String {
    switch column {
    case "path": "integer"
    case "liquidated": "boolean"
    case "roi", "pnl", "max_drawdown", "bad_debt", "twr", "nav_max_drawdown", "redemptions_paid", "weight": "number"
    default: "integer"
    }
  }

  static func provenance(_ p: Scorecard.Provenance) -> [(String, String)] {
    p.fields.map { ($0.name, $0.text) }
  }

  /// The arrays, by column, in path order.
  static func values(_ r: RunResult) -> [[Double]] {
    r.pathColumnNames.compactMap { r.column($0) }
  }

  /// - Complexity: O(paths × columns).
  public static func csv(_ r: RunResult) -> String {
    let p = provenance(r.scorecard.provenance).map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    var out = "# capscript per-path arrays; \(p)\n"
    out += columns(r).joined(separator: ",") + "\n"
    let cols = values(r)
    for i in 0..<r.records.count {
      out += String(i)
      for c in cols { out += "," + JSONText.number(c[i]) }
      out += "\n"
    }
    return out
  }

  /// - Complexity: O(paths × columns).
  public static func json(_ r: RunResult) -> String {
    let names = columns(r)
    let fields = names.map { "{\"name\": \"\($0)\", \"type\": \"\(type($0))\"}" }.joined(separator: ", ")
    let p = provenance(r.scorecard.provenance).map { k, v in
      "\"\(k)\": " + (k == "seed" || k == "paths" || k == "epochs" ? v : JSONText.canonical(.string(v)))
    }.joined(separator: ", ")
    var out =
      "{\"provenance\": {\(p)},\n\"schema\": {\"fields\": [\(fields)], \"primaryKey\": [\"path\"]},\n\"data\": [\n"
    let cols = values(r)
    for i in 0..<r.records.count {
      out += i == 0 ? "{" : ",\n{"
      out += "\"path\": \(i)"
      for (j, c) in cols.enumerated() {
        let name = names[j + 1]
        out += ", \"\(name)\": " + (name == "liquidated" ? (c[i] != 0 ? "true" : "false") : JSONText.number(c[i]))
      }
      out += "}"
    }
    return out + "\n]}\n"
  }
}
