/// The epochs of a path's last events, kept only when a rule runs (for `EpochState`).
struct RuleMarks {
  var lastDeleverageEpoch = -1
  var lastFloorViolationEpoch = -1
  var liquidationEpoch = -1

  /// Copies the marks and the path's event counts so far into `state`.
  @inline(__always)
  func fill(_ state: inout EpochState, _ record: PathRecord) {
    state.throttleEvents = record.throttleEvents
    state.spreadAdjustments = record.spreadAdjustments
    state.deleverageEvents = record.deleverageEvents
    state.floorViolations = record.floorViolations
    state.lastDeleverageEpoch = lastDeleverageEpoch
    state.lastFloorViolationEpoch = lastFloorViolationEpoch
    state.liquidationEpoch = liquidationEpoch
  }
}
