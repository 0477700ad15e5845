-- POST a JSON body (BENCH_BODY, or the file BENCH_BODY_FILE) to BENCH_PATH (another type of body
-- with BENCH_CONTENT_TYPE, e.g. a form for Keycloak's token endpoint), or the lines of the file
-- BENCH_BODY_LINES in turn, each thread from its own place in them. With BENCH_IDS (a file
-- of prepared ids), "{id}" in the path takes each id once, the threads sharing them out, so each
-- prepared application is approved exactly once; when they run out, BENCH_AFTER_PATH is read
-- instead (a GET), so a run that outlasts what was prepared never approves anything twice.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local bench = require "common"

local path = bench.env("BENCH_PATH", "/")
local body = bench.env("BENCH_BODY", "")
if bench.env("BENCH_BODY_FILE", "") ~= "" then body = bench.read(bench.env("BENCH_BODY_FILE")) end
local after = bench.env("BENCH_AFTER_PATH", "/")
local bodies, body_turn = nil, 0
local json = { ["Content-Type"] = bench.env("BENCH_CONTENT_TYPE", "application/json") }
local ids, turn = nil, 0
exhausted = 0 -- requests sent after the prepared ids ran out (reported, so a short supply shows)

bench.on_init = function(index, count)
  if bench.env("BENCH_BODY_LINES", "") ~= "" then
    bodies = bench.lines(bench.env("BENCH_BODY_LINES"))
    body_turn = math.floor(index * #bodies / count)
  end
  if bench.env("BENCH_IDS", "") == "" then return end
  ids = {}
  for i, id in ipairs(bench.lines(bench.env("BENCH_IDS"))) do
    if (i - 1) % count == index then ids[#ids + 1] = id end
  end
end

function request()
  if bodies then
    body_turn = body_turn % #bodies + 1
    return wrk.format("POST", path, bench.headers(json), bodies[body_turn])
  end
  if not ids then return wrk.format("POST", path, bench.headers(json), body) end
  turn = turn + 1
  if turn > #ids then
    exhausted = exhausted + 1
    return wrk.format("GET", after, bench.headers())
  end
  return wrk.format("POST", (path:gsub("{id}", ids[turn])), bench.headers(json), body)
end
