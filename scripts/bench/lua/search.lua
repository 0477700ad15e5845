-- Public search through the gateway or straight to publicity-service (BENCH_SEARCH: cached,
-- varied or mixed; see searches.lua).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local bench = require "common"
local searches = require "searches"

local mode = bench.env("BENCH_SEARCH", "cached")

function request()
  local path = "/api/v1/public/listings?" .. searches.query_string(searches.next(mode))
  return wrk.format("GET", path, bench.headers())
end
