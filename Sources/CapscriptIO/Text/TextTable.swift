import SimCore

/// Rows of text cells as aligned plain text or as a Markdown table: the one
/// table renderer of the scorecard, the routing block, the sweep ranking and
/// `capscript validate`. Widths count characters (grapheme clusters).
public struct TextTable: Sendable, Equatable {
  public enum Alignment: Sendable, Equatable { case left, right }

  /// The cells, the header (if any) first; every row has the same count.
  public var rows: [[String]]
  /// Per column; columns past the end are left-aligned.
  public var alignments: [Alignment]
  /// Put before every line.
  public var indent: String
  /// Put between columns.
  public var separator: String
  /// Whether a left-aligned last column is padded to its width too.
  public var padsLastColumn: Bool
  /// Whether each line loses its leading and trailing spaces.
  public var trimsLines: Bool

  public init(
    _ rows: [[String]], alignments: [Alignment] = [], indent: String = "", separator: String = "  ",
    padsLastColumn: Bool = true, trimsLines: Bool = false
  ) {
    self.rows = rows
    self.alignments = alignments
    self.indent = indent
    self.separator = separator
    self.padsLastColumn = padsLastColumn
    self.trimsLines = trimsLines
  }

  /// The aligned lines, without line breaks.
  /// - Complexity: O(cells).
  public var lines: [String] {
    let columns = rows.map(\.count).max() ?? 0
    let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
    return rows.map { row in
      let cells = row.enumerated().map { c, cell in
        let fill = String(repeating: " ", count: widths[c] - cell.count)
        if c < alignments.count, alignments[c] == .right { return fill + cell }
        return c == row.count - 1 && !padsLastColumn ? cell : cell + fill
      }
      let line = indent + cells.joined(separator: separator)
      return trimsLines ? Self.trimmed(line) : line
    }
  }

  /// The lines joined by line breaks, with no break after the last.
  public var text: String { lines.joined(separator: "\n") }

  /// A Markdown table: `header`, the `|---|` rule, then one line per row,
  /// each ending in a line break.
  public static func markdown(header: [String], rows: [[String]]) -> String {
    var out = "| " + header.joined(separator: " | ") + " |\n"
    out += "|" + header.map { _ in "---" }.joined(separator: "|") + "|\n"
    for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
    return out
  }

  static func trimmed(_ line: String) -> String {
    guard let first = line.firstIndex(where: { !$0.isWhitespace }),
      let last = line.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return String(line[first...last])
  }
}
