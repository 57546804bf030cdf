/// When each of a scenario's shocks happens on a path.
enum ShockSchedule {
  /// Draws, for `path`, whether and when each shock happens (-1: never), into
  /// `epochOf`, and returns the first epoch with a shock (`Int.max`: none).
  /// One block of the shock stream per shock (block = its index): the first
  /// uniform decides `p`, the second the epoch within `from...to`. The capital
  /// and routing kernels share it, so a shock falls on the same epoch in both.
  /// - Complexity: O(shocks), no allocation.
  static func draw(_ shocks: [Shock], random: UniformSource, path: Int, into epochOf: inout [Int])
    -> Int
  {
    var next = Int.max
    for (i, shock) in shocks.enumerated() {
      let u = random.uniforms(path: path, epoch: 0, block: i, stream: .shockOccurrence)
      if shock.probability < 1 && u.0 >= shock.probability {
        epochOf[i] = -1
        continue
      }
      let span = shock.to - shock.from + 1
      let e = shock.from + min(Int(u.1 * Double(span)), span - 1)
      epochOf[i] = e
      next = min(next, e)
    }
    return next
  }

  /// Calls `apply` with the index of every shock scheduled at epoch `t`, in
  /// scenario order, and returns the next epoch with a shock (`Int.max`: none).
  /// Call it only when `t` is the epoch `draw` (or the previous call) returned.
  /// - Complexity: O(shocks); runs only on shock epochs.
  @inline(__always)
  static func fire(at t: Int, epochOf: [Int], _ apply: (Int) -> Void) -> Int {
    var next = Int.max
    for (i, e) in epochOf.enumerated() {
      if e == t {
        apply(i)
      } else if e > t {
        next = min(next, e)
      }
    }
    return next
  }
}
