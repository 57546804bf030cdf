-- validate-capital-efficiency.lua: the Lua twin of `capscript validate`.
-- Runs every scenario in config/scenarios and holds it against the policy gates
-- and its own `expect` block (the same ScenarioSuite as the command, through
-- cap.validate); exits non-zero when anything fails.
--
--   capscript scripts/validate-capital-efficiency.lua [--paths N]

local paths = nil
for i = 1, #arg do
  if arg[i] == "--paths" then paths = math.tointeger(tonumber(arg[i + 1])) end
end

local v = cap.validate{ paths = paths }
print(v.text)
if not v.passed then os.exit(1) end
