import ArgumentParser
import CapscriptIO
import SimCore

extension Capscript {
  /// Prints the schema tables: every record's fields with default, range, unit and meaning.
  struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print the scenario, capital, policy and shock schema as JSON or Markdown reference tables.",
      discussion: "docs/REFERENCE.md is `capscript schema --format markdown`; bench/parametric_numpy.py reads the JSON."
    )

    enum Format: String, CaseIterable, ExpressibleByArgument {
      case json, markdown
    }

    @Option(help: "json or markdown.") var format: Format = .json

    func run() {
      switch format {
      case .json: print(SchemaExport.json(), terminator: "")
      case .markdown: print(SchemaExport.markdown(), terminator: "")
      }
    }
  }
}
