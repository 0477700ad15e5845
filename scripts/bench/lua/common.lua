-- Shared by the bench's wrk scripts. Everything is configured through environment variables set
-- by scripts/bench/run.sh (BENCH_*), so each wrk process of a mix can get its own.
--
-- Each thread counts the statuses it receives; done() adds them up and prints one line
--   BENCH_RESULT {...json...}
-- with the throughput, latency percentiles (ms), statuses and socket errors, which run.sh stores.
local M = {}

function M.env(name, default)
  local value = os.getenv(name)
  if value == nil or value == "" then return default end
  return value
end

function M.lines(path)
  local lines = {}
  for line in io.lines(path) do
    if line ~= "" then lines[#lines + 1] = line end
  end
  return lines
end

function M.read(path)
  local file = assert(io.open(path, "rb"))
  local text = file:read("*a")
  file:close()
  return text
end

-- Anonymous callers are rate-limited per client address. The bench gateway trusts one proxy hop
-- (GP_TRUSTED_PROXY_HOPS=1), so the address is the X-Forwarded-For entry that its "ingress" (this
-- load generator) writes: drawn from 198.18.0.0/15, the range RFC 2544 sets aside for benchmarks.
-- It is only a header value: every connection goes to 127.0.0.1.
local xff = M.env("BENCH_XFF", "")
function M.client_address()
  if xff ~= "pool" then return xff end
  local n = math.random(0, 131071)
  return string.format("198.%d.%d.%d", 18 + math.floor(n / 65536), math.floor(n / 256) % 256, n % 256)
end

-- Authenticated callers: one token per line in BENCH_TOKENS, used in turn (several users, so no
-- single user's 20/s budget throttles the class).
local tokens = nil
local token_turn = 0
local tokens_file = M.env("BENCH_TOKENS", "")
if tokens_file ~= "" then tokens = M.lines(tokens_file) end

function M.headers(extra)
  local headers = {}
  if xff ~= "" then headers["X-Forwarded-For"] = M.client_address() end
  if tokens then
    token_turn = token_turn % #tokens + 1
    headers["Authorization"] = "Bearer " .. tokens[token_turn]
  end
  for k, v in pairs(extra or {}) do headers[k] = v end
  return headers
end

-- wrk calls these globals. setup() runs in the main state once per thread.
local threads = {}
function setup(thread)
  thread:set("thread_index", #threads)
  threads[#threads + 1] = thread
end

statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

-- Pacing for a steady rate: each connection waits BENCH_DELAY_MS between its requests.
local delay_ms = tonumber(M.env("BENCH_DELAY_MS", "0"))
if delay_ms > 0 then
  function delay() return delay_ms end
end

function init(args)
  -- thread_index was set by setup(); seed each thread differently but reproducibly
  math.randomseed(1000 + (thread_index or 0) * 7919 + tonumber(M.env("BENCH_SEED", "1")))
  -- init runs in the thread's own state, which knows only its index: run.sh passes the count
  if M.on_init then M.on_init(thread_index or 0, tonumber(M.env("BENCH_THREADS", "1"))) end
end

local function ms(us) return string.format("%.2f", us / 1000) end

function done(summary, latency, requests)
  local total, exhausted = {}, 0
  for _, thread in ipairs(threads) do
    exhausted = exhausted + (thread:get("exhausted") or 0)
    for status, n in pairs(thread:get("statuses") or {}) do
      total[status] = (total[status] or 0) + n
    end
  end
  local codes = {}
  for status, n in pairs(total) do codes[#codes + 1] = string.format('"%d":%d', status, n) end
  table.sort(codes)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {%s"requests":%d,"seconds":%.2f,"rps":%.1f,"p50":%s,"p90":%s,"p99":%s,"p999":%s,' ..
    '"max":%s,"mean":%s,"statuses":{%s},"exhausted":%d,"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d}}\n',
    M.env("BENCH_META", ""), summary.requests, seconds, summary.requests / seconds,
    ms(latency:percentile(50)), ms(latency:percentile(90)), ms(latency:percentile(99)),
    ms(latency:percentile(99.9)), ms(latency.max), ms(latency.mean), table.concat(codes, ","),
    exhausted, e.connect, e.read, e.write, e.timeout))
end

return M
