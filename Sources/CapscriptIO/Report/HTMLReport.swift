import SimCore

/// One self-contained HTML report: inline CSS and SVG, no scripts, no fonts or
/// images from anywhere (a Content-Security-Policy says so to the browser).
/// The markup is well-formed XML, so tools and tests can parse it.
public struct HTMLReport: Sendable {
  public static let disclaimer = "Simulator output is evidence for governance; it never authorises leverage."

  public var title: String
  public var subtitle: String
  /// Rendered HTML sections, in order.
  var sections: [String] = []
  /// Provenance rows of the footer: (name, value).
  public var provenance: [(String, String)] = []

  init(title: String, subtitle: String) {
    self.title = title
    self.subtitle = subtitle
  }

  /// Adds a chart with a heading and a sentence on how to read it.
  mutating func chart(_ heading: String, _ svg: String, note: String = "", half: Bool = false) {
    var s = "<section class=\"chart-section\(half ? " half" : "")\"><h2>\(SVG.escape(heading))</h2>" + svg
    if !note.isEmpty { s += "<p class=\"note\">\(SVG.escape(note))</p>" }
    sections.append(s + "</section>")
  }

  mutating func table(_ t: ReportTable) { sections.append(t.html) }

  mutating func paragraph(_ text: String, className: String = "note") {
    sections.append("<p class=\"\(className)\">\(SVG.escape(text))</p>")
  }

  /// The whole document.
  public var html: String {
    var out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>"
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\"/>"
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
    out +=
      "<meta name=\"generator\" content=\"\(SVG.escape("capscript \(CapscriptVersion.version) (\(Scorecard.modelVersion))"))\"/>"
    out += "<title>\(SVG.escape(title))</title><style>\(Self.css)</style></head>\n<body>"
    out += "<header><h1>\(SVG.escape(title))</h1><p class=\"subtitle\">\(SVG.escape(subtitle))</p></header>\n<main>"
    out += sections.joined(separator: "\n")
    out += "</main>\n<footer class=\"provenance\"><h2>Provenance</h2><dl>"
    for (k, v) in provenance { out += "<dt>\(SVG.escape(k))</dt><dd>\(SVG.escape(v))</dd>" }
    out += "</dl><p class=\"disclaimer\">\(SVG.escape(Self.disclaimer))</p></footer>\n</body></html>\n"
    return out
  }

  static let css = """
    body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1d2430;background:#fff;\
    margin:0 auto;max-width:1160px;padding:16px 20px}
    h1{font-size:22px;margin:4px 0}h2{font-size:16px;margin:18px 0 6px}
    .subtitle,.note{color:#555f6d;font-size:13px;margin:4px 0}
    .chart-section.half{display:inline-block;vertical-align:top;margin-right:14px;max-width:552px}
    svg.chart{display:block;max-width:100%;height:auto;background:#fbfcfe;border:1px solid #e3e7ee}
    .chart-title{font-size:13px;font-weight:600;fill:#1d2430}
    .tick{font-size:11px;fill:#555f6d}.axis-label{font-size:12px;fill:#333c49}
    .grid{stroke:#e6e9ef;stroke-width:1}.axis,.tickmark{stroke:#8a94a3;stroke-width:1}
    .bar{fill:#3b6fb6}.drawdown .bar{fill:#b5523b}
    .marker line{stroke:#1d2430;stroke-dasharray:4 3}.marker text,.gate text{font-size:11px;fill:#1d2430}
    .gate line{stroke:#c0392b;stroke-width:2}.gate text{fill:#c0392b}
    .zero{stroke:#8a94a3;stroke-dasharray:2 3}
    .band-outer{fill:#9fc0e8;fill-opacity:.55;stroke:none}.band-inner{fill:#4f86c6;fill-opacity:.55;stroke:none}
    polyline.edge{fill:none;stroke:#4f86c6;stroke-width:1}polyline.median,line.median{fill:none;stroke:#0f2f5c;stroke-width:2}
    .legend text{font-size:11px;fill:#333c49}
    .deployable-region rect{fill:#2e9e5b;fill-opacity:.10}.deployable-region line{stroke:#2e9e5b;stroke-dasharray:5 3}
    .deployable-region text{font-size:11px;fill:#1f7a44}
    .pareto{fill:none;stroke:#6b7685;stroke-dasharray:3 3}
    .point{stroke:#fff;stroke-width:1.5}.point.deployable{fill:#2e9e5b}.point.blocked{fill:#e0a526}.point.outside{fill:#c0392b}
    .label{font-size:11px;fill:#1d2430}
    .errorbar line{stroke-width:1.5}.errorbar line.roi{stroke:#1d2430}
    .errorbar line.liq-pass{stroke:#2e9e5b}.errorbar line.liq-inconclusive{stroke:#e0a526}\
    .errorbar line.liq-fail{stroke:#c0392b}
    rect.band{fill-opacity:.22;stroke:none}rect.band.pass{fill:#2e9e5b}rect.band.inconclusive{fill:#e0a526}\
    rect.band.fail{fill:#c0392b}
    table{border-collapse:collapse;font-size:13px;margin:4px 0}
    th,td{border-bottom:1px solid #e3e7ee;padding:3px 10px;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    th{background:#f1f4f8}
    .verdict-pass{color:#1f7a44;font-weight:600}.verdict-fail{color:#c0392b;font-weight:600}
    footer{margin-top:24px;border-top:2px solid #1d2430;font-size:12px}
    dl{display:grid;grid-template-columns:max-content auto;gap:2px 14px}dt{color:#555f6d}dd{margin:0;font-family:monospace}
    .disclaimer{font-weight:600}
    """
}
