/// The Lua of the `params` convention: finding and reading the declaration,
/// and handing the parsed values to the script.
extension ScriptParameters {
  /// Run in a sandboxed state (with the real globals) with `(source, path)`:
  /// finds the first line that starts with `params = {`, compiles the shortest text from its `{` to a `}`
  /// that parses as an expression (the table constructor, strings and comments
  /// included), evaluates it with only `math` in scope, and returns
  /// `{params = {{name, description, kind, default, min, max}, ...}}` sorted by
  /// name, or nil without a declaration. Errors are `path:line: ...`.
  static let declarationSource = """
    local source, path = ...
    -- The real string functions, by name: methods on strings are bounded in the sandbox.
    local find, sub, gsub, match = string.find, string.sub, string.gsub, string.match
    local s, e = find(source, "^params%s*=%s*{")
    if not s then
      s, e = find(source, "\\nparams%s*=%s*{")
      if not s then return nil end
      s = s + 1
    end
    local line = select(2, gsub(sub(source, 1, s), "\\n", "")) + 1
    local where = path .. ":" .. line .. ": "
    local prefix = string.rep("\\n", line - 1) .. "return "
    local scope = setmetatable({ math = math }, { __index = function(_, k)
      error(string.format("%q is not a constant", tostring(k)), 0)
    end })
    local fn, err, close = nil, nil, e
    for _ = 1, 100000 do
      close = find(source, "}", close + 1, true)
      if not close then break end
      fn, err = load(prefix .. sub(source, e, close), "=" .. path, "t", scope)
      if fn then break end
    end
    if not fn then
      error(where .. "cannot read the params table (" .. tostring(err) .. ")", 0)
    end
    local ok, decl = pcall(fn)
    if not ok then
      error(where .. "the params table must hold constants only (it is read before the script runs): "
        .. tostring(decl), 0)
    end
    local kinds = { number = true, integer = true, boolean = true, string = true }
    local out = {}
    for name, spec in pairs(decl) do
      if type(name) ~= "string" or not match(name, "^[%a_][%w_]*$") then
        error(where .. "params keys must be names, got " .. tostring(name), 0)
      end
      local at = where .. "params." .. name .. ": "
      if type(spec) ~= "table" then
        error(at .. "expected {\\"description\\", default [, min = x, max = y]}, got a " .. type(spec), 0)
      end
      local default = spec[2]
      if default == nil then default = spec.default end
      local kind = spec.type
      if kind == nil then
        local t = type(default)
        if t == "number" then
          kind = math.type(default) == "integer" and "integer" or "number"
        elseif t == "boolean" or t == "string" then
          kind = t
        elseif t == "nil" then
          kind = "string"
        else
          error(at .. "the default must be a number, boolean or string, got a " .. t, 0)
        end
      elseif not kinds[kind] then
        error(at .. "type must be \\"number\\", \\"integer\\", \\"boolean\\" or \\"string\\", got " .. tostring(kind), 0)
      end
      local want = (kind == "integer" or kind == "number") and "number" or kind
      if default ~= nil and (type(default) ~= want or (kind == "integer" and math.type(default) ~= "integer")) then
        error(at .. "the default " .. tostring(default) .. " is not of its type " .. kind, 0)
      end
      for _, bound in ipairs({ "min", "max" }) do
        if spec[bound] ~= nil and (want ~= "number" or type(spec[bound]) ~= "number") then
          error(at .. bound .. " must be a number, and only numbers have a range", 0)
        end
      end
      if default ~= nil and want == "number" and ((spec.min and default < spec.min) or (spec.max and default > spec.max)) then
        error(at .. "the default " .. tostring(default) .. " is outside its own min/max", 0)
      end
      local description = spec[1] or spec.description or spec.desc or ""
      out[#out + 1] = { name = name, description = tostring(description), kind = kind, default = default,
                        min = spec.min, max = spec.max }
    end
    table.sort(out, function(a, b) return a.name < b.name end)
    return { params = out }
    """

  /// Run with `(env, values, declared)`: the first assignment of the global
  /// `params` (the script's declaration) stores `values` instead; `params.x`
  /// for an undeclared `x` raises, naming the declared ones.
  static let installSource = """
    local env, values, declared = ...
    local known = {}
    for name in string.gmatch(declared, "[^,]+") do known[name] = true end
    setmetatable(values, { __index = function(_, k)
      if known[k] then return nil end
      error("params." .. tostring(k) .. " is not declared; declared: " .. string.gsub(declared, ",", ", "), 2)
    end })
    local mt = getmetatable(env)
    if mt == nil then
      mt = {}
      setmetatable(env, mt)
    end
    local previous = rawget(mt, "__newindex")
    rawset(mt, "__newindex", function(t, k, v)
      if k == "params" then
        rawset(mt, "__newindex", previous)
        rawset(t, k, values)
      elseif type(previous) == "function" then
        previous(t, k, v)
      elseif previous ~= nil then
        previous[k] = v
      else
        rawset(t, k, v)
      end
    end)
    return values
    """
}
