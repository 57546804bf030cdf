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
  /// The secret every box carries in its header: drawn once per process, never
  /// shown to Lua, so a script cannot make a userdata that passes for a box.
  static let tag = UInt64.random(in: 1...UInt64.max)

  /// [-0, +1, m] pushes `value` as a userdata with the metatable `tname`, or,
  /// for a type registered with field tables (`registerMetatable(fieldTables:)`),
  /// with a metatable of its own whose `__index` is its field table.
  package static func push<Value>(_ L: OpaquePointer?, _ value: Value, tname: String) {
    let box = Unmanaged.passRetained(LuaBox(value)).toOpaque()
    capscript_pushbox(L, box, tag)
    capscript_setboxmetatable(L, tname)
  }

  /// The value at `index` if it is a live box of type `tname` holding a
  /// `Value`. A userdata the host did not make (any size or header but a
  /// box's), a collected box, or a box whose metatable was swapped for
  /// another type's (`debug.setmetatable`) is nil, never a pointer read.
  package static func get<Value>(_ L: OpaquePointer?, _ index: Int32, tname: String, as: Value.Type) -> Value? {
    guard let p = box(L, index, tname: tname)?.pointee.object else { return nil }
    let object = Unmanaged<AnyObject>.fromOpaque(p).takeUnretainedValue()
    return (object as? LuaBox<Value>)?.value
  }

  /// [-0, +0, m] caches the value on top of the stack (left there) as the field
  /// named by the key at `key` of the box at `object`, in the box's user value:
  /// the next read of that key is answered in C, without a Swift call
  /// (`registerMetatable(cachedIndex:)`). Only for values that cannot change:
  /// the box's Swift value is immutable, so a number, string, boolean or
  /// method read from it is the same on every read.
  /// - Complexity: O(1); the cache table is made on first use.
  package static func cacheField(_ L: OpaquePointer?, object: Int32, key: Int32) {
    switch lua_type(L, -1) {
    case LUA_TNUMBER, LUA_TSTRING, LUA_TBOOLEAN, LUA_TFUNCTION: capscript_cachefield(L, object, key)
    default: break
    }
  }

  /// [-0, +0, -] the box at `index` when it is a genuine box (size and tag)
  /// with the metatable `tname` (or an own metatable whose `__metatable` is it).
  static func box(_ L: OpaquePointer?, _ index: Int32, tname: String) -> UnsafeMutablePointer<capscript_box>? {
    capscript_tobox(L, index, capscript_testudata(L, index, tname), tag)
  }

  /// `__gc` for boxes of `Value`: releases the box once, then marks the
  /// userdata destructed (a resurrected object then reports a clear error).
  /// A forged userdata passed to a `__gc` taken from a metatable is ignored.
  package static func collect<Value>(_ L: OpaquePointer?, tname: String, as: Value.Type) -> Int32 {
    guard let box = box(L, 1, tname: tname), let p = box.pointee.object else { return 0 }
    box.pointee.object = nil
    Unmanaged<AnyObject>.fromOpaque(p).release()
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
    guard let box = capscript_tobox(L, -1, lua_touserdata(L, -1), LuaObject.tag), let p = box.pointee.object else {
      return nil
    }
    return Unmanaged<AnyObject>.fromOpaque(p).takeUnretainedValue()
  }
}
