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
    var bytes = [UInt8](
      repeating: 0, count: payloadBytes(paths: slice.records.count, routingStride: slice.routingStride))
    bytes.withUnsafeMutableBytes { encode(slice, into: $0) }
    return bytes
  }

  /// Writes `slice`'s payload (as `encode(_:)` returns it) into `out`.
  /// - Precondition: `out` has exactly the payload's size.
  static func encode(_ slice: RunSlice, into out: UnsafeMutableRawBufferPointer) {
    precondition(out.count == slice.records.count * recordBytes + 8 * slice.routingValues.count, "the payload's size")
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
      put(r.roi)
      put(r.pnl)
      put(r.maxDrawdown)
      put(r.badDebt)
      put(r.twr)
      put(r.navMaxDrawdown)
      put(r.redemptionsPaid)
      put(r.weight)
      put(r.peakLoanToValue)
      put(r.attribution.yield)
      put(r.attribution.marketMaking)
      put(r.attribution.volatilityDrag)
      put(r.attribution.interventionDrag)
      put(r.attribution.redemptionDrag)
      put(r.attribution.liquidationLoss)
      put(r.attribution.deleverageCost)
      put(r.floorViolations)
      put(r.throttleEvents)
      put(r.spreadAdjustments)
      put(r.deleverageEvents)
      put(r.pegDeviationEpochs)
      put(r.liquidationEpoch)
      put(r.firstFloorViolationEpoch)
      put(Int32(r.liquidated ? 1 : 0))
    }
    for x in slice.routingValues { put(x) }
  }

  /// Reads a payload written by `encode` for the paths `range` with `routingStride` routing values each.
  static func decode(_ bytes: UnsafeRawBufferPointer, range: Range<Int>, routingStride: Int) -> RunSlice {
    var records = [PathRecord](repeating: PathRecord(), count: range.count)
    var values = [Double](repeating: 0, count: range.count * routingStride)
    records.withUnsafeMutableBufferPointer { r in
      values.withUnsafeMutableBufferPointer { v in decode(bytes, into: r, routing: v) }
    }
    return RunSlice(first: range.lowerBound, records: records, routingValues: values, routingStride: routingStride)
  }

  /// Reads a payload written by `encode` into `records` (one per path) and
  /// `routing` (the paths' routing values), initializing every element
  /// (both are trivial types, so the memory may be initialized already).
  /// - Precondition: `bytes` holds exactly that many records and values.
  /// - Complexity: O(paths × (record + stride)), no allocation.
  static func decode(
    _ bytes: UnsafeRawBufferPointer, into records: UnsafeMutableBufferPointer<PathRecord>,
    routing: UnsafeMutableBufferPointer<Double>
  ) {
    precondition(bytes.count == records.count * recordBytes + 8 * routing.count, "the payload's size")
    var at = 0
    func double() -> Double {
      defer { at += 8 }
      return Double(bitPattern: UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
    }
    func int32() -> Int32 {
      defer { at += 4 }
      return Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: Int32.self))
    }
    for i in records.indices {
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
      records.initializeElement(at: i, to: r)
    }
    for i in routing.indices { routing.initializeElement(at: i, to: double()) }
  }
}
