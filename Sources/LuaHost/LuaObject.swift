internal import CLua
import Synchronization

/// A Swift value owned by Lua: boxed in a full userdata holding one retained
/// pointer, typed by its metatable, released exactly once by `__gc`.
final class LuaBox<Value> {
  let value: Value
  init(_ value: Value) {
    self.value = value
    LuaObject.liveBoxes.add(1, ordering: .relaxed)
  }
  deinit { LuaObject.liveBoxes.subtract(1, ordering: .relaxed) }
}

package enum LuaObject {
  static let destructedMetatable = "capscript.destructed"
  /// Boxes alive in this process (for tests of the `__gc` contract).
  static let liveBoxes = Atomic<Int>(0)

  /// [-0, +1, m] pushes `value` as a userdata with the metatable `tname`.
  package static func push<Value>(_ L: OpaquePointer?, _ value: Value, tname: String) {
    let box = Unmanaged.passRetained(LuaBox(value)).toOpaque()
    capscript_pushpointer(L, box)
    capscript_setmetatable(L, tname)
  }

  /// The value at `index` if it is a live userdata of type `tname`.
  package static func get<Value>(_ L: OpaquePointer?, _ index: Int32, tname: String, as: Value.Type) -> Value? {
    guard let ud = capscript_testudata(L, index, tname), let p = capscript_getpointer(ud) else { return nil }
    return Unmanaged<LuaBox<Value>>.fromOpaque(p).takeUnretainedValue().value
  }

  /// `__gc` for boxes of `Value`: releases the box once, then marks the
  /// userdata destructed (a resurrected object then reports a clear error).
  package static func collect<Value>(_ L: OpaquePointer?, tname: String, as: Value.Type) -> Int32 {
    guard let ud = capscript_testudata(L, 1, tname), let p = capscript_getpointer(ud) else { return 0 }
    capscript_clearpointer(ud)
    Unmanaged<LuaBox<Value>>.fromOpaque(p).release()
    lua_settop(L, 1)
    capscript_setmetatable(L, destructedMetatable)
    return 0
  }

  /// [-0, +0, m] registers the metatable that collected objects are moved to.
  package static func registerDestructed(_ L: OpaquePointer?) {
    LuaStack.registerMetatable(
      L, tname: destructedMetatable,
      metamethods: [
        ("__index", { L in Binding.fail(L, "this object was already collected") }),
        (
          "__tostring",
          { L in
            LuaStack.push(L, string: "(collected capscript object)")
            return 1
          }
        ),
      ])
  }
}

extension LuaState {
  /// The Swift box behind the userdata in the global `name`, if any: lets tests
  /// watch an object's lifetime with a weak reference.
  func box(ofGlobal name: String) -> AnyObject? {
    lua_getglobal(L, name)
    defer { capscript_pop(L, 1) }
    guard let ud = lua_touserdata(L, -1), let p = capscript_getpointer(ud) else { return nil }
    return Unmanaged<AnyObject>.fromOpaque(p).takeUnretainedValue()
  }
}
