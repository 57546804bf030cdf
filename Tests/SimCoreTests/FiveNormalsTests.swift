import Foundation
import Testing

@testable import CapscriptIO
@testable import SimCore

@Suite struct FiveNormalsMatchTheWordStream {
  /// `Ziggurat.five` against five `normal(_:)` calls, on addresses that include
  /// wedge, tail and beyond-the-first-blocks slow draws.
  @Test func fiveEqualsFiveCallsBitForBit() {
    let zig = Ziggurat.standard
    let philox = Philox4x32(seed: 7)
    var slow = 0
    var tail = 0
    for path in 0..<20_000 {
      var words = WordStream(philox, path: path, epoch: 3, stream: .overlay)
      let expected = (0..<5).map { _ in zig.normal(&words) }
      // Five fast draws read five words: block 2 is next, at position 1.
      if words.block > 2 || words.position > 1 { slow += 1 }
      if expected.contains(where: { abs($0) > Ziggurat.r }) { tail += 1 }
      let b0 = philox.block((UInt32(path), 3, 0, 0))
      let b1 = philox.block((UInt32(path), 3, 1, 0))
      let z = zig.five(b0, b1.0, philox: philox, path: path, epoch: 3, stream: .overlay)
      let got = [z.0, z.1, z.2, z.3, z.4]
      #expect(got.map(\.bitPattern) == expected.map(\.bitPattern), "path \(path)")
    }
    #expect(slow > 100 && tail > 5)
  }

  @Test func aStreamPositionedAfterItsFirstWordsContinuesIt() {
    let philox = Philox4x32(seed: 11)
    for read in 0..<4 {
      var plain = WordStream(philox, path: 9, epoch: 4, stream: .pilotOverlay)
      for _ in 0..<read { _ = plain.next() }
      var placed = WordStream(
        philox, path: 9, epoch: 4, stream: .pilotOverlay, firstBlock: philox.block((9, 4, 0, 4)), read: read)
      #expect((0..<12).map { _ in plain.next() } == (0..<12).map { _ in placed.next() })
    }
  }
}
