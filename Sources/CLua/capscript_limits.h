/* capscript's limits on a Lua state, with Lua's own mechanisms.
 *
 * A counting allocator enforces the memory limit; a count hook stops a chunk
 * at its deadline or on Ctrl-C. Their state is one capscript_limits struct per
 * Lua state, passed as the allocator's userdata (lua_getallocf reaches it from
 * any thread of the state), so nothing here needs a global: a `static`
 * variable in a header would be one copy per translation unit.
 *
 * Only `stop` is touched from other threads (the signal handler and the
 * watchdog); it is read and written with atomic builtins. */
#ifndef CAPSCRIPT_LIMITS_H
#define CAPSCRIPT_LIMITS_H

#include <lua.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Why a running chunk must stop. */
enum {
  CAPSCRIPT_STOP_NONE = 0,
  CAPSCRIPT_STOP_INTERRUPT = 1,
  CAPSCRIPT_STOP_TIMEOUT = 2,
  CAPSCRIPT_STOP_MEMORY = 3
};

/* Instructions between two runs of the count hook. */
enum { CAPSCRIPT_HOOK_COUNT = 1000 };

/* Bytes a stopped chunk may still allocate beyond the limit, so that the
 * error it is stopped with can be built and reported. */
enum { CAPSCRIPT_MEMORY_RESERVE = 1 << 20 };

#define CAPSCRIPT_LIMITS_MAGIC 0x6361706cu

typedef struct capscript_limits {
  unsigned magic;    /* tells this struct from another allocator's userdata */
  size_t used;       /* bytes the state holds now */
  size_t limit;      /* growth beyond this is refused while armed; 0: none */
  int armed;         /* the memory limit applies (only while a chunk runs) */
  lua_State *host_L; /* the thread of the innermost Swift host function running, or NULL */
  void *host_ci;     /* that function's call (lua_Debug.i_ci): its own allocations are never refused */
  size_t peak;       /* the most bytes held since the chunk began (tests read it) */
  lua_State *main_L; /* the state's main thread */
  char where[160];   /* "chunk:line:" of the Lua code running at the last refusal, or "" */
  int active;        /* a chunk runs under these limits (between begin and end) */
  int pending;       /* a growth was refused beyond the limit: a memory stop, unless the very
                      * next growth is Lua's retry of the same request after its emergency
                      * collection and fits (capscript_alloc) */
  void *pending_ptr; /* the refused request (pointer, old size or tag, new size) */
  size_t pending_osize;
  size_t pending_nsize;
  double deadline;   /* CLOCK_MONOTONIC seconds; 0: none */
  double timeout;    /* the timeout the deadline came from, for messages */
  int stop;          /* a CAPSCRIPT_STOP_ reason; atomic */
  int warn_on;       /* warn("@on") / warn("@off") */
  int warn_cont;     /* the last warning piece asked for a continuation */
} capscript_limits;

/* Seconds on the monotonic clock. */
static inline double capscript_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* [-0, +0, -] the limits of L's state, or NULL when it was not made by
 * capscript_newstate. */
static inline capscript_limits *capscript_limits_of(lua_State *L) {
  void *ud = NULL;
  lua_getallocf(L, &ud);
  capscript_limits *lim = (capscript_limits *)ud;
  return (lim != NULL && lim->magic == CAPSCRIPT_LIMITS_MAGIC) ? lim : NULL;
}

