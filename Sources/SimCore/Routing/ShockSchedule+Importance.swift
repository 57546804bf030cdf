import Foundation

extension ShockSchedule {
  /// `draw` under importance sampling: a shock with `p` < 1 happens with
  /// probability q = `probabilities[i]` instead (NaN: q = p) when `tilted`
  /// (with p on a defensive path), from `stream`, and adds log(p/q) to
  /// `logWeight` when it happens, log((1-p)/(1-q)) when not, either way.
  /// The epoch within `from...to` is drawn as in `draw`, so with q = p and the
  /// run's stream the schedule is the plain one.
  /// - Complexity: O(shocks), no allocation.
  static func draw(
    _ shocks: [Shock], random: UniformSource, path: Int, stream: RandomStream, probabilities: [Double],
    tilted: Bool, logWeight: inout Double, into epochOf: inout [Int]
  ) -> Int {
    var next = Int.max
    for (i, shock) in shocks.enumerated() {
      let u = random.uniforms(path: path, epoch: 0, block: i, stream: stream)
      let p = shock.probability
      if p < 1 {
        let q = probabilities[i].isNaN ? p : probabilities[i]
        if u.0 >= (tilted ? q : p) {
          if q != p { logWeight += log((1 - p) / (1 - q)) }
          epochOf[i] = -1
          continue
        }
        if q != p { logWeight += log(p / q) }
      }
      let span = shock.to - shock.from + 1
      let e = shock.from + min(Int(u.1 * Double(span)), span - 1)
      epochOf[i] = e
      next = min(next, e)
    }
    return next
  }
}
