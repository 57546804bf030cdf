-- run-scenario.lua: run a named scenario and print its scorecard.
-- The Lua twin of `capscript run NAME`; read it to see how a run is scripted.
--
--   capscript scripts/run-scenario.lua NAME [--format table|json|csv|markdown]
--             [--paths N] [--epochs N] [--seed N] [--threads N] [--out DIR]

local usage = "usage: capscript scripts/run-scenario.lua NAME [--format F] [--paths N] [--epochs N] [--seed N] [--threads N] [--out DIR]"

local name, opts = nil, { format = "table" }
local i = 1
while i <= #arg do
  local a = arg[i]
  local key = a:match("^%-%-(%w+)$")
  if key then
    if arg[i + 1] == nil then error(usage, 0) end
    opts[key] = arg[i + 1]
    i = i + 2
  elseif not name then
    name, i = a, i + 1
  else
    error(usage, 0)
  end
end
if not name then error(usage, 0) end

local scenario = cap.scenario(name)
local overrides = {}
for _, field in ipairs({ "paths", "epochs", "seed" }) do
  if opts[field] then overrides[field] = math.tointeger(tonumber(opts[field])) end
end
if next(overrides) then scenario = scenario:with(overrides) end

local result = cap.run(scenario, { threads = opts.threads and math.tointeger(tonumber(opts.threads)) or nil })
io.write(cap.format(result, opts.format))
if opts.out then result:save(opts.out .. "/" .. scenario.name .. ".json") end
