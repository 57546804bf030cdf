/// How an optimizer sweep chooses its candidates (MODEL.md section 6), decoded
/// from a scenario's `sweep` block or from `cap.sweep{...}` through one schema.
///
/// - `grid`: `{field: [values]}`, the Cartesian product (every combination);
///   fields vary in sorted-name order, the first slowest.
/// - `random` / `latinHypercube`: `{field: [low, high]}` with `samples`
///   candidates, drawn from the design seed (never from the market paths).
/// - `halving`: successive halving over the design's candidates: all on
///   `initialPaths`, the better half again on twice as many, up to the
///   scenario's paths; a round also keeps every candidate that is not
///   significantly worse than its leader (`Sweep.promoted`, paired intervals).
public struct SweepSpec: Sendable {
  public enum Design: Sendable {
    case grid([(field: String, values: [ConfigValue])])
    case random([(field: String, low: Double, high: Double)], samples: Int)
    case latinHypercube([(field: String, low: Double, high: Double)], samples: Int)
  }

  public var design: Design
  public var halving: Bool
  public var initialPaths: Int
  public var designSeed: UInt64

  public static let fields = ["grid", "random", "latinHypercube", "samples", "halving", "initialPaths", "seed"]

  /// The most candidates a design may have: a grid's product of axis lengths,
  /// a random or Latin hypercube design's `samples`. Every candidate is built
  /// and validated before anything runs, in one host call.
  public static let maxCandidates = 100_000

  public init(_ value: ConfigValue, file: String, path: [String] = ["sweep"]) throws(ConfigError) {
    let r = try ConfigReader(value, file: file, path: path)
    let samples = try r.integer("samples", default: 16, in: 1...Self.maxCandidates)
    halving = try r.bool("halving", default: false)
    initialPaths = try r.integer("initialPaths", default: 500, in: 1...10_000_000)
    designSeed = UInt64(try r.integer("seed", default: 1, in: 0...(1 << 53)))
    let given = ["grid", "random", "latinHypercube"].filter { r.raw($0) != nil }
    guard given.count == 1 else {
      throw ConfigError(
        .missingField, file: file, field: path.joined(separator: "."),
        given.isEmpty
          ? "needs one design: grid, random or latinHypercube"
          : "give one design, not \(given.joined(separator: " and "))")
    }
    let block = try r.child(given[0])
    guard case .object(let fields)? = r.raw(given[0]), !fields.isEmpty else {
      throw ConfigError(.missingField, file: file, field: (path + [given[0]]).joined(separator: "."), "names no fields")
    }
    let names = fields.keys.sorted()
    if given[0] == "grid" {
      var axes: [(field: String, values: [ConfigValue])] = []
      for name in names {
        let values = try block.array(name)
        if values.isEmpty {
          throw ConfigError(.missingField, file: file, field: block.fieldName(name), "has no values")
        }
        axes.append((name, values))
      }
      // The product, stopped as soon as it passes the limit (it cannot overflow).
      var count = 1
      for axis in axes where count <= Self.maxCandidates { count *= axis.values.count }
      if count > Self.maxCandidates {
        let sizes = axes.map { "\($0.values.count) \($0.field)" }.joined(separator: " × ")
        throw ConfigError(
          .outOfRange, file: file, field: (path + ["grid"]).joined(separator: "."),
          "has more than \(Self.maxCandidates) candidates (\(sizes)): use fewer values, or a random or "
            + "latinHypercube design with samples")
      }
      design = .grid(axes)
    } else {
      var ranges: [(field: String, low: Double, high: Double)] = []
      for name in names {
        let bounds = try block.array(name)
        guard bounds.count == 2, case .number(let lo) = bounds[0], case .number(let hi) = bounds[1], lo <= hi else {
          throw ConfigError(
            .wrongType, file: file, field: block.fieldName(name), "expected [low, high] with low <= high")
        }
        ranges.append((name, lo, hi))
      }
      design = given[0] == "random" ? .random(ranges, samples: samples) : .latinHypercube(ranges, samples: samples)
    }
    try r.finish()
  }

  /// The candidates' field assignments, in candidate order.
  public func assignments() -> [[(key: String, value: ConfigValue)]] {
    switch design {
    case .grid(let axes):
      var out: [[(key: String, value: ConfigValue)]] = [[]]
      for axis in axes {
        out = out.flatMap { prefix in axis.values.map { prefix + [(axis.field, $0)] } }
      }
      return out
    case .random(let ranges, let n):
      let g = UniformSource(seed: designSeed)
      return (0..<n).map { c in
        ranges.enumerated().map { d, r in
          let u = g.uniforms(path: c, epoch: d, block: 0, stream: .design).0
          return (r.field, .number(r.low + u * (r.high - r.low)))
        }
      }
    case .latinHypercube(let ranges, let n):
      let g = UniformSource(seed: designSeed)
      var columns: [[Double]] = []
      for (d, r) in ranges.enumerated() {
        var strata = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) {
          let u = g.uniforms(path: i, epoch: d, block: 1, stream: .design).0
          strata.swapAt(i, min(Int(u * Double(i + 1)), i))
        }
        columns.append(
          (0..<n).map { c in
            let u = g.uniforms(path: c, epoch: d, block: 2, stream: .design).0
            return r.low + (Double(strata[c]) + u) / Double(n) * (r.high - r.low)
          })
      }
      return (0..<n).map { c in ranges.enumerated().map { d, r in (r.field, .number(columns[d][c])) } }
    }
  }
}
