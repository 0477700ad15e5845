# The series of ./portal bench. Each speed comparison is a pair measured back to back in the same run.
# Durations come from the mode (see bench_mode in the portal script): BENCH_D (seconds per closed-loop
# run), BENCH_D_RATE (per steady-rate run), BENCH_CONNS, BENCH_HANG (Redis pause), ...
# shellcheck shell=bash

REGISTRY=http://127.0.0.1:$GP_REGISTRY_PORT
CERTIFICATION=http://127.0.0.1:$GP_CERTIFICATION_PORT
INCENTIVE=http://127.0.0.1:$GP_INCENTIVE_PORT
PUBLICITY=http://127.0.0.1:$GP_PUBLICITY_PORT
KEYCLOAK=http://127.0.0.1:$GP_KC_PORT
ELASTICSEARCH=$GP_ES_URL
CACHED_SEARCH=/api/v1/public/listings?q=%E6%B0%B4%E6%B3%A5 # 水泥

bench_prepare() { python3 "$BENCH_HOME/prepare.py" "$@"; }

# The two statistics the publicity-day mix reads (all listings, and green factories only).
STATISTICS_PATHS=(/api/v1/public/statistics '/api/v1/public/statistics?type=GREEN_FACTORY')

# The JIT of a freshly started gateway needs traffic before its figures mean anything: a bearer read,
# the mixed search, and the other anonymous reads of the publicity-day mix (listing details, feeds,
# statistics, targets, notices), so that the scenario does not measure them being compiled.
series_warmup() {
  bench_step "$(plan_warmup)" "warming up the bench gateways (${BENCH_WARMUP} s each, not measured)"
  local which gw
  { cat "$BENCH_WORK/paths-listing.txt" 2>/dev/null
    printf '%s\n' /api/v1/public/feed.atom /api/v1/public/feed.json "${STATISTICS_PATHS[@]}" \
      /api/v1/public/targets /api/v1/public/notices
  } >"$BENCH_WORK/paths-warmup.txt"
  for which in $BENCH_GATEWAYS; do
    if [ "$which" = on ]; then gw=$BENCH_GW; else gw=$BENCH_GW_OFF; fi
    bench_wrk_start '"series":"warmup"' "$gw" get.lua 8 "$BENCH_WARMUP" BENCH_PATH=/api/v1/registry/listings \
      BENCH_TOKENS="$BENCH_WORK/tokens-ent.txt"
    local a=$BENCH_PID
    bench_wrk_start '"series":"warmup"' "$gw" get.lua 4 "$BENCH_WARMUP" BENCH_PATHS="$BENCH_WORK/paths-warmup.txt" BENCH_XFF=pool
    local b=$BENCH_PID
    bench_wrk_start '"series":"warmup"' "$gw" search.lua 8 "$BENCH_WARMUP" BENCH_SEARCH=mixed BENCH_XFF=pool
    bench_wait "$BENCH_WARMUP" "$a" "$b" "$BENCH_PID" || true
  done
  rm -f "$BENCH_OUT"/*.out
}

plan_warmup() { echo $(($(wc -w <<<"$BENCH_GATEWAYS") * BENCH_WARMUP)); }

plan_pairs() { echo $((3 * ($(wc -w <<<"$BENCH_CONNS") + BENCH_PAIR_ROUNDS - 1) * (2 * BENCH_D + 2 + BENCH_SETTLE))); }

# Gateway vs straight to the service, same request, on the gateway with rate limits off: the pair
# then differs only by the gateway's own work (routing, token check, filters, one more hop). At the
# connections a target is set for (BENCH_PAIR_ROUNDS_AT) the pair is measured in BENCH_PAIR_ROUNDS
# rounds and the report gives the median of the rounds' ratios: a single 10 s pair of one build gave
# 0.51, 0.58 and 0.51 in three runs of one session on the shared machine.
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
      local rounds=1 round side
      [ "$c" = "$BENCH_PAIR_ROUNDS_AT" ] && rounds=$BENCH_PAIR_ROUNDS
      for round in $(seq 1 "$rounds"); do
        # the side that goes first alternates, so a drift of the machine's load does not favour one
        for side in $( ((round % 2)) && echo direct gateway || echo gateway direct); do
          local target=$url shown=direct
          [ "$side" = gateway ] && target=$BENCH_GW_OFF shown="via gateway (limits off)"
          bench_step "$((BENCH_D + 1))" "gateway vs direct · $label · $c connections · round $round of $rounds · $shown"
          bench_wrk "\"series\":\"pairs\",\"endpoint\":\"$label\",\"side\":\"$side\",\"round\":$round" "$target" get.lua "$c" "$BENCH_D" "${vars[@]}"
        done
        sleep "$BENCH_SETTLE" # the next pair starts from a quiet portal
      done
    done
  done
}

plan_search() { echo $((2 * $(wc -w <<<"$BENCH_SEARCH_CONNS") * (2 * BENCH_D + 2 + BENCH_SETTLE))); }

# CPU ticks so far of the named processes, as JSON ("name":ticks,...): the bench gateway, Redis,
# PostgreSQL (all its processes), "machine" (every CPU's busy ticks, from /proc/stat) or a process of
# the portal by its name in its run folder.
bench_ticks() {
  local name pid t parts=()
  for name in "$@"; do
    case $name in
      bench-gateway) pid=$(cat "$GP_RUN/bench-gateway.pid" 2>/dev/null); t=$(stat_ticks "/proc/${pid:-0}/stat") ;;
      redis) pid=$(pgrep -f "^redis-server .*:$GP_REDIS_PORT" | head -1); t=$(stat_ticks "/proc/${pid:-0}/stat") ;;
      postgresql)
        # its processes now, and those that ended (a closed connection's backend), which count in
        # the server's children's time
        pid=$(pgrep -o -x postgres)
        t=$(sed 's/.*) //' "/proc/${pid:-0}/stat" 2>/dev/null | awk '{print $14 + $15}')
        for pid in $(pgrep -x postgres); do t=$((${t:-0} + $(stat_ticks "/proc/$pid/stat"))); done ;;
      machine) t=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat) ;;
      *) pid=$(bench_portal_pid "$name"); t=$(stat_ticks "/proc/${pid:-0}/stat") ;;
    esac
    parts+=("\"$name\":${t:-0}")
  done
  local IFS=,
  echo "${parts[*]}"
}

# Each process a public search passes through.
bench_search_ticks() { bench_ticks bench-gateway publicity elasticsearch redis; }

# Every process the portal runs on, and the machine as a whole.
bench_portal_ticks() {
  bench_ticks bench-gateway gateway registry certification incentive publicity site elasticsearch keycloak redis postgresql machine
}

# bench_wrk with the CPU each process of the search path spent meanwhile, as one more result line.
bench_wrk_search_cpu() {
  local meta=$1 before after
  before=$(bench_search_ticks)
  bench_wrk "$@"
  after=$(bench_search_ticks)
  echo "{$meta,\"kind\":\"cpu\",\"connections\":$4,\"hz\":$(getconf CLK_TCK),\"before\":{$before},\"after\":{$after}}" >>"$BENCH_RESULTS"
}

# Public search through the gateway (rate limits on, clients spread over many addresses) vs the same
# query body sent straight to Elasticsearch; cached = one query repeated, uncached = varied queries.
# The CPU time of the gateway, publicity, Elasticsearch and Redis during each run shows what one
# search costs each of them (they share the machine's cores).
series_search() {
  local mode c alias
  alias=$(bench_es_alias)
  for mode in cached varied; do
    for c in $BENCH_SEARCH_CONNS; do
      bench_step "$((BENCH_D + 1))" "search vs Elasticsearch · $mode · $c connections · via gateway"
      bench_wrk_search_cpu "\"series\":\"search\",\"mode\":\"$mode\",\"side\":\"gateway\"" "$BENCH_GW" search.lua "$c" "$BENCH_D" \
        BENCH_SEARCH=$mode BENCH_XFF=pool
      bench_step "$((BENCH_D + 1))" "search vs Elasticsearch · $mode · $c connections · Elasticsearch"
      bench_wrk_search_cpu "\"series\":\"search\",\"mode\":\"$mode\",\"side\":\"elasticsearch\"" "$ELASTICSEARCH" es-search.lua "$c" "$BENCH_D" \
        BENCH_SEARCH=$mode BENCH_ES_ALIAS="$alias"
      sleep "$BENCH_SETTLE"
    done
  done
}

plan_latency() { echo $((2 * 3 * BENCH_RATE_ROUNDS * (BENCH_D_RATE + 1))); }

# Added latency below saturation: each of 10 connections waits 100 ms between requests (wrk's Lua
# delay()), about 100 req/s in all. Registry listings with eight bench enterprise users (each under
# its 20/s budget), and the cached public search; direct, gateway with limits on, gateway with limits off.
# The three sides take turns in BENCH_RATE_ROUNDS short rounds, so that a drift of the shared
# machine's load falls on all three alike; the report pairs each side with the direct run of its round.
series_latency() {
  local endpoint label url path side gw round
  for endpoint in registry publicity; do
    local -a vars=()
    case $endpoint in
      registry) label="registry listings" url=$REGISTRY path=/api/v1/registry/listings vars=(BENCH_TOKENS="$BENCH_WORK/tokens-ent.txt") ;;
      publicity) label="public search 水泥 (cached)" url=$PUBLICITY path=$CACHED_SEARCH vars=(BENCH_XFF=pool) ;;
    esac
    for round in $(seq 1 "$BENCH_RATE_ROUNDS"); do
      for side in direct gateway gateway-limits-off; do
        case $side in direct) gw=$url ;; gateway) gw=$BENCH_GW ;; *) gw=$BENCH_GW_OFF ;; esac
        bench_step "$((BENCH_D_RATE + 1))" "added latency at ~100 req/s · $label · round $round of $BENCH_RATE_ROUNDS · $side"
        bench_wrk "\"series\":\"latency\",\"endpoint\":\"$label\",\"side\":\"$side\",\"round\":$round" "$gw" get.lua 10 "$BENCH_D_RATE" \
          BENCH_PATH="$path" BENCH_DELAY_MS=100 "${vars[@]}"
      done
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

plan_capacity() { echo $((2 * (BENCH_D + 1))); }

# Two inputs of the national sizing note (k8s/README.md section 7), closed loop, straight at one
# instance (no gateway: its limits would measure the budget, not the capacity): B, bank batch
# verifications of 1,000 credit codes per second (incentive, which asks the registry in one gRPC
# BatchLookup); K, logins per second on one Keycloak (the password grant: the password hash check
# and a token, the costly part of a browser login).
series_capacity() {
  bench_step "$((BENCH_D + 1))" "capacity · bank batch verification (1,000 codes) · 4 connections · incentive direct"
  bench_wrk '"series":"capacity","input":"B","what":"bank batch verification (1,000 codes)"' "$INCENTIVE" post.lua 4 "$BENCH_D" \
    BENCH_PATH=/api/v1/incentives/verifications/batch BENCH_BODY_FILE="$BENCH_WORK/body-batch.json" \
    BENCH_TOKENS="$BENCH_WORK/tokens-bank.txt"
  # the 24 bench users in turn: people log in as themselves (Keycloak's brute-force detection counts
  # concurrent logins of one user as suspect), and their records are cleared afterwards
  bench_prepare logins "$BENCH_WORK"
  bench_step "$((BENCH_D + 1))" "capacity · Keycloak logins (password grant, 24 users in turn) · 4 connections"
  bench_wrk '"series":"capacity","input":"K","what":"Keycloak login (password grant, 24 users in turn)"' "$KEYCLOAK" post.lua 4 "$BENCH_D" \
    BENCH_PATH=/realms/greenportal/protocol/openid-connect/token BENCH_CONTENT_TYPE=application/x-www-form-urlencoded \
    BENCH_BODY_LINES="$BENCH_WORK/body-logins.txt"
  bench_prepare unlock
}

# ---- the publicity-day mix: one wrk per class of request, each with its share of the connections ---

# Per class: connections and pacing delay in ms (0 = back to back) for the publicity day, the soak
# and the smoke, then the script and its variables (@ = the bench's work folder). Publicity day: 256
# connections, anonymous reads back to back, writes paced as people and banks work (each user under
# the gateway's 20/s, each bank under its batch budget of one per 2 s). Soak: about 70 requests/s.
BENCH_MIX='
public search          |140    0| 40 1000|2    0| search.lua BENCH_SEARCH=mixed BENCH_XFF=pool
listing detail         | 48    0| 16 1000|1    0| get.lua BENCH_PATHS=@/paths-listing.txt BENCH_XFF=pool
feed (Atom)            | 12    0|  2 1000|1    0| get.lua BENCH_PATH=/api/v1/public/feed.atom BENCH_XFF=pool
feed (JSON)            | 12    0|  2 1000|1    0| get.lua BENCH_PATH=/api/v1/public/feed.json BENCH_XFF=pool
statistics             | 10    0|  2 1000|1    0| get.lua BENCH_PATHS=@/paths-statistics.txt BENCH_XFF=pool
plan targets           |  8    0|  1 1000|1    0| get.lua BENCH_PATH=/api/v1/public/targets BENCH_XFF=pool
publicity notices      |  6    0|  1 1000|1    0| get.lua BENCH_PATH=/api/v1/public/notices BENCH_XFF=pool
new applications       |  8 2000|  2 2000|1  500| post.lua BENCH_PATH=/api/v1/certification/applications BENCH_BODY_FILE=@/body-application.json BENCH_TOKENS=@/tokens-ent.txt
municipal approvals    |  4 2000|  2 4000|1  500| post.lua BENCH_PATH=/api/v1/certification/applications/{id}/reviews BENCH_IDS=@/ids-review.mix.txt BENCH_BODY_FILE=@/body-review.json BENCH_AFTER_PATH=/api/v1/certification/applications?size=5 BENCH_TOKENS=@/tokens-city.txt
subsidy approvals      |  4 2000|  2 4000|1  500| post.lua BENCH_PATH=/api/v1/incentives/subsidy-applications/{id}/approval BENCH_IDS=@/ids-subsidy.mix.txt BENCH_BODY_FILE=@/body-approval.json BENCH_AFTER_PATH=/api/v1/incentives/programs BENCH_TOKENS=@/tokens-prov.txt
bank batch verification|  4 4000|  2 4000|1 1000| post.lua BENCH_PATH=/api/v1/incentives/verifications/batch BENCH_BODY_FILE=@/body-batch.json BENCH_TOKENS=@/tokens-bank.txt
'

# bench_mix_row CLASS COLUMN: "connections delay" of a class (column 1 publicity day, 2 soak, 3 smoke)
bench_mix_row() { grep "^$1 *|" <<<"$BENCH_MIX" | cut -d'|' -f$(($2 + 1)); }

# How many prepared applications a class approves in SECONDS at most (one per delay per connection).
bench_mix_need() {
  local conns delay
  read -r conns delay <<<"$(bench_mix_row "$1" "$3")"
  echo $((conns * ($2 * 1000 / delay + 1) + 2))
}

# Moves the next N ids of a prepared pool (a file) into their own file, so no two runs share one.
bench_take_ids() {
  local pool=$1 n=$2 out=$3
  head -n "$n" "$pool" >"$out"
  sed -i "1,${n}d" "$pool"
}

# bench_mix_start META SECONDS COLUMN: starts one wrk per class (their pids in BENCH_MIX_PIDS).
bench_mix_start() {
  local meta=$1 seconds=$2 column=$3 w=$BENCH_WORK name conns delay script
  local -a vars
  bench_take_ids "$w/ids-review.txt" "$(bench_mix_need "municipal approvals" "$seconds" "$column")" "$w/ids-review.mix.txt"
  bench_take_ids "$w/ids-subsidy.txt" "$(bench_mix_need "subsidy approvals" "$seconds" "$column")" "$w/ids-subsidy.mix.txt"
  printf '%s\n' "${STATISTICS_PATHS[@]}" >"$w/paths-statistics.txt"
  BENCH_MIX_PIDS=()
  local order=0
  while IFS='|' read -r name _ _ _ script; do
    [ -n "$name" ] || continue
    order=$((order + 1))
    name=$(echo "$name" | sed 's/ *$//')
    read -r conns delay <<<"$(bench_mix_row "$name" "$column")"
    read -r -a vars <<<"${script//@/$w}"
    bench_wrk_start "$meta,\"class\":\"$name\",\"order\":$order" "$BENCH_GW" "${vars[0]}" "$conns" "$seconds" "${vars[@]:1}" BENCH_DELAY_MS="$delay"
    BENCH_MIX_PIDS+=("$BENCH_PID")
  done <<<"$BENCH_MIX"
}

plan_scenario() { echo $((BENCH_SCENARIO + 5)); }

series_scenario() {
  local seconds=$BENCH_SCENARIO
  bench_step "$((seconds + 5))" "publicity day · 256 connections over 11 classes of request · $(bench_clock "$seconds")"
  local before after started
  # from before the first wrk starts to after the last ends, so the window holds all their work
  before=$(bench_portal_ticks) started=$(date +%s.%N)
  bench_mix_start '"series":"scenario"' "$seconds" "$BENCH_SCENARIO_COLUMN"
  bench_wait "$seconds" "${BENCH_MIX_PIDS[@]}" || true
  after=$(bench_portal_ticks)
  # where the machine's cores went meanwhile, process by process
  echo "{\"series\":\"scenario\",\"kind\":\"cpu\",\"wall\":$(awk "BEGIN {print $(date +%s.%N) - $started}"),\"cores\":$(nproc),\"hz\":$(getconf CLK_TCK),\"before\":{$before},\"after\":{$after}}" >>"$BENCH_RESULTS"
  bench_collect
}

# Resident memory (and pid, to tell a restart) of each application of the portal and of the bench gateway.
bench_memory() {
  local label=$1 second=$2 name pid rss parts=() pids=()
  for name in registry certification incentive publicity gateway bench-gateway; do
    if [ "$name" = bench-gateway ]; then pid=$(cat "$GP_RUN/$name.pid"); else pid=$(bench_portal_pid "$name"); fi
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    parts+=("\"$name\":${rss:-null}")
    pids+=("\"$name\":${pid:-null}")
  done
  local IFS=,
  echo "{\"series\":\"soak\",\"kind\":\"memory\",\"at\":\"$label\",\"second\":$second,\"rss_kb\":{${parts[*]}},\"pid\":{${pids[*]}}}" >>"$BENCH_RESULTS"
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
    bench_mix_start "\"series\":\"soak\",\"segment\":$i" "$seconds" "$BENCH_SOAK_COLUMN"
    bench_wait "$seconds" "${BENCH_MIX_PIDS[@]}" || true
    bench_collect
    bench_memory "after segment $i" $((i * seconds))
  done
}
