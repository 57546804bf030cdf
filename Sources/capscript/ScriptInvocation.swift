/// `capscript [host options] FILE.lua [args...]` is `capscript script ...`.
enum ScriptInvocation {
  /// Prepends `script` when the first argument that is neither an option nor
  /// a host option's value names a `.lua` file; anything after the file is the
  /// script's own.
  static func rewrite(_ arguments: [String]) -> [String] {
    var i = 0
    while i < arguments.count, arguments[i].hasPrefix("-") {
      i += HostOptions.valueOptions.contains(arguments[i]) ? 2 : 1
    }
    guard i < arguments.count, arguments[i].hasSuffix(".lua") else { return arguments }
    return ["script"] + arguments
  }
}