/* Sets the stop reason unless one is set already; async-signal-safe. */
static inline void capscript_limits_stop(capscript_limits *lim, int reason) {
  int expected = CAPSCRIPT_STOP_NONE;
  __atomic_compare_exchange_n(&lim->stop, &expected, reason, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
}

/* The stop reason, after turning a passed deadline into a timeout. */
static inline int capscript_limits_poll(capscript_limits *lim) {
  int stop = __atomic_load_n(&lim->stop, __ATOMIC_SEQ_CST);
  if (stop == CAPSCRIPT_STOP_NONE && lim->deadline > 0 && capscript_now() >= lim->deadline) {
    capscript_limits_stop(lim, CAPSCRIPT_STOP_TIMEOUT);
    stop = __atomic_load_n(&lim->stop, __ATOMIC_SEQ_CST);
  }
  return stop;
}

/* Turns a refused growth into the memory stop (only on the thread that runs
 * Lua: `pending` is not atomic). */
static inline void capscript_limits_commit(capscript_limits *lim) {
  if (!lim->pending) return;
  lim->pending = 0;
  capscript_limits_stop(lim, CAPSCRIPT_STOP_MEMORY);
}

/* The stop reason, after committing a refused growth and a passed deadline
 * (only on the thread that runs Lua). */
static inline int capscript_limits_check(capscript_limits *lim) {
  capscript_limits_commit(lim);
  return capscript_limits_poll(lim);
}

/* Clears the stop reason (before an evaluation, or after Ctrl-C at a prompt). */
static inline void capscript_limits_clear(capscript_limits *lim) {
  __atomic_store_n(&lim->stop, CAPSCRIPT_STOP_NONE, __ATOMIC_SEQ_CST);
}

/* Arms the limits for one chunk: memory beyond `limit` bytes (0: none) is
 * refused, and the chunk stops `timeout` seconds from now (0: never). */
static inline void capscript_limits_begin(capscript_limits *lim, size_t limit, double timeout) {
  capscript_limits_clear(lim);
  lim->pending = 0;
  lim->peak = lim->used;
  lim->where[0] = '\0';
  lim->active = 1;
  lim->limit = limit;
  lim->armed = limit > 0;
  lim->timeout = timeout;
  lim->deadline = timeout > 0 ? capscript_now() + timeout : 0;
}

/* Disarms the limits after a chunk and clears the stop reason; returns the
 * reason the chunk was stopped for. */
static inline int capscript_limits_end(capscript_limits *lim) {
  int stop = capscript_limits_check(lim);
  lim->active = 0;
  lim->armed = 0;
  lim->deadline = 0;
  capscript_limits_clear(lim);
  return stop;
}

/* Whether the allocation being made comes from the Swift host function
 * itself (not from Lua code it caused to run: a finalizer of a GC step, a
 * metamethod, a callback): the innermost host function's call is still the
 * running one. lua_getstack only reads the call list, so it is safe here. */
static inline int capscript_limits_inhost(capscript_limits *lim) {
  if (lim->host_L == NULL) return 0;
  lua_Debug ar;
  return lua_getstack(lim->host_L, 0, &ar) && (void *)ar.i_ci == lim->host_ci;
}

/* Records in lim->where the position of the Lua code running on the thread
 * that made a refused request (the host call's thread, else the main
 * thread: a coroutine is named at its resume), for the memory stop's message
 * when no error carries one (a refusal caught by pcall, "not enough memory").
 * lua_getstack and lua_getinfo("Sl") only read the call list and the
 * function's prototype: safe inside the allocator. */
static inline void capscript_limits_locate(capscript_limits *lim) {
  lua_State *L = lim->host_L != NULL ? lim->host_L : lim->main_L;
  lim->where[0] = '\0';
  lua_Debug ar;
  for (int level = 0; L != NULL && lua_getstack(L, level, &ar); level++) {
    if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
      snprintf(lim->where, sizeof lim->where, "%s:%d:", ar.short_src, ar.currentline);
      return;
    }
  }
}

/* [-0, +0, -] "chunk:line:" of the Lua code that met the last refusal, or "". */
static inline const char *capscript_limits_where(capscript_limits *lim) { return lim->where; }

/* The allocator: counts every byte, and refuses growth beyond the armed
 * limit, except the Swift host functions' own allocations (an allocation
 * error there would longjmp across Swift frames): those are granted, and a
 * host call that ends over the limit is checked by the trampoline
 * (capscript_limits_afterhost). Lua code that runs inside a host call (a
 * finalizer run by a GC step there, a callback) is refused like any other
 * (issue 16, item 9). Shrinking never fails, as Lua requires.
 *
 * The first refusal is the memory stop (issue 16, item 10: lauxlib's buffers
 * and other direct callers of the allocator raise a plain "not enough memory"
 * and never ask twice), with one exception: Lua's own allocations retry the
 * same request once after an emergency full collection, which frees no
 * memory of its own callers and grows nothing, so when the very next growth
 * is that retry and it fits, the refusal was only garbage and no stop is
 * recorded. Any other next growth (or the hook, a host call, the end of the
 * chunk) commits the stop. */
static inline void *capscript_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  capscript_limits *lim = (capscript_limits *)ud;
  size_t old = ptr != NULL ? osize : 0;
  if (nsize == 0) {
    free(ptr);
    lim->used -= old;
    return NULL;
  }
  int retry = 0;
  if (nsize > old && lim->armed && !capscript_limits_inhost(lim)) {
    retry = lim->pending && ptr == lim->pending_ptr && osize == lim->pending_osize && nsize == lim->pending_nsize;
    if (!retry) capscript_limits_commit(lim);
    int stopped = __atomic_load_n(&lim->stop, __ATOMIC_SEQ_CST) == CAPSCRIPT_STOP_MEMORY;
    size_t cap = stopped ? lim->limit + CAPSCRIPT_MEMORY_RESERVE : lim->limit;
    if (lim->used - old + nsize > cap) {
      if (retry) {
        capscript_limits_commit(lim);
      } else if (!stopped) {
        capscript_limits_locate(lim);
        lim->pending = 1;
        lim->pending_ptr = ptr;
        lim->pending_osize = osize;
        lim->pending_nsize = nsize;
      }
      return NULL;
    }
  }
  void *p = realloc(ptr, nsize);
  if (p == NULL) return NULL;
  if (retry) lim->pending = 0; /* the collection made room: not a stop */
  lim->used = lim->used - old + nsize;
  if (lim->used > lim->peak) lim->peak = lim->used;
  return p;
}

/* After a Swift host function returned (a C frame: errors are safe again):
 * when its granted allocations left the heap over the limit, a full
 * collection decides, as Lua's emergency collection does for Lua code;
 * still over, it is the memory stop. */
