internal import CLua

/// `--sandbox`: chunks see an allow-list environment, not the globals. Nothing
/// is deleted from the real globals; the host's own code keeps using them.
///
/// Allowed: the base functions that cannot reach the file system or native
/// code, `string`, `table`, `math`, `utf8`, `coroutine`, `os.time/clock/date/
/// difftime`, `io.write` and `io.stdout`/`io.stderr`, `io.read` (stdin),
/// `cap`, a text-only `load`, and `require` searching only the library paths
/// (no C modules; `package.path` is for reading only).
/// A denied name (`os.execute`, `io.popen`, `debug`, `dofile`...) raises an
/// error that says so, rather than reading as nil.
enum Sandbox {
  /// Registry field holding the environment table.
  static let registryKey = "capscript.sandbox"

  /// Builds the environment and stores it in the registry.
  static func install(_ state: LuaState, libraryPaths: [String]) throws(ScriptError) {
    let L = state.L
    let top = lua_gettop(L)
    defer { lua_settop(L, top) }
    let status = source.withCString {
      capscript_loadstring(L, $0, strlen($0), "=capscript.sandbox")
    }
    guard status == LUA_OK else { throw state.popError(.syntax) }
    let patterns = libraryPaths.flatMap { ["\($0)/?.lua", "\($0)/?/init.lua"] }.joined(
      separator: ";")
    lua_pushstring(L, patterns)
    guard capscript_pcall(L, 1, 1) == LUA_OK else { throw state.popError(.runtime) }
    capscript_pushregistry(L)
    lua_pushvalue(L, -2)
    lua_setfield(L, -2, registryKey)
  }

