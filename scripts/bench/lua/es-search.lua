-- The same searches as search.lua, sent straight to Elasticsearch as the publicity service sends
-- them (BENCH_ES_ALIAS: the index alias the running publicity service reads).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local bench = require "common"
local searches = require "searches"

local mode = bench.env("BENCH_SEARCH", "cached")
local path = "/" .. bench.env("BENCH_ES_ALIAS", "greenportal-listings") .. "/_search?typed_keys=true"
local headers = { ["Content-Type"] = "application/json" }

function request()
  return wrk.format("POST", path, headers, searches.es_body(searches.next(mode)))
end