static inline void capscript_limits_afterhost(lua_State *L, capscript_limits *lim) {
  if (!lim->armed || lim->used <= lim->limit) return;
  if (__atomic_load_n(&lim->stop, __ATOMIC_SEQ_CST) != CAPSCRIPT_STOP_NONE) return;
  lua_gc(L, LUA_GCCOLLECT, 0);
  if (lim->used > lim->limit) capscript_limits_stop(lim, CAPSCRIPT_STOP_MEMORY);
}

/* The panic function: the error escaped every protected call. */
static inline int capscript_panic(lua_State *L) {
  const char *msg = lua_tostring(L, -1);
  fprintf(stderr, "capscript: unprotected Lua error: %s\n", msg ? msg : "(not a string)");
  fflush(stderr);
  return 0;
}

/* The warning function: off until warn("@on"), like the standalone lua. */
static inline void capscript_warn(void *ud, const char *msg, int tocont) {
  capscript_limits *lim = (capscript_limits *)ud;
  if (!lim->warn_cont && !tocont && msg[0] == '@') {
    if (strcmp(msg, "@on") == 0) lim->warn_on = 1;
    else if (strcmp(msg, "@off") == 0) lim->warn_on = 0;
    return;
  }
  if (lim->warn_on) {
    if (!lim->warn_cont) fputs("Lua warning: ", stderr);
    fputs(msg, stderr);
    if (!tocont) fputs("\n", stderr);
    fflush(stderr);
  }
  lim->warn_cont = tocont;
}

/* A new state on the counting allocator (unarmed), with the panic and
 * warning functions luaL_newstate would set; NULL when out of memory. */
static inline lua_State *capscript_newstate(void) {
  capscript_limits *lim = (capscript_limits *)calloc(1, sizeof *lim);
  if (lim == NULL) return NULL;
  lim->magic = CAPSCRIPT_LIMITS_MAGIC;
  lua_State *L = lua_newstate(capscript_alloc, lim);
  if (L == NULL) {
    free(lim);
    return NULL;
  }
  lim->main_L = L;
  lua_atpanic(L, capscript_panic);
  lua_setwarnf(L, capscript_warn, lim);
  return L;
}

/* Closes a state and frees its limits. */
static inline void capscript_close(lua_State *L) {
  capscript_limits *lim = capscript_limits_of(L);
  lua_close(L);
  free(lim);
}

/* Raises "file:line: <reason>" when a stop reason is set while a chunk runs,
 * and makes the hook run at every instruction: a stop is sticky, every later
 * instruction and every host call raises it again until the chunk has
 * unwound, so pcall, xpcall and __close cannot swallow it for good. Returns
 * when there is no stop. Called by the count hook and by the trampoline
 * (shim.h) before and after every host function; `level` is the function
 * whose line the message names (0: the running one; 1: the nearest Lua
 * function that called it). */
static inline void capscript_limits_raise(lua_State *L, capscript_limits *lim, int level) {
  if (!lim->active) return;
  int stop = capscript_limits_check(lim);
  if (stop == CAPSCRIPT_STOP_NONE) return;
  lua_Debug ar;
  /* From a host call, the nearest Lua function up the stack names the line. */
  while (level > 0 && lua_getstack(L, level, &ar) && lua_getinfo(L, "l", &ar) && ar.currentline <= 0) level++;
  switch (stop) {
  case CAPSCRIPT_STOP_INTERRUPT:
    luaL_where(L, level);
    lua_pushliteral(L, "interrupted");
    break;
  case CAPSCRIPT_STOP_TIMEOUT:
    luaL_where(L, level);
    lua_pushfstring(L, "script stopped: timeout of %f s exceeded", (lua_Number)lim->timeout);
    break;
  case CAPSCRIPT_STOP_MEMORY:
    luaL_where(L, level);
    lua_pushfstring(L, "script stopped: memory limit of %I bytes exceeded", (lua_Integer)lim->limit);
    break;
  default:
    return;
  }
  lua_concat(L, 2);
  if (lua_gethook(L) != NULL) lua_sethook(L, lua_gethook(L), LUA_MASKCOUNT, 1);
  lua_error(L);
}

/* The count hook: raises the stop reason, if any (capscript_limits_raise). */
static inline void capscript_limits_hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  capscript_limits *lim = capscript_limits_of(L);
  if (lim != NULL) capscript_limits_raise(L, lim, 0);
}

/* [-0, +0, -] installs (on != 0) or removes the count hook on L; new
 * coroutines inherit it. */
static inline void capscript_limits_sethook(lua_State *L, int on) {
  lua_sethook(L, on ? capscript_limits_hook : NULL, on ? LUA_MASKCOUNT : 0, CAPSCRIPT_HOOK_COUNT);
}

/* [-0, +0, -] runs a full garbage collection (lua_gc is variadic). */
static inline void capscript_collectgarbage(lua_State *L) { lua_gc(L, LUA_GCCOLLECT, 0); }

/* [-0, +1, -] pushes the registry table */
static inline void capscript_pushregistry(lua_State *L) { lua_pushvalue(L, LUA_REGISTRYINDEX); }

#endif
