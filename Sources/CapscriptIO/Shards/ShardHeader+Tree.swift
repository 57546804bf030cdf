public import SimCore

extension ShardHeader {
  /// The header as written: one canonical JSON line.
  public var tree: ConfigValue {
    guard case .object(var fields) = identityTree else { return identityTree }
    fields["format"] = .string(Self.format)
    fields["run"] = .string(runID)
    fields["scenario"] = .string(scenario)
    fields["source"] = .string(source)
    fields["overrides"] = .array(overrides.map { .array([.string($0.key), $0.value]) })
    fields["confidence"] = confidence.map(ConfigValue.number) ?? .null
    fields["shard"] = .number(Double(slice.index))
    fields["shards"] = .number(Double(slice.count))
    fields["first_path"] = .number(Double(range.lowerBound))
    fields["path_count"] = .number(Double(range.count))
    fields["record_bytes"] = .number(Double(ShardFile.recordBytes))
    fields["routing_stride"] = .number(Double(routingStride))
    fields["payload_bytes"] = .number(Double(payloadBytes))
    fields["payload_hash"] = .string(payloadHash)
    return .object(fields)
  }

  /// Reads a header line of `file`; a missing or malformed field is an error naming it.
  public init(tree: ConfigValue, file: String) throws(OutputError) {
    func fail(_ field: String, _ why: String) -> OutputError {
      OutputError("\(file): not a capscript shard: header field \"\(field)\" \(why)")
    }
    func string(_ key: String) throws(OutputError) -> String {
      guard case .string(let s)? = tree[key] else { throw fail(key, "must be a string") }
      return s
    }
    func count(_ key: String, from low: Int) throws(OutputError) -> Int {
      guard case .number(let x)? = tree[key], x == x.rounded(), x >= Double(low), x < 9e15 else {
        throw fail(key, "must be a whole number of at least \(low)")
      }
      return Int(x)
    }
    guard case .string(Self.format)? = tree["format"] else { throw fail("format", "must be \"\(Self.format)\"") }
    scenario = try string("scenario")
    source = try string("source")
    guard case .array(let pairs)? = tree["overrides"] else { throw fail("overrides", "must be an array") }
    var overrides: [(key: String, value: ConfigValue)] = []
    for pair in pairs {
      guard case .array(let kv) = pair, kv.count == 2, case .string(let key) = kv[0] else {
        throw fail("overrides", "must hold [field, value] pairs")
      }
      overrides.append((key, kv[1]))
    }
    self.overrides = overrides
    switch tree["confidence"] {
    case .number(let x)?: confidence = x
    case .null?: confidence = nil
    default: throw fail("confidence", "must be a number or null")
    }
    scenarioHash = try string("scenario_hash")
    policyHash = try string("policy_hash")
    guard let seed = UInt64(try string("seed")) else { throw fail("seed", "must be a whole number 0 ... 2^64-1") }
    self.seed = seed
    paths = try count("paths", from: 1)
    epochs = try count("epochs", from: 1)
    modelVersion = try string("model_version")
    guard let slice = ShardSlice(index: try count("shard", from: 1), count: try count("shards", from: 1)) else {
      throw fail("shard", "must lie within 1 ... shards")
    }
    self.slice = slice
    routingStride = try count("routing_stride", from: 0)
    payloadBytes = try count("payload_bytes", from: 0)
    payloadHash = try string("payload_hash")
    let range = slice.paths(of: paths)
    guard try count("first_path", from: 0) == range.lowerBound, try count("path_count", from: 0) == range.count
    else { throw fail("first_path", "and \"path_count\" must be the paths of slice \(slice.text) of \(paths)") }
    guard try count("record_bytes", from: 1) == ShardFile.recordBytes else {
      throw fail("record_bytes", "must be \(ShardFile.recordBytes) (another capscript version?)")
    }
    guard try string("run") == runID else { throw fail("run", "does not match the header's run fields") }
  }
}
