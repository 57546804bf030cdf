/// One path's state between two epoch slabs of the block kernel
/// (`CapitalKernel.simulateBlock`): the variables of `CapitalKernel.simulate`'s
/// loop, kept per lane while the block's random words are drawn for the next slab.
struct CapitalLane {
  var path = 0
  var shifted = false
  var logWeight = 0.0
  var nextShock = Int.max
  var T = 0.0
  var peak = 0.0
  var sigma = 0.0
  var S = 1.0
  var P = 1.0
  var ell = 0.0
  var s = 0.0
  var throttled = false
  var liquidated = false
  var aSet = 0.0
  var lSet = 0.0
  var C = 0.0
  var D = 0.0
  var maxDD = 0.0
  var captureSpread = 0.0
  var capture = 0.0
  var att = Attribution()
  var flows = FlowLedger()
  var out = PathRecord()
}
