import Foundation
import TestSupport
import Testing

/// `capscript bench --all` at a tiny size: every figure bench/run.sh and
/// bench/README.md quote is printed, named, and positive, and the parametric
/// lines that run.sh reads stay last.
@Suite struct BenchCLITests {
  @Test func benchAllPrintsEveryFigureBeforeTheParametricLines() throws {
    let r = try capscript(["bench", "--all", "--paths", "200", "--repeats", "1"])
    #expect(r.status == 0, "\(r.stderr)")
    let lines = r.stdout.split(separator: "\n").map(String.init)
    let names = lines.map { String($0.prefix { $0 != " " }) }
    #expect(
      names == ["coupled", "lua_call", "result_field", "cap_policy", "sweep_candidate", "startup", "swift", "swift"]
        || names == ["coupled", "lua_call", "result_field", "cap_policy", "sweep_candidate", "startup", "swift"])
    for line in lines {
      let value = line.split(separator: " ").dropFirst().first?.split(separator: "=").last.flatMap { Double($0) }
      #expect((value ?? -1) >= 0, "\(line)")
    }
    #expect(lines.last?.hasPrefix("swift threads=") == true)
  }
}
