/// The REPL's Lua side: `show` (how a value prints at the prompt) and `help`.
/// The chunk takes the help entries of the API table (`CapAPI.pushHelp`) and
/// returns `{show = f, help = f}`; the session keeps the table in the
/// registry and sets `help` as a global of the chunk environment.
enum ReplPrelude {
  static let source = #"""
    local cap = cap
    local type, tostring, next, rawget, getmetatable = type, tostring, next, rawget, getmetatable
    local concat, sort, format = table.concat, table.sort, string.format
    local maxItems, maxDepth, width = 25, 4, 76

    local keywords = {}
    for w in ("and break do else elseif end false for function goto if in local nil not or repeat "
              .. "return then true until while"):gmatch("%a+") do keywords[w] = true end

    local function isName(k)
      return type(k) == "string" and k:match("^[%a_][%w_]*$") ~= nil and not keywords[k]
    end

    local function firstLine(s)
      local line = s:match("^[^\n]*")
      return #line < #s and line .. " ..." or line
    end

    -- A value inside a table: strings quoted, numbers as Lua reads them back.
    local function scalar(v)
      local t = type(v)
      if t == "string" then return (format("%q", v):gsub("\\\n", "\\n")) end
      if math.type(v) == "float" then
        if v ~= v then return "0/0" end
        if v == math.huge then return "math.huge" elseif v == -math.huge then return "-math.huge" end
        return format("%.14g", v)
      end
      return firstLine(tostring(v))
    end

    local function keyOrder(a, b)
      local ta, tb = type(a), type(b)
      if ta ~= tb then return ta < tb end
      if ta == "number" or ta == "string" then return a < b end
      return tostring(a) < tostring(b)
    end

    local showValue
    local function showTable(t, indent, depth, seen)
      if seen[t] then return "<cycle>" end
      local mt = getmetatable(t)
      if type(mt) == "table" and rawget(mt, "__tostring") then return firstLine(tostring(t)) end
      if depth > maxDepth then return "{...}" end
      seen[t] = true
      local n = 0
      while rawget(t, n + 1) ~= nil do n = n + 1 end
      local keys = {}
      for k in next, t do
        if not (math.type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
      end
      sort(keys, keyOrder)
      local items, total = {}, n + #keys
      local function add(text)
        if #items < maxItems then items[#items + 1] = text end
      end
      for i = 1, n do add(showValue(rawget(t, i), indent .. "  ", depth + 1, seen)) end
      for _, k in ipairs(keys) do
        local key = isName(k) and k or "[" .. scalar(k) .. "]"
        add(key .. " = " .. showValue(rawget(t, k), indent .. "  ", depth + 1, seen))
      end
      seen[t] = nil
      if total > #items then items[#items + 1] = "... (" .. (total - #items) .. " more)" end
      if #items == 0 then return "{}" end
      local one = "{ " .. concat(items, ", ") .. " }"
      if #one + #indent <= width and not one:find("\n") then return one end
      return "{\n" .. indent .. "  " .. concat(items, ",\n" .. indent .. "  ") .. "\n" .. indent .. "}"
    end

    showValue = function(v, indent, depth, seen)
      if type(v) == "table" then return showTable(v, indent, depth, seen) end
      return scalar(v)
    end

    -- How a result prints at the prompt: strings and objects as `print` shows
    -- them (a run result prints its scorecard), tables readably.
    local function show(v)
      if type(v) == "table" then return showValue(v, "", 1, {}) end
      if type(v) == "string" then return v end
      if math.type(v) == "float" then return scalar(v) end
      return tostring(v)
    end

    local api = ...
    local docs, byType = api.entries, api.types

    local help
    local function resolve(name)
      local v = { cap = cap, help = help }
      for part in name:gmatch("[^.]+") do
        if type(v) ~= "table" then return nil end
        v = rawget(v, part)
      end
      return v
    end

    local function entry(x)
      if x == help or x == "help" then
        return { signature = "help([x])", doc = "the overview; help(f), help(\"cap.run\") or help(object) for one entry" }
      end
      if type(x) == "string" then
        for _, d in ipairs(docs) do if d.name == x then return d end end
        return nil
      end
      local mt = getmetatable(x)
      local name = type(mt) == "table" and byType[rawget(mt, "__name")]
      for _, d in ipairs(docs) do
        if d.name == name then return d end
        if type(x) == "function" and (d.fn == x or (d.fn == nil and resolve(d.name) == x)) then return d end
      end
    end

    help = function(...)
      if select("#", ...) == 0 then
        local lines = { "capscript REPL: Lua 5.4 with the cap module. An expression prints its value;",
                        "Tab completes names, Ctrl-C cancels a run, Ctrl-D exits. help(x) explains one of:",
                        "  help([x])  this overview; help(f), help(\"cap.run\") or help(object) for one entry" }
        for _, d in ipairs(docs) do
          if d.overview then lines[#lines + 1] = "  " .. d.signature end
        end
        lines[#lines + 1] = "Example: r = cap.run(cap.scenario \"crash_40pct_external_asset\":with{paths = 20000})"
        print(concat(lines, "\n"))
        return
      end
      local d = entry((...))
      if d then print(d.signature .. "\n  " .. d.doc) else print("no help for " .. tostring((...)) .. "; help() lists the entries") end
    end

    return { show = show, help = help }
    """#
}
