import SimCore

extension ShardFile {
  /// The record's floating-point fields, in payload order. Every stored field
  /// of `PathRecord` is in this list or in `countFields`, and `encode` and
  /// `decode` spell them out in this order (key paths would cost a third of a
  /// merge); tests hold the lists against the type and the codec against the
  /// lists, so a new per-path field cannot be dropped by a merge.
  static let doubleFields: [(name: String, key: any WritableKeyPath<PathRecord, Double> & Sendable)] = [
    ("roi", \.roi), ("pnl", \.pnl), ("maxDrawdown", \.maxDrawdown), ("badDebt", \.badDebt), ("twr", \.twr),
    ("navMaxDrawdown", \.navMaxDrawdown), ("redemptionsPaid", \.redemptionsPaid), ("weight", \.weight),
    ("peakLoanToValue", \.peakLoanToValue),
    ("attribution.yield", \.attribution.yield), ("attribution.marketMaking", \.attribution.marketMaking),
    ("attribution.volatilityDrag", \.attribution.volatilityDrag),
    ("attribution.interventionDrag", \.attribution.interventionDrag),
    ("attribution.redemptionDrag", \.attribution.redemptionDrag),
    ("attribution.liquidationLoss", \.attribution.liquidationLoss),
    ("attribution.deleverageCost", \.attribution.deleverageCost),
  ]

  /// The record's 32-bit counters and epochs, in payload order (after the doubles).
  static let countFields: [(name: String, key: any WritableKeyPath<PathRecord, Int32> & Sendable)] = [
    ("floorViolations", \.floorViolations), ("throttleEvents", \.throttleEvents),
    ("spreadAdjustments", \.spreadAdjustments), ("deleverageEvents", \.deleverageEvents),
    ("pegDeviationEpochs", \.pegDeviationEpochs), ("liquidationEpoch", \.liquidationEpoch),
    ("firstFloorViolationEpoch", \.firstFloorViolationEpoch),
  ]

  /// Bytes per path record: the doubles, the counters and the `liquidated` flag (4 bytes).
  static var recordBytesOfFields: Int { 8 * doubleFields.count + 4 * countFields.count + 4 }

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
        for x in [r.roi, r.pnl, r.maxDrawdown, r.badDebt, r.twr, r.navMaxDrawdown, r.redemptionsPaid, r.weight] {
          put(x)
        }
        put(r.peakLoanToValue)
        let a = r.attribution
        for x in [a.yield, a.marketMaking, a.volatilityDrag, a.interventionDrag, a.redemptionDrag] { put(x) }
        put(a.liquidationLoss)
        put(a.deleverageCost)
        for c in [r.floorViolations, r.throttleEvents, r.spreadAdjustments, r.deleverageEvents, r.pegDeviationEpochs] {
          put(c)
        }
        put(r.liquidationEpoch)
        put(r.firstFloorViolationEpoch)
        put(Int32(r.liquidated ? 1 : 0))
      }
      for x in slice.routingValues { put(x) }
    }
    return bytes
  }

  /// Reads a payload written by `encode` for `header`'s slice.
  /// - Precondition: `bytes` has the size the header implies.
  static func decode(_ bytes: UnsafeRawBufferPointer, header: ShardHeader) -> RunSlice {
    decode(bytes, range: header.range, routingStride: header.routingStride)
  }

  /// Reads a payload written by `encode` for the paths `range` with `routingStride` routing values each.
  static func decode(_ bytes: UnsafeRawBufferPointer, range: Range<Int>, routingStride: Int) -> RunSlice {
    var at = 0
    func double() -> Double {
      defer { at += 8 }
      return Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
    }
    func int32() -> Int32 {
      defer { at += 4 }
      return Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int32.self))
    }
    var records: [PathRecord] = []
    records.reserveCapacity(range.count)
    for _ in range {
      var r = PathRecord()
      r.roi = double()
      r.pnl = double()
      r.maxDrawdown = double()
      r.badDebt = double()
      r.twr = double()
      r.navMaxDrawdown = double()
      r.redemptionsPaid = double()
      r.weight = double()
      r.peakLoanToValue = double()
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
      r.liquidationEpoch = int32()
      r.firstFloorViolationEpoch = int32()
      r.liquidated = int32() != 0
      records.append(r)
    }
    let values = (0..<(range.count * routingStride)).map { _ in double() }
    return RunSlice(first: range.lowerBound, records: records, routingValues: values, routingStride: routingStride)
  }
}
