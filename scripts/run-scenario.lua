-- run-scenario.lua: run a named scenario and print its scorecard.
-- The Lua twin of `capscript run NAME`; read it to see how a run is scripted.
--
--   capscript scripts/run-scenario.lua NAME [--format table|json|csv|markdown]
--             [--paths N] [--epochs N] [--seed N] [--threads N] [--out DIR]
--             [--optimizer] [--resume]
--
-- With --optimizer (or for a scenario in optimizer mode) the scenario's sweep
-- block runs, journaled to OUT/sweeps/NAME.jsonl so --resume can continue it.

local usage = "usage: capscript scripts/run-scenario.lua NAME [--format F] [--paths N] [--epochs N] [--seed N] [--threads N] [--out DIR] [--optimizer] [--resume]"
local flags = { optimizer = true, resume = true }

local name, opts = nil, { format = "table" }
local i = 1
while i <= #arg do
  local a = arg[i]
  local key = a:match("^%-%-(%w+)$")
  if key and flags[key] then
    opts[key] = true
    i = i + 1
  elseif key then
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

if opts.optimizer or scenario.optimizer then
  local sweep = cap.sweep{ base = scenario, journal = (opts.out or "out") .. "/sweeps", resume = opts.resume }
  local res = sweep:run()
  if opts.format == "table" or opts.format == "markdown" then print(res:top()) else io.write(cap.format(res, opts.format)) end
  return
end

local result = cap.run(scenario, { threads = opts.threads and math.tointeger(tonumber(opts.threads)) or nil })
io.write(cap.format(result, opts.format))
if opts.out then result:save(opts.out .. "/" .. scenario.name .. ".json") end
