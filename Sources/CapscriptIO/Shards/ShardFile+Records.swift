import SimCore

extension ShardFile {
  /// The slice's payload: every record (`recordBytes` each, little-endian),
  /// then every routing value.
  /// - Complexity: O(paths × (record + stride)).
  static func encode(_ slice: RunSlice) -> [UInt8] {
    let n = slice.records.count
    var bytes = [UInt8](repeating: 0, count: n * recordBytes + 8 * slice.routingValues.count)
    bytes.withUnsafeMutableBytes { out in
      var at = 0
      func put(_ x: Double) {
        out.storeBytes(of: x.bitPattern.littleEndian, toByteOffset: at, as: UInt64.self)
        at += 8
      }
      func put(_ x: Int32) {
        out.storeBytes(of: x.littleEndian, toByteOffset: at, as: Int32.self)
        at += 4
      }
      for r in slice.records {
        for x in [r.roi, r.pnl, r.maxDrawdown, r.badDebt] { put(x) }
        for term in r.attribution.terms { put(term.value) }
        for c in [r.floorViolations, r.throttleEvents, r.spreadAdjustments, r.deleverageEvents, r.pegDeviationEpochs] {
          put(c)
        }
        put(Int32(r.liquidated ? 1 : 0))
      }
      for x in slice.routingValues { put(x) }
    }
    return bytes
  }

  /// Reads a payload written by `encode` for `header`'s slice.
  /// - Precondition: `bytes` has the size the header implies.
  static func decode(_ bytes: UnsafeRawBufferPointer, header: ShardHeader) -> RunSlice {
    var at = 0
    func double() -> Double {
      defer { at += 8 }
      return Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
    }
    func int32() -> Int32 {
      defer { at += 4 }
      return Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int32.self))
    }
    let range = header.range
    var records: [PathRecord] = []
    records.reserveCapacity(range.count)
    for _ in range {
      var r = PathRecord()
      r.roi = double()
      r.pnl = double()
      r.maxDrawdown = double()
      r.badDebt = double()
      r.attribution.yield = double()
      r.attribution.marketMaking = double()
      r.attribution.volatilityDrag = double()
      r.attribution.interventionDrag = double()
      r.attribution.redemptionDrag = double()
      r.attribution.liquidationLoss = double()
      r.attribution.deleverageCost = double()
      r.floorViolations = int32()
      r.throttleEvents = int32()
      r.spreadAdjustments = int32()
      r.deleverageEvents = int32()
      r.pegDeviationEpochs = int32()
      r.liquidated = int32() != 0
      records.append(r)
    }
    let values = (0..<(range.count * header.routingStride)).map { _ in double() }
    return RunSlice(
      first: range.lowerBound, records: records, routingValues: values, routingStride: header.routingStride)
  }
}
