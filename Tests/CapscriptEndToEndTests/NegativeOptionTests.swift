import TestSupport
import Testing

/// A negative number after a numeric option is its value, not a missing value
/// (`parsing: .unconditional`): each says what range it takes, with exit 64.
@Suite struct NegativeOptionValues {
  @Test(arguments: [
    (["--epochs", "-5"], "--epochs must be at least 1, got -5"),
    (["--threads", "-5"], "--threads must be at least 1, got -5"),
    (["--seed", "-5"], "seeds are whole numbers from 0 to 2^64-1 (18446744073709551615)"),
    (["--seed", "1.5"], "seeds are whole numbers from 0 to 2^64-1 (18446744073709551615)"),
    (
      ["--confidence", "-5"], "--confidence must be between 0.5 and 0.9999 (the policy's gateConfidence range), got -5"
    ),
    (
      ["--until", "roi_mean:rse<0.1", "--max-paths", "-5"],
      "--max-paths: max paths -5 is outside the allowed range 1...10000000"
    ),
  ])
  func aNegativeValueSaysItsRange(options: [String], message: String) throws {
    let r = try capscript(["run", "crash_40pct_external_asset", "--paths", "10"] + options)
    #expect(r.status == 64)
    #expect(r.stderr.contains(message), "\(r.stderr)")
    #expect(!r.stderr.contains("Missing value"), "\(r.stderr)")
    #expect(r.stdout.isEmpty)
  }

  @Test func theSameOptionsOnValidateSayTheSame() throws {
    let r = try capscript(["validate", "--epochs", "-5"])
    #expect(r.status == 64)
    #expect(r.stderr.contains("--epochs must be at least 1, got -5"), "\(r.stderr)")
  }
}
