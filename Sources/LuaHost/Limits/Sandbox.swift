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
