import SimCore

/// An error inside a binding function, raised in Lua as its message.
package struct BindingError: Error {
  package let message: String
  /// An error with `message`, its control characters escaped (it may repeat a
  /// name a script gave; see `Echo`).
  package init(_ message: String) { self.message = Echo.escapingControls(message) }

  /// "bad argument #n to 'f' (expected T, got U)", as Lua's own functions say it.
  package static func argument(_ n: Int, _ function: String, expected: String, _ L: OpaquePointer?) -> BindingError {
    BindingError("bad argument #\(n) to '\(function)' (\(expected) expected, got \(LuaStack.typeName(L, Int32(n))))")
  }
}
