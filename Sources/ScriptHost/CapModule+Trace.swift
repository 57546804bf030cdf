import CapscriptIO
import LuaHost
import SimCore

extension CapModule {
  /// The `trace` option of cap.run: a number N (the first N paths) or a list
  /// of path indices (0-based, as the per-path `path` column), each below the
  /// scenario's `paths`; returned ascending without repeats, empty when absent.
  static func tracePaths(_ opts: ConfigReader, paths: Int) throws -> [Int] {
    let limit = 10_000
    switch opts.raw("trace") {
    case nil, .bool(false)?:
      return []
    case .number?:
      return PathTrace.first(try opts.integer("trace", default: 0, in: 0...limit), of: paths)
    case .array(let items)?:
      guard items.count <= limit else {
        throw BindingError("cap.run: trace lists \(items.count) paths; at most \(limit) may be traced")
      }
      var chosen = Set<Int>()
      for (i, item) in items.enumerated() {
        guard case .number(let x) = item, x == x.rounded(), x >= 0, x < Double(paths) else {
          throw BindingError(
            "cap.run: trace[\(i + 1)] = \(JSONText.canonical(item)) is not a path index: "
              + "give an integer in [0, \(paths - 1)] (paths are numbered from 0, as the `path` column)")
        }
        chosen.insert(Int(x))
      }
      return chosen.sorted()
    case let other?:
      throw BindingError(
        "cap.run: trace must be a number of paths or a list of path indices, got \(other.typeNameWithArticle)")
    }
  }
}
