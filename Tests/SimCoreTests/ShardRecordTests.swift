import Testing

@testable import CapscriptIO
@testable import SimCore

/// The shard payload carries every stored field of `PathRecord`, so a merge
/// cannot silently drop a per-path figure a later change adds.
@Suite struct ShardRecordTests {
  /// The stored fields of `PathRecord`, with the attribution's terms as `attribution.NAME`.
  static func storedFieldNames() -> Set<String> {
    var names = Set<String>()
    for child in Mirror(reflecting: PathRecord()).children {
      guard let label = child.label else { continue }
      if label == "attribution" {
        for term in Mirror(reflecting: child.value).children { names.insert("attribution." + (term.label ?? "?")) }
      } else {
        names.insert(label)
      }
    }
    return names
  }

  @Test func everyStoredFieldIsInThePayload() {
    let known = Set(ShardFile.doubleFields.map(\.name) + ShardFile.countFields.map(\.name) + ["liquidated"])
    #expect(Self.storedFieldNames() == known)
  }

  @Test func recordsRoundTripBitForBit() {
    var records: [PathRecord] = []
    for p in 0..<3 {
      var r = PathRecord()
      for (i, field) in ShardFile.doubleFields.enumerated() { r[keyPath: field.key] = Double(p * 100 + i) + 0.1 }
      for (i, field) in ShardFile.countFields.enumerated() { r[keyPath: field.key] = Int32(p * 100 + i + 1) }
      r.liquidated = p == 1
      records.append(r)
    }
    let slice = RunSlice(first: 5, records: records, routingValues: [1.5, -2.5, 3.25], routingStride: 1)
    let bytes = ShardFile.encode(slice)
    #expect(bytes.count == 3 * ShardFile.recordBytes + 3 * 8)
    let back = bytes.withUnsafeBytes { ShardFile.decode($0, range: 5..<8, routingStride: 1) }
    #expect(back.records == records)
    #expect(back.routingValues == [1.5, -2.5, 3.25])
  }
}
