-- validate-capital-efficiency.lua: the Lua twin of `capscript validate`.
-- Runs every scenario in config/scenarios and holds it against the policy gates
-- and its own `expect` block; exits non-zero when anything fails.
--
--   capscript scripts/validate-capital-efficiency.lua [--paths N]

local paths = nil
for i = 1, #arg do
  if arg[i] == "--paths" then paths = math.tointeger(tonumber(arg[i + 1])) end
end

local failed, total = 0, 0
print(string.format("%-30s %-6s %9s %9s %9s  %s", "scenario", "result", "roi_mean", "liq_prob", "dd_p95", "notes"))
for _, name in ipairs(cap.scenarios()) do
  local s = cap.scenario(name)
  if paths then s = s:with{ paths = paths } end
  total = total + 1
  local check, roi, liq, dd, note
  if s.optimizer then
    local res = cap.sweep{ base = s }:run()
    check = cap.check(res)
    local best = res:best{ deployable = true }
    if best then
      roi, liq, dd = best.roi_mean, best.liquidation_probability, best.max_drawdown_p95
      note = "top deployable " .. best.label
    end
  else
    local r = cap.run(s)
    check = cap.check(r)
    roi, liq, dd = r.roi_mean, r.liquidation_probability, r.max_drawdown_p95
    note = "gates and expectations hold"
  end
  if not check.passed then
    failed = failed + 1
    note = table.concat(check.failures, "; ")
  end
  local function pct(x) return x and string.format("%.2f%%", 100 * x) or "-" end
  print(string.format("%-30s %-6s %9s %9s %9s  %s", name, check.passed and "pass" or "FAIL", pct(roi), pct(liq), pct(dd), note))
end
print(failed == 0 and ("validate: " .. total .. " scenario(s) pass")
  or ("validate: " .. failed .. " of " .. total .. " scenario(s) FAIL"))
if failed > 0 then os.exit(1) end
