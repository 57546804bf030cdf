public import SimCore

extension ProgressBar {
  /// `options` with this bar added to its `progress` callback (a callback
  /// already there is still called).
  public func attach(to options: RunOptions) -> RunOptions {
    var out = options
    let bar = callback
    if let earlier = options.progress {
      out.progress = { done, total in
        earlier(done, total)
        bar(done, total)
      }
    } else {
      out.progress = bar
    }
    return out
  }

  /// Shows where a sweep is (the `starting` callback of `Sweep.run`): each
  /// round is a new stage (the bar counts the round's paths), and the status
  /// says the round and the candidate.
  public func show(_ step: Sweep.Step) {
    if step.position == 0 { begin() }
    setStatus(step.text)
  }
}
