#!/usr/bin/env bash
# Server time of the public site's pages at a steady rate, straight to the site and through the
# gateway (run the gateway without rate limits: one address would be throttled), and the bytes a
# first visit of the home page transfers. Usage:
#   public-site/bench/measure.sh SITE_URL GATEWAY_URL [seconds] [rate per connection] [connections]
# e.g. public-site/bench/measure.sh http://127.0.0.1:8085 http://127.0.0.1:8080 30 25 4   (100 req/s)
set -euo pipefail
site=${1:?site URL}; gateway=${2:?gateway URL}; seconds=${3:-30}; rate=${4:-25}; conns=${5:-4}
here=$(cd "$(dirname "$0")" && pwd)
q=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("水泥"))')
listing=$(curl -fs "$site/search?q=$q" | grep -o 'href="/listings/[0-9a-f-]*"' | head -1 | sed 's/href="//; s/"$//')
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for page in "/" "/search?q=$q" "$listing" "/publicity"; do
  for target in "$site" "$gateway"; do
    # warm-up (JIT, connections), then the measured run
    PATHS="$page" RATE=$rate wrk -t1 -c"$conns" -d10s -s "$here/steady.lua" "$target" >/dev/null
    printf '%-34s %-26s ' "$page" "$target"
    PATHS="$page" RATE=$rate wrk -t1 -c"$conns" -d"${seconds}s" -s "$here/steady.lua" "$target" | tail -1
  done
done
echo "home page, first visit (gzip): bytes transferred"
total=0
for asset in / $(curl -fs "$gateway/" | grep -oE '(href|src)="/assets/[^"]+"' | sed -E 's/^(href|src)="//; s/"$//'); do
  n=$(curl -fs -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download} %{size_header}' "$gateway$asset" | awk '{print $1 + $2}')
  printf '  %-48s %7d\n' "$asset" "$n"
  total=$((total + n))
done
printf '  %-48s %7d\n' "total" "$total"
