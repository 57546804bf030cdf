/// The one rule for native sizes: before a run allocates, the bytes its
/// arrays will take are estimated from the scenario and the options, and a
/// run over `RunOptions.memoryBudget` is refused with a message that names the
/// field (paths, bands, epochs) and the bytes it would need.
///
/// Counted: the per-path records (paths × `PathRecord` stride), the pool
/// statistics of a run on a pool graph (paths × stride × 8 bytes) and the
/// per-epoch ROI bands (band paths × epochs × 4 bytes). A pure check: no
/// allocation, no clock, no file.
public enum RunBudget {
  /// One term of the estimate: the field that sizes it, how, and its bytes.
  public struct Term: Sendable, Equatable {
    public let field: String
    public let detail: String
    public let bytes: Int
  }

  /// The terms of a run of `scenario` over `paths` paths (default: its own)
  /// with `options` (its band paths); products that overflow count as `Int.max`.
  public static func terms(_ scenario: Scenario, paths: Int? = nil, options: RunOptions) -> [Term] {
    let paths = paths ?? scenario.paths
    var terms: [Term] = []
    let record = MemoryLayout<PathRecord>.stride
    var perPath = record
    var detail = "\(record) bytes of record"
    if let routing = scenario.routing {
      let stride = RoutingModel.stride(of: routing.graph)
      perPath = add(perPath, product(stride, 8))
      detail += " + \(stride) pool statistics × 8 bytes"
    }
    terms.append(Term(field: "paths", detail: "\(paths) paths × (\(detail))", bytes: product(paths, perPath)))
    let bandPaths = scenario.capital == nil ? 0 : min(max(0, options.bandPaths), paths)
    if bandPaths > 0 {
      terms.append(
        Term(
          field: "bands", detail: "\(bandPaths) band paths × \(scenario.epochs) epochs × 4 bytes",
          bytes: product(product(bandPaths, scenario.epochs), MemoryLayout<Float>.stride)))
    }
    return terms
  }

  /// The bytes a run needs by `terms(_:paths:options:)`.
  public static func bytes(_ scenario: Scenario, paths: Int? = nil, options: RunOptions) -> Int {
    terms(scenario, paths: paths, options: options).reduce(0) { add($0, $1.bytes) }
  }

  /// Refuses a run of `scenario` over `paths` paths (default: its own) whose
  /// arrays would need more than `options.memoryBudget` bytes.
  /// - Complexity: O(1).
  public static func check(_ scenario: Scenario, paths: Int? = nil, options: RunOptions) throws(RunError) {
    let terms = terms(scenario, paths: paths, options: options)
    let needed = terms.reduce(0) { add($0, $1.bytes) }
    guard needed > options.memoryBudget else { return }
    let largest = terms.max { $0.bytes < $1.bytes }
    let lower = largest?.field == "bands" ? "bands or epochs" : "paths"
    throw .overMemoryBudget(
      "\(scenario.name): the run needs \(bytesText(needed)) of memory, over the budget of "
        + "\(bytesText(options.memoryBudget)) (--max-memory, else half the physical memory): "
        + terms.map { "\($0.field): \($0.detail) = \(bytesText($0.bytes))" }.joined(separator: "; ")
        + "; lower \(lower)")
  }

  /// "123456789 bytes (118 MiB)".
  static func bytesText(_ n: Int) -> String {
    guard n != .max else { return "more than \(Int.max) bytes" }
    let units = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var x = Double(n)
    var unit = ""
    for u in units where x >= 1024 {
      x /= 1024
      unit = u
    }
    return unit.isEmpty ? "\(n) bytes" : "\(n) bytes (\(formatFixed(x, digits: 1)) \(unit))"
  }

  private static func product(_ a: Int, _ b: Int) -> Int {
    let (p, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? .max : p
  }

  private static func add(_ a: Int, _ b: Int) -> Int {
    let (s, overflow) = a.addingReportingOverflow(b)
    return overflow ? .max : s
  }
}
