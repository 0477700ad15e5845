-- wrk (Debian's, without wrk2's -R): a steady rate by pacing each connection, and the server time
-- percentiles wrk does not print (p50, p95, p99). RATE is requests per second per connection.
local rate = tonumber(os.getenv("RATE") or "25")
local paths = {}
for p in string.gmatch(os.getenv("PATHS") or "/", "[^ ]+") do table.insert(paths, p) end
local i = 0

function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], { ["Accept"] = "text/html", ["Accept-Encoding"] = "gzip" })
end

function delay()
  return 1000 / rate
end

function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("requests %d in %.1f s (%.1f/s), errors %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
