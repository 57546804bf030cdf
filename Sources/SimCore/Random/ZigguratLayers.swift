/// The ziggurat's fast-path constants (`kn`, `wn`) in one read-only
/// allocation: indexed by `w & 127`, always in range, so the fast path has no
/// bounds checks. `Ziggurat.standard` makes the only one a process needs,
/// which lives as long as the process (it is never freed).
struct ZigguratLayers: @unchecked Sendable {
  // @unchecked: the memory is written once in `init` and only read afterwards.
  let kn: UnsafeMutablePointer<Int32>
  let wn: UnsafeMutablePointer<Double>

  init(kn: [Int32], wn: [Double]) {
    precondition(kn.count == 128 && wn.count == 128, "the ziggurat has 128 layers")
    self.kn = .allocate(capacity: 128)
    self.wn = .allocate(capacity: 128)
    self.kn.initialize(from: kn, count: 128)
    self.wn.initialize(from: wn, count: 128)
  }

  /// The normal of word `w` when it passes the fast test `|hz| < kn[iz]`
  /// (layer `iz` from the low 7 bits, signed abscissa `hz` from the rest), else nil.
  /// - Complexity: two loads, a compare and a multiply.
  @inline(__always)
  func fast(_ w: UInt32) -> Double? {
    let hz = Int32(bitPattern: w) >> 7
    let iz = Int(w & 127)
    return hz.magnitude < UInt32(bitPattern: kn[iz]) ? Double(hz) * wn[iz] : nil
  }
}
