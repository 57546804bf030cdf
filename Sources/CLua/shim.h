/* capscript's C shim over the Lua 5.4 C API.
 *
 * Swift cannot import the C API's function-like macros, and no Lua error may be
 * raised from a Swift frame (a longjmp would skip Swift cleanup). This header
 * wraps the macros capscript uses as prefixed inline functions, and provides the
 * trampoline that raises an error only after the Swift callback has returned.
 * Each function documents its stack effect in the Lua manual's notation
 * [-o, +p, x]. */
#ifndef CAPSCRIPT_SHIM_H
#define CAPSCRIPT_SHIM_H

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>

#if LUA_VERSION_NUM != 504
#error "capscript needs Lua 5.4"
#endif

#include "capscript_limits.h"

/* A Swift host function: returns the number of results, or -1 with an error
 * message pushed on the stack. It never raises. */
typedef int (*capscript_fn)(lua_State *L);

/* [-0, +0, -] the pseudo-index of upvalue i of the running C function */
static inline int capscript_upvalueindex(int i) { return lua_upvalueindex(i); }

/* [-n, +0, -] */
static inline void capscript_pop(lua_State *L, int n) { lua_pop(L, n); }

/* [-0, +1, m] */
static inline void capscript_newtable(lua_State *L) { lua_newtable(L); }

/* [-0, +0, -] */
static inline int capscript_isnoneornil(lua_State *L, int i) { return lua_isnoneornil(L, i); }

/* [-0, +0, -] */
static inline lua_Number capscript_tonumber(lua_State *L, int i, int *isnum) {
  return lua_tonumberx(L, i, isnum);
}

/* [-0, +0, -] */
static inline lua_Integer capscript_tointeger(lua_State *L, int i, int *isnum) {
  return lua_tointegerx(L, i, isnum);
}

/* [-0, +0, -] the string at i, or NULL when it is not a string (numbers are not
 * converted, so the stack is never changed under a caller's feet). */
static inline const char *capscript_tostring(lua_State *L, int i, size_t *len) {
  if (lua_type(L, i) != LUA_TSTRING) return NULL;
  return lua_tolstring(L, i, len);
}

/* [-0, +0, -] the userdata at i if its metatable is the one registered as
 * tname, or an object's own metatable (capscript_setboxmetatable) whose
 * __metatable is that one; else NULL. Like luaL_testudata, it does not raise. */
static inline void *capscript_testudata(lua_State *L, int i, const char *tname) {
  void *p = lua_touserdata(L, i);
  if (p == NULL || !lua_getmetatable(L, i)) return NULL;
  lua_getfield(L, LUA_REGISTRYINDEX, tname);
  int same = lua_rawequal(L, -1, -2);
  if (!same) {
    lua_pushliteral(L, "__metatable");
    lua_rawget(L, -3);
    same = lua_type(L, -1) == LUA_TTABLE && lua_rawequal(L, -1, -2);
    lua_pop(L, 1);
  }
  lua_pop(L, 2);
  return same ? p : NULL;
}

/* The trampoline: calls the Swift function stored as upvalue 1, and raises the
 * error it reported after its frame has returned. While the Swift frame runs,
 * the memory limit never refuses the function's own allocations (that error
 * would longjmp); a call that leaves the heap over the limit is the memory
 * stop once it has returned (capscript_limits_afterhost). A stopped chunk's
 * host calls raise the stop, before the call and after it (a native run
 * cancelled by the stop says so, not "the run was cancelled"). */
