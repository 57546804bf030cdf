-- A script whose third line fails at run time.
local function explode()
  error("boom")
end
explode()
