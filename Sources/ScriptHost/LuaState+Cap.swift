public import LuaHost

extension LuaState {
  /// Creates a state with the standard libraries, `cap` preloaded as the
  /// global `cap` and as `require "capscript"`, and `libraryPaths` on `package.path`.
  public convenience init(context: HostContext = HostContext(), libraryPaths: [String] = []) throws(ScriptError) {
    try self.init(context: context, libraryPaths: libraryPaths, install: CapModule.register)
  }
}