static inline int capscript_trampoline(lua_State *L) {
  capscript_fn f = (capscript_fn)lua_touserdata(L, lua_upvalueindex(1));
  capscript_limits *lim = capscript_limits_of(L);
  if (lim == NULL) {
    int n = f(L);
    return n < 0 ? lua_error(L) : n;
  }
  capscript_limits_raise(L, lim, 1);
  lua_State *outer_L = lim->host_L;
  void *outer_ci = lim->host_ci;
  lua_Debug ar;
  lim->host_L = lua_getstack(L, 0, &ar) ? L : NULL;
  lim->host_ci = lim->host_L != NULL ? (void *)ar.i_ci : NULL;
  int n = f(L);
  lim->host_L = outer_L;
  lim->host_ci = outer_ci;
  capscript_limits_afterhost(L, lim);
  capscript_limits_raise(L, lim, 1);
  return n < 0 ? lua_error(L) : n;
}

/* [-0, +1, m] pushes a Lua function that calls the Swift function f */
static inline void capscript_pushswiftfunction(lua_State *L, capscript_fn f) {
  lua_pushlightuserdata(L, (void *)f);
  lua_pushcclosure(L, capscript_trampoline, 1);
}

/* Message handler: appends a traceback to string messages; keeps other
 * error objects as they are when they have a __tostring. */
