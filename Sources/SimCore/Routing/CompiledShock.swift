/// A pool-graph shock with its token indices resolved.
struct CompiledShock: Sendable {
  enum Kind: Sendable { case capital, bridgeHalt, poolDepeg, oracleLag }
  var kind = Kind.capital
  /// `haltTokens[tokenStart ..< tokenStart + tokenCount]` are the halted tokens.
  var tokenStart = 0
  var tokenCount = 0
  var token = -1
  var epochs = 0
  var lag = 0
  var depthFactor = 1.0
  var discount = 0.0
  var exitShare = 0.0
  var price = 1.0
}
