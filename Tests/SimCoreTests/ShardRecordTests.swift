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

  /// The payload hash (values computed independently), and every one- and
  /// two-bit change of a payload changes it (plain FNV-1a over words misses
  /// two changes of words' top bits).
  @Test func payloadHashReadsLittleEndianWordsAndSeesEveryBitPair() {
    let bytes: [UInt8] = Array(1...11)
    #expect(Array(bytes[..<8]).withUnsafeBytes { ContentHash.words(bytes: $0) } == "1b77512ca33c0100")
    #expect(bytes.withUnsafeBytes { ContentHash.words(bytes: $0) } == "ddf931aaa6bda3e8")
    #expect([UInt8]().withUnsafeBytes { ContentHash.words(bytes: $0) } == "cbf29ce484222325")
    let payload = (0..<24).map { UInt8(truncatingIfNeeded: $0 &* 37) }
    let hash = payload.withUnsafeBytes { ContentHash.words(bytes: $0) }
    let bits = 8 * payload.count
    var single = Set<String>()
    var missed = 0
    for a in 0..<bits {
      var once = payload
      once[a / 8] ^= 1 << (a % 8)
      single.insert(once.withUnsafeBytes { ContentHash.words(bytes: $0) })
      for b in (a + 1)..<bits {
        var twice = once
        twice[b / 8] ^= 1 << (b % 8)
        if twice.withUnsafeBytes({ ContentHash.words(bytes: $0) }) == hash { missed += 1 }
      }
    }
    #expect(single.count == bits && !single.contains(hash))
    #expect(missed == 0)
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
