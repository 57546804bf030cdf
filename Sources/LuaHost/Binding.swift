internal import CLua
import CapscriptIO
import SimCore

/// Helpers for binding functions (Swift functions called from Lua): errors are
/// reported by status, never by longjmp.
/// The type of a binding function: returns a result count, or -1 with a
/// message pushed (the trampoline raises it after the Swift frame returns).
package typealias BindingFunction = @convention(c) (OpaquePointer?) -> Int32

package enum Binding {
  /// Pushes `message` (prefixed with the caller's `file:line:`) and returns -1,
  /// so the trampoline raises it once the Swift frame has returned.
  package static func fail(_ L: OpaquePointer?, _ message: String) -> Int32 {
    capscript_pusherror(L, message)
    return -1
  }

  /// Runs `body`, turning any thrown error into a Lua error by status. In
  /// debug builds, asserts that `body` left at least the results it returns
  /// above the arguments it was given (a binding that pops what it does not
  /// own, or returns more than it pushed, stops here, not in Lua).
  package static func call(_ L: OpaquePointer?, _ body: () throws -> Int32) -> Int32 {
    #if DEBUG
    let arguments = lua_gettop(L)
    #endif
    do {
      let results = try body()
      #if DEBUG
      assert(lua_gettop(L) >= arguments + results || results == 0, "unbalanced Lua stack in a binding")
      #endif
      return results
    } catch let e as BindingError {
      return fail(L, e.message)
    } catch {
      return fail(L, "\(error)")
    }
  }
}
