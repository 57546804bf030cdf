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
  /// The current block's words not yet read, the next one in the low 32 bits
  /// (a shift register: no table, no jump on the word's position).
  @usableFromInline var low: UInt64 = 0
  @usableFromInline var high: UInt64 = 0
  @usableFromInline var position = 4

  public init(_ philox: Philox4x32, path: Int, epoch: Int, stream: RandomStream) {
    self.philox = philox
    self.path = UInt32(truncatingIfNeeded: path)
    self.epoch = UInt32(truncatingIfNeeded: epoch)
    self.stream = stream.rawValue
  }

  /// The stream of the same address positioned after its first `read` words
  /// (0 ..< 4), whose block 0 (`words`) the caller has already computed:
  /// the words it returns next are those `init(_:path:epoch:stream:)` would return
  /// after `read` calls of `next()`.
  @inlinable
  init(
    _ philox: Philox4x32, path: Int, epoch: Int, stream: RandomStream,
    firstBlock words: (UInt32, UInt32, UInt32, UInt32), read: Int
  ) {
    self.init(philox, path: path, epoch: epoch, stream: stream)
    block = 1
    load(words)
    for _ in 0..<read { skip() }
    position = read
  }

  @inlinable @inline(__always)
  mutating func load(_ w: (UInt32, UInt32, UInt32, UInt32)) {
    low = UInt64(w.0) | UInt64(w.1) << 32
    high = UInt64(w.2) | UInt64(w.3) << 32
  }

  @inlinable @inline(__always)
  mutating func skip() {
    low = low >> 32 | high << 32
    high >>= 32
  }

  /// The next word.
  /// - Complexity: one Philox block every fourth call.
  @inlinable @inline(__always)
  public mutating func next() -> UInt32 {
    if position == 4 {
      load(philox.block((path, epoch, block, stream)))
      block &+= 1
      position = 0
    }
    position &+= 1
    let w = UInt32(truncatingIfNeeded: low)
    skip()
    return w
  }

  /// A uniform in the open interval (0, 1).
  @inlinable
  public mutating func uniform() -> Double { UniformSource.uniform(next()) }
}
