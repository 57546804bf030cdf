import SimCore

/// A titled table of text cells for the HTML report (scorecards, sweep
/// candidates, per-pool diagnostics).
public struct ReportTable: Sendable, Equatable {
  public var title: String
  public var header: [String]
  public var rows: [[String]]
  /// A sentence under the table (what the numbers mean, where they come from).
  public var note: String
  /// CSS class of the `<table>`, so tests and styles can find it.
  public var className: String

  public init(title: String, header: [String], rows: [[String]], note: String = "", className: String = "data") {
    self.title = title
    self.header = header
    self.rows = rows
    self.note = note
    self.className = className
  }

  /// The table as an HTML section; cells whose text starts with a sign or a
  /// digit are right-aligned.
  var html: String {
    var out =
      "<section class=\"table-section\"><h2>\(SVG.escape(title))</h2><table class=\"\(SVG.escape(className))\"><thead><tr>"
    for h in header { out += "<th>\(SVG.escape(h))</th>" }
    out += "</tr></thead><tbody>"
    for row in rows {
      out += "<tr>"
      for cell in row {
        let numeric = cell.first.map { $0.isNumber || $0 == "-" || $0 == "+" } ?? false
        out += numeric && cell != "-" ? "<td class=\"num\">\(SVG.escape(cell))</td>" : "<td>\(SVG.escape(cell))</td>"
      }
      out += "</tr>"
    }
    out += "</tbody></table>"
    if !note.isEmpty { out += "<p class=\"note\">\(SVG.escape(note))</p>" }
    return out + "</section>"
  }
}
