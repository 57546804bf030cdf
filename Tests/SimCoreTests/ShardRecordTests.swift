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

  /// The payload hash is FNV-1a over little-endian 64-bit words, then the
  /// trailing bytes (values computed independently), and any one-bit change
  /// of a payload changes it.
  @Test func payloadHashReadsLittleEndianWordsAndSeesEveryBit() {
    let bytes: [UInt8] = Array(1...11)
    #expect(Array(bytes[..<8]).withUnsafeBytes { ContentHash.fnv1aWords(bytes: $0) } == "1b77512cb84b502c")
    #expect(bytes.withUnsafeBytes { ContentHash.fnv1aWords(bytes: $0) } == "ed45d0efb9194c6c")
    #expect([UInt8]().withUnsafeBytes { ContentHash.fnv1aWords(bytes: $0) } == "cbf29ce484222325")
    let payload = (0..<24).map { UInt8(truncatingIfNeeded: $0 &* 37) }
    let hash = payload.withUnsafeBytes { ContentHash.fnv1aWords(bytes: $0) }
    var changed = Set<String>()
    for bit in 0..<(8 * payload.count) {
      var damaged = payload
      damaged[bit / 8] ^= 1 << (bit % 8)
      changed.insert(damaged.withUnsafeBytes { ContentHash.fnv1aWords(bytes: $0) })
    }
    #expect(!changed.contains(hash))
    #expect(changed.count == 8 * payload.count)
  }

  /// Decoding into place fills exactly the destination (the merge decodes
  /// each shard into its paths' place in the run's arrays).
  @Test func recordsDecodeIntoTheirPlace() {
    var records: [PathRecord] = []
    for p in 0..<4 {
      var r = PathRecord()
      r.roi = Double(p) + 0.5
      r.liquidationEpoch = Int32(p + 10)
      r.liquidated = p % 2 == 0
      records.append(r)
    }
    let bytes = ShardFile.encode(RunSlice(first: 2, records: records, routingValues: [], routingStride: 0))
    var sentinel = PathRecord()
    sentinel.roi = -99
    var run = [PathRecord](repeating: sentinel, count: 8)
    var none: [Double] = []
    run.withUnsafeMutableBufferPointer { all in
      none.withUnsafeMutableBufferPointer { routing in
        bytes.withUnsafeBytes {
          ShardFile.decode($0, into: UnsafeMutableBufferPointer(rebasing: all[2..<6]), routing: routing)
        }
      }
    }
    #expect(Array(run[2..<6]) == records)
    #expect((run[..<2] + run[6...]).allSatisfy { $0 == sentinel })
  }
}
