import CapscriptIO
import LuaHost
import SimCore

extension CapModule {
  /// cap.report(result | sweep result, "out/report.html") -> path
  ///
  /// Writes one self-contained HTML file. A result that kept no per-epoch
  /// bands is run again with them (same seed, same paths: the same numbers);
  /// a sweep's top deployable candidate is re-run for its distribution charts.
  static func report(_ L: OpaquePointer?) throws -> Int32 {
    guard let path = LuaStack.string(L, 2) else { throw BindingError.argument(2, "report", expected: "string", L) }
    guard path.hasSuffix(".html") || path.hasSuffix(".htm") else {
      throw BindingError("cap.report writes HTML: give a path ending in .html, got \"\(path)\"")
    }
    let context = LuaState.context(L)
    try context.checkWritable(path)
    let html: String
    if var result = LuaObject.get(L, 1, tname: resultType, as: RunResult.self) {
      if result.bands == nil {
        var options = context.runOptions
        options.bandPaths = min(result.scenario.paths, HTMLReport.bandPathLimit)
        result = try Runner.run(result.scenario, options: options)
      }
      html = HTMLReport(run: result).html
    } else if let sweep = LuaObject.get(L, 1, tname: SweepObject.resultTname, as: SweepResult.self) {
      let cap = try context.library().evidence().deployableLeverageCap(sweep.base.policy)
      let detail = try HTMLReport.detailRun(sweep, options: context.runOptions)
      html = HTMLReport(sweep: sweep, leverageCap: cap, detail: detail).html
    } else {
      throw BindingError.argument(1, "report", expected: "result or sweep result", L)
    }
    try OutputFile.write(html, to: context.writeTarget(path))
    LuaStack.push(L, string: path)
    return 1
  }
}
