import Foundation
import TestSupport
import Testing

@testable import CapscriptIO
@testable import SimCore

/// `capscript schema` prints the schema tables the NumPy bench and docs/REFERENCE.md are made from.
@Suite struct SchemaCommand {
  @Test func jsonIsTheExportAndNamesEveryCapitalField() throws {
    let r = try capscript(["schema", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout == SchemaExport.json())
    let tree = try JSONText.parse(r.stdout, file: "stdout")
    guard case .array(let fields)? = tree["capitalEfficiency"] else {
      Issue.record("no capitalEfficiency array")
      return
    }
    #expect(fields.compactMap { $0["name"] } == CapitalSchema.names.map(ConfigValue.string))
  }

  @Test func markdownIsTheCommittedReference() throws {
    let r = try capscript(["schema", "--format", "markdown"])
    #expect(r.status == 0, "\(r.stderr)")
    let committed = try String(contentsOfFile: packageRoot + "/docs/REFERENCE.md", encoding: .utf8)
    #expect(r.stdout == committed, "regenerate: swift run capscript schema --format markdown > docs/REFERENCE.md")
  }

  @Test func anUnknownFormatIsAUsageError() throws {
    let r = try capscript(["schema", "--format", "yaml"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("yaml"))
  }
}
