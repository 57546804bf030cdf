/// The 32-bit words of one (path, epoch, stream) address, drawn block by block:
/// word n comes from Philox block n / 4 of that address, so every draw is a pure
/// function of (seed, path, epoch, draw) however many words a method consumes.
@frozen
public struct WordStream {
  @usableFromInline let philox: Philox4x32
  @usableFromInline let path: UInt32
  @usableFromInline let epoch: UInt32
  @usableFromInline let stream: UInt32
  @usableFromInline var block: UInt32 = 0
  @usableFromInline var words: (UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0)
  @usableFromInline var position = 4

  public init(_ philox: Philox4x32, path: Int, epoch: Int, stream: RandomStream) {
    self.philox = philox
    self.path = UInt32(truncatingIfNeeded: path)
    self.epoch = UInt32(truncatingIfNeeded: epoch)
    self.stream = stream.rawValue
  }

  /// The next word.
  /// - Complexity: one Philox block every fourth call.
  @inlinable @inline(__always)
  public mutating func next() -> UInt32 {
    if position == 4 {
      words = philox.block((path, epoch, block, stream))
      block &+= 1
      position = 0
    }
    defer { position &+= 1 }
    switch position {
    case 0: return words.0
    case 1: return words.1
    case 2: return words.2
    default: return words.3
    }
  }

  /// A uniform in the open interval (0, 1).
  @inlinable
  public mutating func uniform() -> Double { UniformSource.uniform(next()) }
}
