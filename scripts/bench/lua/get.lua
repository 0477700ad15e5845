-- GET one path (BENCH_PATH) or, in random order, the paths listed in a file (BENCH_PATHS).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local bench = require "common"

local paths = { bench.env("BENCH_PATH", "/") }
if bench.env("BENCH_PATHS", "") ~= "" then paths = bench.lines(bench.env("BENCH_PATHS")) end

function request()
  return wrk.format("GET", paths[math.random(#paths)], bench.headers())
end