static inline int capscript_msghandler(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
      return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/* [-(nargs+1), +(nresults|1), -] calls the function below the nargs arguments in
 * protected mode with the traceback handler; returns the status. */
static inline int capscript_pcall(lua_State *L, int nargs, int nresults) {
  int base = lua_gettop(L) - nargs;
  capscript_limits *lim = capscript_limits_of(L);
  lua_State *host_L = lim != NULL ? lim->host_L : NULL;
  if (lim != NULL) lim->host_L = NULL; /* Lua code called from Swift is limited again */
  lua_pushcfunction(L, capscript_msghandler);
  lua_insert(L, base);
  int status = lua_pcall(L, nargs, nresults, base);
  lua_remove(L, base);
  if (lim != NULL) lim->host_L = host_L;
  return status;
}

/* [-2, +n, e] called with (show, chunk): calls the chunk and returns each of
 * its n results as show(result). The REPL's evaluation runs as one call of
 * this, so printing a value (its __tostring) runs under the chunk's limits. */
static inline int capscript_callandshow(lua_State *L) {
  lua_call(L, 0, LUA_MULTRET);
  int top = lua_gettop(L);
  luaL_checkstack(L, 2, "too many results to print");
  for (int i = 2; i <= top; i++) {
    lua_pushvalue(L, 1);
    lua_pushvalue(L, i);
    lua_call(L, 1, 1);
    lua_replace(L, i);
  }
  return top - 1;
}

/* [-0, +1, -] pushes capscript_callandshow */
static inline void capscript_pushcallandshow(lua_State *L) { lua_pushcfunction(L, capscript_callandshow); }

/* [-0, +1, m] loads a file as a text chunk named "@path" (binary chunks are
 * refused: crafted bytecode can crash the interpreter). */
static inline int capscript_loadfile(lua_State *L, const char *path) {
  return luaL_loadfilex(L, path, "t");
}

/* [-0, +1, m] loads a string as a text chunk with the given chunk name */
static inline int capscript_loadstring(lua_State *L, const char *s, size_t len, const char *name) {
  return luaL_loadbufferx(L, s, len, name, "t");
}

/* Called with (v, key): returns v[key], metamethods included. */
static inline int capscript_gettable_k(lua_State *L) {
  lua_gettable(L, 1);
  return 1;
}

/* [-1, +1, -] replaces the value on top with value[key], read with its
 * metamethods in a protected call; returns the status (on an error, the
 * message replaces the value). */
static inline int capscript_pgetfield(lua_State *L, const char *key) {
  lua_pushcfunction(L, capscript_gettable_k);
  lua_insert(L, -2);
  lua_pushstring(L, key);
  return capscript_pcall(L, 2, 1);
}

/* Runs luaL_openlibs under a protected call. */
static inline int capscript_openlibs_k(lua_State *L) {
  luaL_openlibs(L);
  return 0;
}
/* [-0, +0, -] opens the standard libraries; returns the status */
static inline int capscript_openlibs(lua_State *L) {
  lua_pushcfunction(L, capscript_openlibs_k);
  return capscript_pcall(L, 0, 0);
}

/* [-0, +1, m] creates (or fetches) the metatable registered as tname; returns
 * 1 when it is new. */
static inline int capscript_newmetatable(lua_State *L, const char *tname) {
  return luaL_newmetatable(L, tname);
}

/* [-0, +0, -] sets the metatable registered as tname on the value on top */
static inline void capscript_setmetatable(lua_State *L, const char *tname) {
  luaL_setmetatable(L, tname);
}

/* [-0, +0, v] checks that the library and the headers agree */
static inline void capscript_checkversion(lua_State *L) { luaL_checkversion(L); }

/* [-0, +0, -] the block of LUA_EXTRASPACE bytes beside the main thread,
 * where the host keeps a pointer to its context. */
static inline void **capscript_extraspace(lua_State *L) {
  return (void **)lua_getextraspace(L);
}

/* [-0, +1, m] pushes "chunk:line: msg", positioned at the calling Lua code */
static inline void capscript_pusherror(lua_State *L, const char *msg) {
  luaL_where(L, 1);
  lua_pushstring(L, msg);
  lua_concat(L, 2);
}

/* A boxed Swift object: a full userdata of exactly this size, whose tag is the
 * host's secret. A script cannot make a userdata of this size with this tag
 * (debug.setmetatable can give any userdata a capscript metatable, but not this
 * header), so a forged object is refused before its pointer is read. */
typedef struct capscript_box {
  unsigned long long tag;
  void *object;
} capscript_box;

/* [-0, +1, m] pushes a new box holding p, tagged with tag. Its one user value
 * is the field cache (capscript_cachefield), nil until a field is cached. */
static inline void capscript_pushbox(lua_State *L, void *p, unsigned long long tag) {
  capscript_box *box = (capscript_box *)lua_newuserdatauv(L, sizeof(capscript_box), 1);
  box->tag = tag;
  box->object = p;
}

/* [-0, +0, -] the box at i when ud (the userdata at i) is a full userdata of
 * the box's size carrying tag, else NULL */
static inline capscript_box *capscript_tobox(lua_State *L, int i, void *ud, unsigned long long tag) {
  if (ud == NULL || lua_type(L, i) != LUA_TUSERDATA || lua_rawlen(L, i) != sizeof(capscript_box)) return NULL;
  capscript_box *box = (capscript_box *)ud;
  return box->tag == tag ? box : NULL;
}

/* [-0, +0, m] stores the value on top of the stack (left there) in the field
 * cache of the userdata at i, under the key at k: user value 1, a table made
 * on first use. A userdata without a user value slot caches nothing. */
static inline void capscript_cachefield(lua_State *L, int i, int k) {
  i = lua_absindex(L, i);
  k = lua_absindex(L, k);
  if (lua_getiuservalue(L, i, 1) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_createtable(L, 0, 4);
    lua_pushvalue(L, -1);
    if (!lua_setiuservalue(L, i, 1)) {
      lua_pop(L, 1);
      return;
    }
  }
  lua_pushvalue(L, k);
  lua_pushvalue(L, -3);
  lua_rawset(L, -3);
  lua_pop(L, 1);
}

/* `__index` of boxed objects: a key found in the userdata's field cache is
 * answered here, in C, without a Swift call; any other key goes to the Swift
 * function of upvalue 1 (through the trampoline), which checks the box and may
 * cache the value. The cache is read without checking the box: it holds only
 * values the Swift getter made for this very userdata (a collected box has the
 * destructed metatable, so it never gets here). */
static inline int capscript_cachedindex(lua_State *L) {
  if (lua_type(L, 1) == LUA_TUSERDATA) {
    if (lua_getiuservalue(L, 1, 1) == LUA_TTABLE) {
      lua_pushvalue(L, 2);
      if (lua_rawget(L, -2) != LUA_TNIL) return 1;
      lua_pop(L, 1);
    }
    lua_pop(L, 1);
  }
  return capscript_trampoline(L);
}

/* [-0, +1, m] pushes an `__index` function that answers cached fields and
 * calls the Swift function f for the rest */
static inline void capscript_pushcachedindex(lua_State *L, capscript_fn f) {
  lua_pushlightuserdata(L, (void *)f);
  lua_pushcclosure(L, capscript_cachedindex, 1);
}

/* Per-object field tables. A type registered with a `__fields` table (the
 * metatable of field tables: capscript_pushfieldmeta) gives each object a
 * metatable of its own: a copy of the registered one whose `__index` is the
 * object's field table F (also its user value 1, the field cache of
 * capscript_cachefield) and whose `__metatable` is the registered metatable.
 * A cached field is then read by Lua's own table-valued `__index`, with no
 * call at all; a key F lacks goes to F's metatable, whose `__index`
 * (capscript_fieldindex) finds the object in F and calls the Swift getter.
 * `getmetatable` still answers the registered metatable, so a script never
 * reaches F (only the debug library does), and results stay read-only: a
 * userdata has no `__newindex`. */

/* The key under which a field table holds its object: a light userdata of the
 * table's own address (a script cannot make one). */
static inline const void *capscript_selfkey(lua_State *L, int f) { return lua_topointer(L, f); }

/* `__index` of field tables: (F, key) becomes (object, key) and goes to the
 * Swift getter of upvalue 1 through the trampoline, which checks the object
 * (a table that is no field table passes itself, and the check refuses it). */
static inline int capscript_fieldindex(lua_State *L) {
  if (lua_type(L, 1) == LUA_TTABLE) {
    if (lua_rawgetp(L, 1, capscript_selfkey(L, 1)) == LUA_TUSERDATA) {
      lua_replace(L, 1);
    } else {
      lua_pop(L, 1);
    }
  }
  return capscript_trampoline(L);
}

/* [-0, +1, m] pushes the metatable of field tables: `__index` calls the Swift
 * function f for keys not cached yet */
static inline void capscript_pushfieldmeta(lua_State *L, capscript_fn f) {
  lua_createtable(L, 0, 1);
  lua_pushlightuserdata(L, (void *)f);
  lua_pushcclosure(L, capscript_fieldindex, 1);
  lua_setfield(L, -2, "__index");
}

/* [-0, +0, m] sets the metatable of the userdata on top: the one registered
 * as tname, or, when that one has a `__fields` table, a metatable of the
 * object's own with its field table (see above). */
static inline void capscript_setboxmetatable(lua_State *L, const char *tname) {
  int ud = lua_gettop(L);
  lua_getfield(L, LUA_REGISTRYINDEX, tname);
  int mt = lua_gettop(L);
  lua_pushliteral(L, "__fields");
  if (lua_type(L, mt) != LUA_TTABLE || lua_rawget(L, mt) != LUA_TTABLE) {
    lua_pop(L, 1);
    lua_setmetatable(L, ud);
    return;
  }
  int fieldmeta = lua_gettop(L);
  lua_createtable(L, 0, 8);
  int f = lua_gettop(L);
  lua_pushvalue(L, ud);
  lua_rawsetp(L, f, capscript_selfkey(L, f));
  lua_pushvalue(L, fieldmeta);
  lua_setmetatable(L, f);
  lua_createtable(L, 0, 8);
  int own = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, mt) != 0) {
    lua_pushvalue(L, -2);
    lua_insert(L, -2);
    lua_rawset(L, own);
  }
  lua_pushvalue(L, f);
  lua_setfield(L, own, "__index");
  lua_pushvalue(L, mt);
  lua_setfield(L, own, "__metatable");
  lua_pushnil(L);
  lua_setfield(L, own, "__fields");
  lua_pushvalue(L, f);
  lua_setiuservalue(L, ud, 1);
  lua_setmetatable(L, ud); /* after __gc is in place: the object is marked for finalization */
  lua_settop(L, ud);
}

#endif
