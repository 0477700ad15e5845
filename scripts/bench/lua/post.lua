-- POST a JSON body (BENCH_BODY, or the file BENCH_BODY_FILE) to BENCH_PATH. With BENCH_IDS (a file
-- of prepared ids), "{id}" in the path takes each id once, the threads sharing them out, so each
-- prepared application is approved exactly once; when they run out, BENCH_AFTER_PATH is read
-- instead (a GET), so a run that outlasts what was prepared never approves anything twice.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local bench = require "common"

local path = bench.env("BENCH_PATH", "/")
local body = bench.env("BENCH_BODY", "")
if bench.env("BENCH_BODY_FILE", "") ~= "" then body = bench.read(bench.env("BENCH_BODY_FILE")) end
local after = bench.env("BENCH_AFTER_PATH", "/")
local json = { ["Content-Type"] = "application/json" }
local ids, turn = nil, 0
exhausted = 0 -- requests sent after the prepared ids ran out (reported, so a short supply shows)

bench.on_init = function(index, count)
  if bench.env("BENCH_IDS", "") == "" then return end
  ids = {}
  for i, id in ipairs(bench.lines(bench.env("BENCH_IDS"))) do
    if (i - 1) % count == index then ids[#ids + 1] = id end
  end
end

function request()
  if not ids then return wrk.format("POST", path, bench.headers(json), body) end
  turn = turn + 1
  if turn > #ids then
    exhausted = exhausted + 1
    return wrk.format("GET", after, bench.headers())
  end
  return wrk.format("POST", (path:gsub("{id}", ids[turn])), bench.headers(json), body)
end
