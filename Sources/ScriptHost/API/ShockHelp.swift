import SimCore
import CapscriptIO

/// Help for the shock constructors `cap.shock.<type>`.
enum ShockHelp {
  static func doc(_ name: String) -> String {
    let timing = "timing: at = epoch, or from/to = a window drawn per path; p = probability per path"
    let coupled = Shock.coupledTypeNames.contains(name) ? " (pool graph scenarios only)" : ""
    return "a \(name) shock table{type = \"\(name)\", ...}\(coupled); \(timing); fields: docs/MODEL.md"
  }
}
