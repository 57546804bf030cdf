internal import CLua
import SimCore

/// Helpers for host functions: reporting errors by status, never by longjmp.
enum Host {
  /// Pushes `message` (prefixed with the caller's `file:line:`) and returns -1,
  /// so the trampoline raises it once the Swift frame has returned.
  static func fail(_ L: OpaquePointer?, _ message: String) -> Int32 {
    capscript_pusherror(L, message)
    return -1
  }

  /// Runs `body`, turning any thrown error into a Lua error by status.
  static func call(_ L: OpaquePointer?, _ body: () throws -> Int32) -> Int32 {
    do { return try body() } catch let e as HostError {
      return fail(L, e.message)
    } catch {
      return fail(L, "\(error)")
    }
  }
}

/// An argument error inside a host function.
struct HostError: Error {
  let message: String
  init(_ message: String) { self.message = message }

  /// "bad argument #n to 'f' (expected T, got U)", as Lua's own functions say it.
  static func argument(_ n: Int, _ function: String, expected: String, _ L: OpaquePointer?) -> HostError {
    HostError("bad argument #\(n) to '\(function)' (\(expected) expected, got \(LuaStack.typeName(L, Int32(n))))")
  }
}
