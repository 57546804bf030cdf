/// A run's Philox generator keyed by its seed, and the uniforms it addresses by
/// (path, epoch, draw block, stream). Normals come from `Ziggurat` over a
/// `WordStream` of `philox`; this type draws no normals itself.
@frozen
public struct UniformSource: Sendable {
  public let philox: Philox4x32

  public init(seed: UInt64) { philox = Philox4x32(seed: seed) }

  /// Maps a 32-bit word to a uniform in the open interval (0, 1): never 0, never 1.
  @inlinable
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
}
