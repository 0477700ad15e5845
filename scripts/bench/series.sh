# The series of ./portal bench. Each speed comparison is a pair measured back to back in the same run.
# Durations come from the mode (see bench_mode in the portal script): BENCH_D (seconds per closed-loop
# run), BENCH_D_RATE (per steady-rate run), BENCH_CONNS, BENCH_HANG (Redis pause), ...
# shellcheck shell=bash

REGISTRY=http://127.0.0.1:$GP_REGISTRY_PORT
CERTIFICATION=http://127.0.0.1:$GP_CERTIFICATION_PORT
PUBLICITY=http://127.0.0.1:$GP_PUBLICITY_PORT
ELASTICSEARCH=$GP_ES_URL
CACHED_SEARCH=/api/v1/public/listings?q=%E6%B0%B4%E6%B3%A5 # 水泥

bench_prepare() { python3 "$BENCH_HOME/prepare.py" "$@"; }

# The JIT of a freshly started gateway needs traffic before its figures mean anything.
series_warmup() {
  bench_step "$(plan_warmup)" "warming up the bench gateways (${BENCH_WARMUP} s each, not measured)"
  local which gw
  for which in $BENCH_GATEWAYS; do
    if [ "$which" = on ]; then gw=$BENCH_GW; else gw=$BENCH_GW_OFF; fi
    bench_wrk_start '"series":"warmup"' "$gw" get.lua 8 "$BENCH_WARMUP" BENCH_PATH=/api/v1/registry/listings \
      BENCH_TOKENS="$BENCH_WORK/tokens-ent.txt"
    local a=$BENCH_PID
    bench_wrk_start '"series":"warmup"' "$gw" search.lua 8 "$BENCH_WARMUP" BENCH_SEARCH=mixed BENCH_XFF=pool
    bench_wait "$BENCH_WARMUP" "$a" "$BENCH_PID" || true
  done
  rm -f "$BENCH_OUT"/*.out
}

plan_warmup() { echo $(($(wc -w <<<"$BENCH_GATEWAYS") * BENCH_WARMUP)); }

plan_pairs() { echo $((3 * $(wc -w <<<"$BENCH_CONNS") * (2 * BENCH_D + 2 + BENCH_SETTLE))); }

# Gateway vs straight to the service, same request, on the gateway with rate limits off: the pair
# then differs only by the gateway's own work (routing, token check, filters, one more hop).
series_pairs() {
  local endpoint label url path auth c
  for endpoint in registry certification publicity; do
    case $endpoint in
      registry) label="registry listings (ent-a)" url=$REGISTRY path=/api/v1/registry/listings auth=tokens-ent-a.txt ;;
      certification) label="certification batches (ent-a)" url=$CERTIFICATION path=/api/v1/certification/batches auth=tokens-ent-a.txt ;;
      publicity) label="public search 水泥 (cached)" url=$PUBLICITY path=$CACHED_SEARCH auth="" ;;
    esac
    for c in $BENCH_CONNS; do
      local -a vars=(BENCH_PATH="$path")
      [ -n "$auth" ] && vars+=(BENCH_TOKENS="$BENCH_WORK/$auth")
      bench_step "$((BENCH_D + 1))" "gateway vs direct · $label · $c connections · direct"
      bench_wrk "\"series\":\"pairs\",\"endpoint\":\"$label\",\"side\":\"direct\"" "$url" get.lua "$c" "$BENCH_D" "${vars[@]}"
      bench_step "$((BENCH_D + 1))" "gateway vs direct · $label · $c connections · via gateway (limits off)"
      bench_wrk "\"series\":\"pairs\",\"endpoint\":\"$label\",\"side\":\"gateway\"" "$BENCH_GW_OFF" get.lua "$c" "$BENCH_D" "${vars[@]}"
      sleep "$BENCH_SETTLE" # the next pair starts from a quiet portal
    done
  done
}

plan_search() { echo $((2 * $(wc -w <<<"$BENCH_SEARCH_CONNS") * (2 * BENCH_D + 2 + BENCH_SETTLE))); }

# Public search through the gateway (rate limits on, clients spread over many addresses) vs the same
# query body sent straight to Elasticsearch; cached = one query repeated, uncached = varied queries.
series_search() {
  local mode c alias
  alias=$(bench_es_alias)
  for mode in cached varied; do
    for c in $BENCH_SEARCH_CONNS; do
      bench_step "$((BENCH_D + 1))" "search vs Elasticsearch · $mode · $c connections · via gateway"
      bench_wrk "\"series\":\"search\",\"mode\":\"$mode\",\"side\":\"gateway\"" "$BENCH_GW" search.lua "$c" "$BENCH_D" \
        BENCH_SEARCH=$mode BENCH_XFF=pool
      bench_step "$((BENCH_D + 1))" "search vs Elasticsearch · $mode · $c connections · Elasticsearch"
      bench_wrk "\"series\":\"search\",\"mode\":\"$mode\",\"side\":\"elasticsearch\"" "$ELASTICSEARCH" es-search.lua "$c" "$BENCH_D" \
        BENCH_SEARCH=$mode BENCH_ES_ALIAS="$alias"
      sleep "$BENCH_SETTLE"
    done
  done
}

plan_latency() { echo $((2 * 3 * (BENCH_D_RATE + 1))); }

# Added latency below saturation: each of 10 connections waits 100 ms between requests (wrk's Lua
# delay()), about 100 req/s in all. Registry listings with eight bench enterprise users (each under
# its 20/s budget), and the cached public search; direct, gateway with limits on, gateway with limits off.
series_latency() {
  local endpoint label url path side gw
  for endpoint in registry publicity; do
    local -a vars=()
    case $endpoint in
      registry) label="registry listings" url=$REGISTRY path=/api/v1/registry/listings vars=(BENCH_TOKENS="$BENCH_WORK/tokens-ent.txt") ;;
      publicity) label="public search 水泥 (cached)" url=$PUBLICITY path=$CACHED_SEARCH vars=(BENCH_XFF=pool) ;;
    esac
    for side in direct gateway gateway-limits-off; do
      case $side in direct) gw=$url ;; gateway) gw=$BENCH_GW ;; *) gw=$BENCH_GW_OFF ;; esac
      bench_step "$((BENCH_D_RATE + 1))" "added latency at ~100 req/s · $label · $side"
      bench_wrk "\"series\":\"latency\",\"endpoint\":\"$label\",\"side\":\"$side\"" "$gw" get.lua 10 "$BENCH_D_RATE" \
        BENCH_PATH="$path" BENCH_DELAY_MS=100 "${vars[@]}"
    done
  done
}

plan_redis() { echo $((2 * BENCH_D + BENCH_HANG + 2 * BENCH_BURST + 4)); }

# Public search through the gateway (limits on) while Redis answers nothing for BENCH_HANG seconds
# (CLIENT PAUSE ALL: connections stay open, commands wait, the worst kind of Redis trouble), with a
# burst from one address before and after, which must get 429s if rate limiting works.
series_redis() {
  local hang_ms=$((BENCH_HANG * 1000)) t0
  local -a search=(BENCH_PATH="$CACHED_SEARCH" BENCH_XFF=pool)
  local -a burst=(BENCH_PATH="$CACHED_SEARCH" BENCH_XFF=198.19.255.254)
  bench_step "$BENCH_BURST" "Redis hang · a burst from one address (rate limiting before the hang)"
  bench_wrk '"series":"redis","phase":"burst before"' "$BENCH_GW" get.lua 4 "$BENCH_BURST" "${burst[@]}"
  sleep 3 # the burst's address is refilled, and the search below starts from a quiet gateway
  bench_step "$BENCH_D" "Redis hang · public search before the hang"
  bench_wrk '"series":"redis","phase":"before"' "$BENCH_GW" get.lua 16 "$BENCH_D" "${search[@]}"
  bench_step "$BENCH_HANG" "Redis hang · redis-cli CLIENT PAUSE $hang_ms ALL, search goes on"
  redis-cli -h "$GP_REDIS_HOST" -p "$GP_REDIS_PORT" CLIENT PAUSE "$hang_ms" ALL >/dev/null
  t0=$(date +%s.%N)
  bench_wrk '"series":"redis","phase":"hang, first second"' "$BENCH_GW" get.lua 16 1 "${search[@]}"
  bench_wrk "\"series\":\"redis\",\"phase\":\"hang, seconds 1-$BENCH_HANG\"" "$BENCH_GW" get.lua 16 $((BENCH_HANG - 2)) "${search[@]}"
  sleep "$(python3 -c "import time; print(max(0, $t0 + $BENCH_HANG + 0.5 - time.time()))")"
  bench_step "$BENCH_D" "Redis hang · public search after the hang"
  bench_wrk '"series":"redis","phase":"after"' "$BENCH_GW" get.lua 16 "$BENCH_D" "${search[@]}"
  bench_step "$BENCH_BURST" "Redis hang · a burst from one address (rate limiting after the hang)"
  bench_wrk '"series":"redis","phase":"burst after"' "$BENCH_GW" get.lua 4 "$BENCH_BURST" "${burst[@]}"
}

plan_race() { echo 10; }

# N concurrent approvals on one program budget that affords only some of them, through the gateway.
series_race() {
  bench_step 10 "$BENCH_RACE concurrent subsidy approvals on a budget for $BENCH_RACE_AFFORD, via gateway"
  local result
  result=$(bench_prepare race "$BENCH_GW" "$BENCH_RACE" "$BENCH_RACE_AFFORD" "$BENCH_WORK")
  echo "{\"series\":\"race\",\"command\":\"python3 scripts/bench/prepare.py race $BENCH_GW $BENCH_RACE $BENCH_RACE_AFFORD .portal/bench/run\",${result#\{}" >>"$BENCH_RESULTS"
}

# ---- the publicity-day mix: one wrk per class of request, each with its share of the connections ---

# bench_mix_start META SECONDS MIX...: MIX lists, per class, the connections and the pacing
# delay (ms, 0 = back to back): search, detail, feeds, stats, applications, approvals, subsidies, banks.
bench_mix_start() {
  local m=$1 seconds=$2
  shift 2
  local -a spec=("$@") pids=()
  local w=$BENCH_WORK
  bench_take_ids "$w/ids-review.txt" "$(bench_mix_need "$seconds" 10 "${spec[@]}")" "$w/ids-review.mix.txt"
  bench_take_ids "$w/ids-subsidy.txt" "$(bench_mix_need "$seconds" 12 "${spec[@]}")" "$w/ids-subsidy.mix.txt"
  printf '%s\n' /api/v1/public/feed.atom /api/v1/public/feed.json >"$w/paths-feeds.txt"
  printf '%s\n' /api/v1/public/statistics '/api/v1/public/statistics?type=GREEN_FACTORY' /api/v1/public/targets \
    /api/v1/public/notices >"$w/paths-stats.txt"
  bench_wrk_start "$m,\"class\":\"public search\"" "$BENCH_GW" search.lua ${spec[0]} "$seconds" \
    BENCH_SEARCH=mixed BENCH_XFF=pool BENCH_DELAY_MS=${spec[1]}
  pids+=("$BENCH_PID")
  bench_wrk_start "$m,\"class\":\"listing detail\"" "$BENCH_GW" get.lua ${spec[2]} "$seconds" \
    BENCH_PATHS="$w/paths-listing.txt" BENCH_XFF=pool BENCH_DELAY_MS=${spec[3]}
  pids+=("$BENCH_PID")
  bench_wrk_start "$m,\"class\":\"feeds (Atom, JSON)\"" "$BENCH_GW" get.lua ${spec[4]} "$seconds" \
    BENCH_PATHS="$w/paths-feeds.txt" BENCH_XFF=pool BENCH_DELAY_MS=${spec[5]}
  pids+=("$BENCH_PID")
  bench_wrk_start "$m,\"class\":\"statistics, targets, notices\"" "$BENCH_GW" get.lua ${spec[6]} "$seconds" \
    BENCH_PATHS="$w/paths-stats.txt" BENCH_XFF=pool BENCH_DELAY_MS=${spec[7]}
  pids+=("$BENCH_PID")
  bench_wrk_start "$m,\"class\":\"new applications (enterprises)\"" "$BENCH_GW" post.lua ${spec[8]} "$seconds" \
    BENCH_PATH=/api/v1/certification/applications BENCH_BODY_FILE="$w/body-application.json" \
    BENCH_TOKENS="$w/tokens-ent.txt" BENCH_DELAY_MS=${spec[9]}
  pids+=("$BENCH_PID")
  bench_wrk_start "$m,\"class\":\"municipal approvals\"" "$BENCH_GW" post.lua ${spec[10]} "$seconds" \
    BENCH_PATH='/api/v1/certification/applications/{id}/reviews' BENCH_IDS="$w/ids-review.mix.txt" \
    BENCH_BODY_FILE="$w/body-review.json" BENCH_AFTER_PATH='/api/v1/certification/applications?size=5' \
    BENCH_TOKENS="$w/tokens-city.txt" BENCH_DELAY_MS=${spec[11]}
  pids+=("$BENCH_PID")
  bench_wrk_start "$m,\"class\":\"subsidy approvals\"" "$BENCH_GW" post.lua ${spec[12]} "$seconds" \
    BENCH_PATH='/api/v1/incentives/subsidy-applications/{id}/approval' BENCH_IDS="$w/ids-subsidy.mix.txt" \
    BENCH_BODY_FILE="$w/body-approval.json" BENCH_AFTER_PATH='/api/v1/incentives/programs' \
    BENCH_TOKENS="$w/tokens-prov.txt" BENCH_DELAY_MS=${spec[13]}
  pids+=("$BENCH_PID")
  bench_wrk_start "$m,\"class\":\"bank batch verification (1,000 codes)\"" "$BENCH_GW" post.lua ${spec[14]} "$seconds" \
    BENCH_PATH=/api/v1/incentives/verifications/batch BENCH_BODY_FILE="$w/body-batch.json" \
    BENCH_TOKENS="$w/tokens-bank.txt" BENCH_DELAY_MS=${spec[15]}
  pids+=("$BENCH_PID")
  BENCH_MIX_PIDS=("${pids[@]}")
}

# How many prepared ids a class of MIX uses in SECONDS at most: each of its connections sends one
# request per delay (the class's connections and delay are at positions $3 and $3+1 of MIX).
bench_mix_need() {
  local seconds=$1 at=$2
  shift 2
  local -a spec=("$@")
  echo $((spec[at] * (seconds * 1000 / spec[at + 1] + 1) + 2))
}

# Moves the next N ids of a prepared pool (a file) into their own file, so no two runs share one.
bench_take_ids() {
  local pool=$1 n=$2 out=$3
  head -n "$n" "$pool" >"$out"
  sed -i "1,${n}d" "$pool"
}

# Publicity day: 256 connections, anonymous reads back to back, writes paced as people and banks
# work (each user under the gateway's 20/s; each bank under its batch budget of one per 2 s).
# connections / delay per class: search, detail, feeds, stats, applications, approvals, subsidies, banks
BENCH_SCENARIO_MIX="140 0 48 0 24 0 24 0 8 2000 4 2000 4 2000 4 4000"
# The soak: the same classes at a steady rate, about 70 requests/s
BENCH_SOAK_MIX="40 1000 16 1000 4 1000 4 1000 2 2000 2 4000 2 4000 2 4000"

plan_scenario() { echo $((BENCH_SCENARIO + 5)); }

series_scenario() {
  local seconds=$BENCH_SCENARIO
  bench_step "$((seconds + 5))" "publicity day · 256 connections over 8 classes of request · $(bench_clock "$seconds")"
  bench_mix_start '"series":"scenario"' "$seconds" $BENCH_SCENARIO_MIX
  bench_wait "$seconds" "${BENCH_MIX_PIDS[@]}" || true
  bench_collect
}

# Resident memory of each application of the portal under test and of the bench gateways.
bench_memory() {
  local label=$1 name pid rss parts=()
  for name in registry certification incentive publicity gateway; do
    pid=$(bench_portal_pid "$name")
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    parts+=("\"$name\":${rss:-null}")
  done
  for name in bench-gateway; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$(cat "$GP_RUN/$name.pid")/status" 2>/dev/null || true)
    parts+=("\"$name (under load)\":${rss:-null}")
  done
  local IFS=,
  echo "{\"series\":\"soak\",\"kind\":\"memory\",\"at\":\"$label\",\"second\":$2,\"rss_kb\":{${parts[*]}}}" >>"$BENCH_RESULTS"
}

plan_soak() { echo $((BENCH_SOAK_SEGMENTS * (BENCH_SOAK_SEGMENT + 3))); }

# The soak: the mix at a steady rate in segments (a fresh set of tokens for each: they live 10
# minutes), resident memory at the start and after each segment.
series_soak() {
  local n=$BENCH_SOAK_SEGMENTS seconds=$BENCH_SOAK_SEGMENT i
  bench_memory start 0
  for ((i = 1; i <= n; i++)); do
    bench_step "$((seconds + 3))" "soak · segment $i of $n · $(bench_clock "$seconds") at a steady ~70 req/s"
    bench_prepare tokens "$BENCH_WORK"
    bench_mix_start "\"series\":\"soak\",\"segment\":$i" "$seconds" $BENCH_SOAK_MIX
    bench_wait "$seconds" "${BENCH_MIX_PIDS[@]}" || true
    bench_collect
    bench_memory "after segment $i" $((i * seconds))
  done
}
