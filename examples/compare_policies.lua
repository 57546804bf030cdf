-- Two spread policies compared on common random numbers: the same seed, so
-- both see the same market paths, and the difference is the policy's alone.
local compare = require "compare"
local base = cap.scenario("high_vol_sigma_spike"):with{ paths = 2000 }

local tight = base:with{ targetSpreadBps = 30, spreadWidenFactor = 1.2, spreadCeilingBps = 60 }
local wide = base:with{ targetSpreadBps = 50, spreadWidenFactor = 2.0, spreadCeilingBps = 150 }
print(compare.table{ tight = tight, wide = wide })

local a, b = cap.run(tight), cap.run(wide)
local diff = a.roi_mean - b.roi_mean
-- Same paths: the paired difference has a much smaller error than either mean.
local ra, rb = a:paths "roi", b:paths "roi"
local sum, sq = 0, 0
for i = 1, #ra do local d = ra[i] - rb[i]; sum = sum + d; sq = sq + d * d end
local n = #ra
local sd = math.sqrt((sq - sum * sum / n) / (n - 1))
print(string.format("tight - wide: %.4f%% ROI (paired s.e. %.4f%%, unpaired s.e. %.4f%%)",
  100 * diff, 100 * sd / math.sqrt(n), 100 * math.sqrt(a.roi_mean_stderr ^ 2 + b.roi_mean_stderr ^ 2)))
