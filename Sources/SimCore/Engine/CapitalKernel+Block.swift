import Foundation

extension CapitalKernel {
  /// Paths stepped together by `simulateBlock` (a sub-block of the runner's block).
  static let laneCount = 64
  /// Epochs per slab: the random words of a slab are drawn for all lanes at once.
  static let slabEpochs = 16
  /// Words kept per lane-epoch: Philox block 0 and the first word of block 1 (z1 ... z5's fast path).
  static let wordsPerEpoch = 5

  /// Per-worker buffers of the block kernel, reused from block to block.
  struct BlockScratch {
    var lanes: [CapitalLane]
    /// Per lane, when each shock happens (-1: never).
    var shockEpoch: [[Int]]
    /// Per lane, `epochs` values (when the scenario has windows).
    var extraRho: [Double]
    var extraImbalance: [Double]
    /// The slab's words: index `(e * wordsPerEpoch + k) * laneCount + lane`.
    var words: [UInt32]

    init(kernel: CapitalKernel) {
      let n = CapitalKernel.laneCount
      lanes = Array(repeating: CapitalLane(), count: n)
      shockEpoch = Array(repeating: Array(repeating: -1, count: kernel.shocks.count), count: n)
      extraRho = Array(repeating: 0, count: kernel.hasWindows ? n * kernel.epochs : 0)
      extraImbalance = extraRho
      words = Array(repeating: 0, count: CapitalKernel.slabEpochs * CapitalKernel.wordsPerEpoch * n)
    }
  }

  /// Simulates the paths `paths` in parametric mode, epoch slab by epoch slab
  /// over lanes of `laneCount` paths: the Philox words of a slab are drawn for
  /// all lanes in vectors (`Philox4x32.block` on `Lanes`), then each lane runs
  /// the slab's epochs with its state in registers (`Ziggurat.five`: the fast
  /// path, redrawn exactly when a word needs the slow draw). Record `i` (and
  /// band row `i`, for the first `bands.count / epochs` paths) is path
  /// `paths.lowerBound + i`'s, bit for bit what `simulate(path:...)` returns.
  /// Returns false, with partial records, when `cancellation` was set (checked every slab).
  /// - Complexity: O(paths × epochs), no allocation.
  func simulateBlock(
    paths: Range<Int>, scratch: inout BlockScratch, records: UnsafeMutableBufferPointer<PathRecord>,
    bands: UnsafeMutableBufferPointer<Float>?, cancellation: CancellationToken?
  ) -> Bool {
    let bandRows = bands.map { $0.count / max(1, epochs) } ?? 0
    var lo = paths.lowerBound
    while lo < paths.upperBound {
      let hi = min(lo + Self.laneCount, paths.upperBound)
      let first = lo - paths.lowerBound
      let band = LaneBands(base: bands?.baseAddress.map { $0 + first * epochs }, rows: bandRows - first)
      guard simulateLanes(lo..<hi, scratch: &scratch, bands: band, cancellation: cancellation) else { return false }
      for i in 0..<(hi - lo) { records[first + i] = scratch.lanes[i].out }
      lo = hi
    }
    return true
  }

  /// The band rows of a sub-block: lane `i < rows` writes its ROI after epoch t to `base[i * epochs + t]`.
  struct LaneBands {
    let base: UnsafeMutablePointer<Float>?
    let rows: Int
  }

  /// One sub-block of at most `laneCount` paths; the band rows are written as the epochs go.
  // Optimised in debug builds too (as is `drawWords`): unoptimised, the lanes ran about 9x
  // slower than the scalar kernel and doubled the test suite's time. Release code is the same.
  @_optimize(speed)
  private func simulateLanes(
    _ paths: Range<Int>, scratch: inout BlockScratch, bands: LaneBands, cancellation: CancellationToken?
  ) -> Bool {
    let n = paths.count
    for lane in 0..<n { start(lane: lane, path: paths.lowerBound + lane, scratch: &scratch) }
    var t0 = 0
    while t0 < epochs {
      if cancellation?.isCancelled == true { return false }
      let t1 = min(t0 + Self.slabEpochs, epochs)
      drawWords(paths: paths, epochs: t0..<t1, into: &scratch.words)
      scratch.words.withUnsafeBufferPointer { words in
        for lane in 0..<n {
          let band = lane < bands.rows ? bands.base.map { $0 + lane * epochs } : nil
          advance(lane: lane, epochs: t0..<t1, words: words, band: band, scratch: &scratch)
        }
      }
      t0 = t1
    }
    for lane in 0..<n { finish(&scratch.lanes[lane]) }
    return true
  }

