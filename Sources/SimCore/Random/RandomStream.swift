import Foundation

/// The independent streams of a run; the stream id is the counter's last word.
public enum RandomStream: UInt32, Sendable {
  /// The capital overlay's five normals per epoch (z1 ... z5).
  case overlay = 0
  /// Coupled mode's order flow, kept apart so the overlay draws match the parametric mode.
  case orderFlow = 1
  /// Whether a probabilistic shock happens on a path.
  case shockOccurrence = 2
  /// Optimizer designs (random and Latin-hypercube candidates).
  case design = 3
  /// The overlay normals of importance sampling's cross-entropy pilot rounds.
  case pilotOverlay = 4
  /// The shock draws of the pilot rounds.
  case pilotShockOccurrence = 5
}
