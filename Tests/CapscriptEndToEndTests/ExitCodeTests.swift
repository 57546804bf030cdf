import TestSupport
import Testing

@testable import SimCore

/// Errors become exit codes in one place (`Capscript.run`): the same codes
/// and the same "capscript: " message from every subcommand.
@Suite struct ExitCodesAtTheRoot {
  @Test(arguments: [["run", "x"], ["validate"], ["table"], ["export"], ["gates"], ["bench"]])
  func aMissingConfigFolderIs65FromEverySubcommand(command: [String]) throws {
    let r = try capscript(command + ["--config", "/nonexistent-capscript-config"])
    #expect(r.status == 65)
    #expect(r.stderr.hasPrefix("capscript: /nonexistent-capscript-config/"), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test func helpOfASubcommandExitsZeroWithItsUsage() throws {
    for command in [["run", "--help"], ["help", "table"], ["validate", "-h"]] {
      let r = try capscript(command)
      #expect(r.status == 0, "\(command): \(r.stderr)")
      #expect(r.stdout.contains("USAGE: capscript "), "\(command)")
      #expect(!r.stderr.contains("capscript: "), "\(command): \(r.stderr)")
    }
  }

  @Test func aValidationErrorInsideARunIsUsage64() throws {
    let r = try capscript(["run", "hub_only_11", "--per-path", "--format", "csv", "--paths", "10"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("Error: --per-path: hub_only_11 is routing-only"), "\(r.stderr)")
  }

  @Test func formatTakesTheResultFormatsByName() throws {
    let r = try capscript(["run", "crash_40pct_external_asset", "--format", "xml"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("'table', 'json', 'csv' or 'markdown'"), "\(r.stderr)")
  }
}

@Suite struct MessagesThatSayWhatToChange {
  @Test func negativePathsSayTheyMustBeAtLeastOne() throws {
    let r = try capscript(["run", "crash_40pct_external_asset", "--paths", "-5"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--paths must be at least 1, got -5"), "\(r.stderr)")
  }

  @Test func anOutFolderUnderAFileFailsBeforeTheScorecard() throws {
    let dir = try folder(with: ["afile": "x"])
    defer { removeFolder(dir) }
    let r = try capscript(["run", "crash_40pct_external_asset", "--paths", "20", "--out", dir + "/afile/sub"])
    #expect(r.status == 1)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr == "capscript: cannot write under \(dir)/afile/sub: \(dir)/afile is a file, not a folder\n")
  }

  @Test func roiMeanStderrIsAtTheTopLevelAndInProvenance() throws {
    let r = try capscript(["run", "crash_40pct_external_asset", "--paths", "200", "--format", "json"])
    #expect(r.status == 0, "\(r.stderr)")
    let tree = try JSONText.parse(r.stdout, file: "stdout")
    guard case .number(let top)? = tree["roi_mean_stderr"] else {
      Issue.record("no top-level roi_mean_stderr")
      return
    }
    #expect(top > 0)
    #expect(tree["provenance"]?["roi_mean_stderr"] == .number(top))
  }
}
