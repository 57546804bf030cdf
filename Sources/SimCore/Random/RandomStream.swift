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
}

/// Standard normals and uniforms addressed by (path, epoch, draw block, stream).
@frozen
public struct NormalSource: Sendable {
  public let philox: Philox4x32

  public init(seed: UInt64) { philox = Philox4x32(seed: seed) }

  /// Maps a 32-bit word to a uniform in the open interval (0, 1): never 0, never 1.
  public static func uniform(_ x: UInt32) -> Double {
    (Double(x) + 0.5) * 0x1p-32
  }

  /// Four uniforms in (0, 1) for the given address.
  public func uniforms(path: Int, epoch: Int, block: Int, stream: RandomStream)
    -> (Double, Double, Double, Double)
  {
    let w = philox.block(
      (
        UInt32(truncatingIfNeeded: path), UInt32(truncatingIfNeeded: epoch),
        UInt32(truncatingIfNeeded: block), stream.rawValue
      ))
    return (Self.uniform(w.0), Self.uniform(w.1), Self.uniform(w.2), Self.uniform(w.3))
  }

  /// Four independent standard normals for the given address (Box-Muller on two
  /// pairs of uniforms).
  /// - Complexity: one Philox block, two logarithms, two square roots, two sincos.
  public func normals(path: Int, epoch: Int, block: Int, stream: RandomStream)
    -> (Double, Double, Double, Double)
  {
    let u = uniforms(path: path, epoch: epoch, block: block, stream: stream)
    let r0 = (-2 * log(u.0)).squareRoot()
    let r1 = (-2 * log(u.2)).squareRoot()
    let a0 = 2 * Double.pi * u.1
    let a1 = 2 * Double.pi * u.3
    return (r0 * cos(a0), r0 * sin(a0), r1 * cos(a1), r1 * sin(a1))
  }
}

extension NormalSource {
  /// The first normal of `normals(path:epoch:block:stream:)` alone, for when one is enough.
  public func firstNormal(path: Int, epoch: Int, block: Int, stream: RandomStream) -> Double {
    let w = philox.block(
      (
        UInt32(truncatingIfNeeded: path), UInt32(truncatingIfNeeded: epoch),
        UInt32(truncatingIfNeeded: block), stream.rawValue
      ))
    let u0 = Self.uniform(w.0)
    let u1 = Self.uniform(w.1)
    return (-2 * log(u0)).squareRoot() * cos(2 * Double.pi * u1)
  }
}
