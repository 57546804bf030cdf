public import SimCore

/// A run's traced paths (`PathTrace`) in long format, one row per path-epoch,
/// for notebooks: CSV (`pd.read_csv(path, comment="#")`, provenance on a
/// leading `#` line) or JSON records (`pd.read_json(path, orient="records")`).
/// Columns: `path`, `epoch` (both 0-based), then `PathTrace.fields`.
public enum TraceTable {
  /// Column names in output order.
  public static var columns: [String] { ["path", "epoch"] + PathTrace.fields }

  /// - Complexity: O(traced paths × epochs × fields).
  public static func csv(_ r: RunResult, _ trace: PathTrace) -> String {
    let p = r.scorecard.provenance.fields.map { "\($0.name)=\($0.text)" }.joined(separator: ", ")
    var out = "# capscript per-epoch trace; \(p)\n" + columns.joined(separator: ",") + "\n"
    for (row, path) in trace.paths.enumerated() {
      for t in 0..<trace.epochs {
        out += "\(path),\(t)"
        for f in PathTrace.fields.indices { out += "," + JSONText.number(trace.value(row: row, epoch: t, field: f)) }
        out += "\n"
      }
    }
    return out
  }

  /// A JSON array of records, one object per path-epoch with the CSV's columns.
  /// - Complexity: O(traced paths × epochs × fields).
  public static func json(_ trace: PathTrace) -> String {
    var out = "["
    var separator = "\n"
    for (row, path) in trace.paths.enumerated() {
      for t in 0..<trace.epochs {
        out += separator
        separator = ",\n"
        out += "{\"path\": \(path), \"epoch\": \(t)"
        for (f, name) in PathTrace.fields.enumerated() {
          out += ", \"\(name)\": " + JSONText.number(trace.value(row: row, epoch: t, field: f))
        }
        out += "}"
      }
    }
    return out + "\n]\n"
  }
}
