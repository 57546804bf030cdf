/// A per-epoch Lua rule that raised an error: where the rule is defined, the
/// path and epoch it failed at, and Lua's message with its traceback (kept
/// as it is, newlines included).
struct RuleError: Error, CustomStringConvertible {
  let description: String

  init(location: String, path: Int, epoch: Int, message: String) {
    description = "rule \(location) failed at path \(path), epoch \(epoch): \(message)"
  }
}