  static let source = """
    local path = ...
    local G, cap, io, os = _G, cap, io, os
    local error, type, tostring, select = error, type, tostring, select
    local env = {}
    for _, name in ipairs({ "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall",
                            "print", "rawequal", "rawget", "rawlen", "rawset", "select",
                            "setmetatable", "tonumber", "tostring", "type", "xpcall", "warn",
                            "_VERSION" }) do
      env[name] = G[name]
    end
    local function guarded(lib, real, allowed)
      local t = {}
      for _, k in ipairs(allowed) do t[k] = real[k] end
      return setmetatable(t, { __index = function(_, k)
        if real[k] ~= nil then error(lib .. "." .. tostring(k) .. " is not available in the sandbox", 2) end
      end })
    end
    local function copy(t)
      local out = {}
      for k, v in pairs(t) do out[k] = v end
      return out
    end
    env.string, env.table, env.math = copy(string), copy(table), copy(math)

    -- Patterns: the matcher backtracks inside one C call, out of the hook's
    -- reach, so a pattern whose worst case is too long for its subject is
    -- refused (docs/HARDENING.md). k = the repetitions (*, +, -) plus one for
    -- an unanchored search; the worst case is about n^k / k! steps.
    local byte, tostr, huge = string.byte, tostring, math.huge
    local stepLimit = 2e8
    local function repetitions(p)
      local q, i, n = 0, 1, #p
      if byte(p, 1) == 94 then i = 2 end
      while i <= n do
        local c = byte(p, i)
        if c == 37 then
          i = i + (byte(p, i + 1) == 98 and 4 or 2)
        elseif c == 91 then
          i = i + 1
          if byte(p, i) == 94 then i = i + 1 end
          if byte(p, i) == 93 then i = i + 1 end
          while i <= n and byte(p, i) ~= 93 do i = i + (byte(p, i) == 37 and 2 or 1) end
          i = i + 1
        else
          i = i + 1
        end
        local d = byte(p, i)
        if d == 42 or d == 43 or d == 45 then q = q + 1; i = i + 1 elseif d == 63 then i = i + 1 end
      end
      return q
    end
    local function bounded(name, match)
      return function(s, p, ...)
        local ts, tp = type(s), type(p)
        if (ts == "string" or ts == "number") and (tp == "string" or tp == "number") then
          if name == "find" and select("#", ...) >= 2 and select(2, ...) then return match(s, p, ...) end
          p = tostr(p)
          local q = repetitions(p)
          if q > 0 then
            local n, k = #tostr(s), q + (byte(p, 1) == 94 and 0 or 1)
            local steps = 1
            for j = 1, k do steps = steps * n / j end
            if steps > stepLimit then
              error(string.format("string.%s: pattern too complex for the sandbox: %d repetitions (*, +, -) on "
                .. "%d characters can take about %.1e matching steps, over the limit of %.0e; use a shorter "
                .. "subject or fewer repetitions", name, q, n, steps, stepLimit), 2)
            end
          end
        end
        return match(s, p, ...)
      end
    end
    for _, name in ipairs({ "find", "match", "gmatch", "gsub" }) do
      env.string[name] = bounded(name, string[name])
    end
    -- Methods on strings (s:find(p)) go through the string metatable, shared
    -- by every chunk of the state: they reach the bounded table too. Host
    -- chunks call the real functions by name (string.find(s, p)).
    getmetatable("").__index = env.string
    env.utf8, env.coroutine = copy(utf8), copy(coroutine)
    env.os = guarded("os", os, { "time", "clock", "date", "difftime" })
    local stdout, stdin = io.stdout, io.stdin
    env.io = guarded("io", io, {})
    rawset(env.io, "write", function(...) return stdout:write(...) end)
    rawset(env.io, "read", function(...) return stdin:read(...) end)
    rawset(env.io, "stdout", stdout)
    rawset(env.io, "stderr", io.stderr)
    env.cap = cap
    env._G = env

    -- No finalizers: Lua runs __gc with hooks off, out of the timeout's reach.
    -- A metatable with a __gc field is refused (a field added later marks
    -- nothing, Lua 5.4 manual 2.5.3), and the metatables of userdata (host
    -- objects, file handles) are not handed out, so no __gc can be put there.
    local setmetatable, getmetatable, rawget = setmetatable, getmetatable, rawget
    env.setmetatable = function(t, mt)
      if type(mt) == "table" and rawget(mt, "__gc") ~= nil then
        error("setmetatable: __gc (finalizers) is not available in the sandbox", 2)
      end
      return setmetatable(t, mt)
    end
    env.getmetatable = function(v)
      if type(v) == "userdata" then return nil end
      return getmetatable(v)
    end

    local load = load
    env.load = function(chunk, name, mode, ...)
      if select("#", ...) > 0 then return load(chunk, name, "t", (...)) end
      return load(chunk, name, "t", env)
    end
    local collect = collectgarbage
    env.collectgarbage = function(opt, ...)
      opt = opt or "collect"
      if opt == "collect" or opt == "count" or opt == "step" or opt == "isrunning" then
        return collect(opt, ...)
      end
      error("collectgarbage(\\"" .. tostring(opt) .. "\\") is not available in the sandbox", 2)
    end

    local loaded = { capscript = cap, string = env.string, table = env.table, math = env.math,
                     utf8 = env.utf8, coroutine = env.coroutine, os = env.os, io = env.io }
    local searchpath, loadfile = package.searchpath, loadfile
    env.package = { loaded = loaded, path = path }
    env.require = function(name)
      if type(name) ~= "string" then
        error("bad argument #1 to 'require' (string expected, got " .. type(name) .. ")", 2)
      end
      if loaded[name] ~= nil then return loaded[name] end
      local file, err = searchpath(name, path)
      if not file then
        error("module '" .. name .. "' not found in the library paths (--lib DIR adds one):" .. err, 2)
      end
      local chunk, lerr = loadfile(file, "t", env)
      if not chunk then error(lerr, 2) end
      local r = chunk(name, file)
      if r ~= nil then loaded[name] = r end
      if loaded[name] == nil then loaded[name] = true end
      return loaded[name], file
    end

    return setmetatable(env, { __index = function(_, k)
      if G[k] ~= nil then error(tostring(k) .. " is not available in the sandbox", 2) end
    end })
    """
}