  /// The words 0 ... 4 of every (path, epoch) of the slab on the overlay stream, four lanes per vector.
  @_optimize(speed)
  private func drawWords(paths: Range<Int>, epochs: Range<Int>, into words: inout [UInt32]) {
    let n = Self.laneCount
    let stream = Philox4x32.Lanes(repeating: streams.overlay.rawValue)
    let step = Philox4x32.Lanes(0, 1, 2, 3)
    words.withUnsafeMutableBufferPointer { w in
      guard let base = w.baseAddress else { return }
      for (e, t) in epochs.enumerated() {
        let epoch = Philox4x32.Lanes(repeating: UInt32(truncatingIfNeeded: t))
        var lane = 0
        while lane < paths.count {
          let path = Philox4x32.Lanes(repeating: UInt32(truncatingIfNeeded: paths.lowerBound + lane)) &+ step
          let b0 = random.philox.block(path, epoch, .zero, stream)
          let b1 = random.philox.block(path, epoch, .one, stream)
          let row = base + e * Self.wordsPerEpoch * n + lane
          UnsafeMutableRawPointer(row).storeBytes(of: b0.0, as: Philox4x32.Lanes.self)
          UnsafeMutableRawPointer(row + n).storeBytes(of: b0.1, as: Philox4x32.Lanes.self)
          UnsafeMutableRawPointer(row + 2 * n).storeBytes(of: b0.2, as: Philox4x32.Lanes.self)
          UnsafeMutableRawPointer(row + 3 * n).storeBytes(of: b0.3, as: Philox4x32.Lanes.self)
          UnsafeMutableRawPointer(row + 4 * n).storeBytes(of: b1.0, as: Philox4x32.Lanes.self)
          lane += 4
        }
      }
    }
  }

  /// A lane's state at the start of path `path` (the set-up of `simulate`).
  private func start(lane: Int, path: Int, scratch: inout BlockScratch) {
    var l = CapitalLane()
    l.path = path
    l.shifted = isShifted(path: path)
    l.nextShock = schedule(path: path, shifted: l.shifted, logWeight: &l.logWeight, into: &scratch.shockEpoch[lane])
    if hasWindows {
      for t in 0..<epochs {
        scratch.extraRho[lane * epochs + t] = 0
        scratch.extraImbalance[lane * epochs + t] = 0
      }
    }
    l.T = p.capital
    l.peak = p.capital
    l.sigma = p.sigma0
    l.ell = p.ell0
    l.s = p.targetSpreadBps
    l.aSet = p.allocation
    l.lSet = p.leverage
    l.C = l.lSet * l.aSet * l.T / l.S
    l.D = (l.lSet - 1) * l.aSet * l.T
    l.captureSpread = p.targetSpreadBps
    l.capture = captureCurve.capture(atSpreadBps: l.captureSpread)
    scratch.lanes[lane] = l
  }

  /// The per-path outputs once every epoch has run (the end of `simulate`).
  private func finish(_ l: inout CapitalLane) {
    let t0 = p.capital
    l.out.roi = l.T / t0 - 1
    l.out.pnl = l.T - t0
    l.out.maxDrawdown = l.maxDD
    l.out.liquidated = l.liquidated
    l.out.attribution = l.att
    l.flows.write(into: &l.out)
    if let tilt { l.out.weight = tilt.weight(logLikelihoodRatio: l.logWeight) }
  }
}
