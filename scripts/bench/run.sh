# The pieces of ./portal bench: tools, the bench gateways, wrk runs and progress.
# shellcheck shell=bash

BENCH_HOME=$GP_ROOT/scripts/bench
# The portal under test: its state folder (pid files, jars). By default this checkout's; point it at
# another checkout's .portal to measure a portal started from there.
GP_BENCH_PORTAL=${GP_BENCH_PORTAL:-$GP_STATE}
# Two bench gateways, started from the portal's gateway jar: rate limits on as in production, and off
GP_BENCH_GATEWAY_PORT=${GP_BENCH_GATEWAY_PORT:-18080}
GP_BENCH_GATEWAY_OFF_PORT=${GP_BENCH_GATEWAY_OFF_PORT:-18081}
# The gateway jar to measure: by default the one the portal's gateway runs; GP_BENCH_GATEWAY_JAR
# names another (e.g. gateway/target/gateway-0.1.0-SNAPSHOT.jar, to measure a build of this checkout).
GP_BENCH_GATEWAY_JAR=${GP_BENCH_GATEWAY_JAR:-}
BENCH_GW=http://127.0.0.1:$GP_BENCH_GATEWAY_PORT
BENCH_GW_OFF=http://127.0.0.1:$GP_BENCH_GATEWAY_OFF_PORT

# Debian's wrk (C, one event loop per thread: a few percent of a core drive thousands of requests
# per second, leaving the 2 cores to the portal), gnuplot for the plots, python3 for preparing data
# and writing the report.
bench_tools() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v gnuplot >/dev/null 2>&1 || missing+=(gnuplot-nox)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  command -v redis-cli >/dev/null 2>&1 || missing+=(redis-tools)
  [ ${#missing[@]} = 0 ] && return 0
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
    || die "the bench needs ${missing[*]} (Debian: apt-get install ${missing[*]})"
  log "installing ${missing[*]} (Debian packages)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >"$GP_LOGS/apt-bench.log" 2>&1 \
    || { apt-get update -q >>"$GP_LOGS/apt-bench.log" 2>&1 \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >>"$GP_LOGS/apt-bench.log" 2>&1; } \
    || die "could not install ${missing[*]} (see $GP_LOGS/apt-bench.log)"
}

bench_portal_pid() { cat "$GP_BENCH_PORTAL/run/$1.pid" 2>/dev/null; }

# CPU ticks (utime + stime) in a /proc stat file, of a process or a thread; 0 if it is gone. The
# fields are counted after the ")" that ends the command name, which may hold spaces.
stat_ticks() {
  local ticks
  ticks=$(sed 's/.*) //' "$1" 2>/dev/null | awk '{print $12 + $13}')
  echo "${ticks:-0}"
}

# The index alias the running publicity service reads (the test portal uses its own).
bench_es_alias() {
  local pid alias=""
  pid=$(bench_portal_pid publicity)
  [ -n "$pid" ] && alias=$(tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | sed -n 's/^GP_ES_ALIAS=//p')
  echo "${alias:-${GP_ES_ALIAS:-greenportal-listings}}"
}

# A bench gateway runs exactly as the portal's gateway does (its java command line, read from /proc),
# from a copy of its jar, on its own port and log. It trusts one proxy hop: wrk plays the ingress and
# writes X-Forwarded-For, so anonymous load is spread over many client addresses as real traffic is.
bench_gateway_start() {
  local name=$1 port=$2 limits=$3 pid
  pid=$(bench_portal_pid gateway)
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || die "the portal's gateway is not running (no pid in $GP_BENCH_PORTAL/run)"
  local -a cmd
  mapfile -d '' -t cmd <"/proc/$pid/cmdline"
  mkdir -p "$GP_STATE/bench/tmp-$name"
  cp "${GP_BENCH_GATEWAY_JAR:-${cmd[-1]}}" "$GP_STATE/bench/$name.jar"
  local i
  for i in "${!cmd[@]}"; do
    case ${cmd[$i]} in -Djava.io.tmpdir=*) cmd[$i]=-Djava.io.tmpdir=$GP_STATE/bench/tmp-$name ;; esac
  done
  cmd[-1]=$GP_STATE/bench/$name.jar
  if pid_alive "$name"; then stop_pid "$name"; fi
  port_open 127.0.0.1 "$port" && die "port $port for the $name is taken; set GP_BENCH_GATEWAY_PORT / GP_BENCH_GATEWAY_OFF_PORT"
  port_open 127.0.0.1 "$(bench_management_port "$port")" \
    && die "port $(bench_management_port "$port") for the $name's actuator is taken; set GP_BENCH_GATEWAY_PORT / GP_BENCH_GATEWAY_OFF_PORT"
  log "starting $name on http://127.0.0.1:$port (rate limits $([ "$limits" = true ] && echo on || echo off), log: $GP_LOGS/$name.log)"
  (
    cd "$GP_STATE"
    # its own Redis key namespace for the rate-limit buckets: the bench never eats the portal's budgets;
    # the local portal's development key for the client-address seal, as the portal's own gateway has it
    GP_GATEWAY_PORT=$port GP_GATEWAY_MANAGEMENT_PORT=$(bench_management_port "$port") GP_TRUSTED_PROXY_HOPS=1 GP_RATE_LIMITS_ENABLED=$limits \
      GP_LOCAL_PORTAL=${GP_LOCAL_PORTAL:-true} GREENPORTAL_RATELIMITS_NAMESPACE=gp-bench nohup "${cmd[@]}" >"$GP_LOGS/$name.log" 2>&1 </dev/null &
    echo $! >"$GP_RUN/$name.pid"
  )
}

# a bench gateway's actuator (health) is on its own port, ten above its HTTP port
bench_management_port() { echo $(($1 + 10)); }

bench_gateway_ready() {
  local name=$1 port=$2
  pid_alive "$name" || { tail -n 30 "$GP_LOGS/$name.log" >&2; die "$name exited during start-up"; }
  curl -fs -o /dev/null --max-time 3 "http://127.0.0.1:$(bench_management_port "$port")/actuator/health/readiness"
}

bench_gateways_stop() { stop_pid bench-gateway; stop_pid bench-gateway-off; }

# ---- progress ---------------------------------------------------------------------------------

BENCH_T0=$SECONDS
BENCH_LEFT=0     # planned seconds of the steps not yet started
BENCH_STEP_END=0 # when the current step should end

bench_clock() { printf '%02d:%02d' $(($1 / 60)) $(($1 % 60)); }

bench_status() {
  local left=$((BENCH_LEFT + (BENCH_STEP_END > SECONDS ? BENCH_STEP_END - SECONDS : 0)))
  printf '\033[1;36m[bench %s elapsed, ~%s left]\033[0m %s\n' "$(bench_clock $((SECONDS - BENCH_T0)))" \
    "$(bench_clock "$left")" "$*" >&2
}

# bench_step SECONDS TEXT: a step of the plan begins
bench_step() {
  BENCH_LEFT=$((BENCH_LEFT > $1 ? BENCH_LEFT - $1 : 0))
  BENCH_STEP_END=$((SECONDS + $1))
  bench_status "$2"
}

# Waits for the given pids, telling how far a long run has got every 30 s.
bench_wait() {
  local seconds=$1 start=$SECONDS next=$((SECONDS + 30)) pid rc=0 running=1
  shift
  while [ $running = 1 ]; do
    running=0
    for pid in "$@"; do kill -0 "$pid" 2>/dev/null && running=1; done
    sleep 0.2
    if [ "$seconds" -ge 60 ] && [ $SECONDS -ge $next ]; then
      bench_status "  ... $(bench_clock $((SECONDS - start))) of $(bench_clock "$seconds")"
      next=$((next + 30))
    fi
  done
  for pid in "$@"; do wait "$pid" || rc=$?; done
  return $rc
}

# ---- wrk --------------------------------------------------------------------------------------

# bench_wrk_start META URL SCRIPT CONNECTIONS SECONDS [VAR=value ...]: starts one wrk in the
# background (its pid in BENCH_PID); its result line goes to $BENCH_OUT/<n>.out. META is the JSON
# members that label the result ("series":"pairs","side":"gateway",...).
BENCH_N=0
bench_wrk_start() {
  local meta=$1 url=$2 script=$3 conns=$4 seconds=$5
  shift 5
  local threads=$((conns < 2 ? conns : 2)) shown env
  BENCH_N=$((BENCH_N + 1))
  # the command as a reader would type it from the repository root (bench files shown relative)
  shown="$* wrk -t$threads -c$conns -d${seconds}s --timeout 30s -s scripts/bench/lua/$script $url"
  shown=${shown//$GP_STATE\//.portal/}
  shown=${shown//$GP_ROOT\//}
  env=("BENCH_LUA=$BENCH_HOME/lua" "BENCH_THREADS=$threads" "BENCH_SEED=$BENCH_N"
    "BENCH_META=$meta,\"connections\":$conns,\"load\":$(cut -d' ' -f1 /proc/loadavg),\"command\":\"${shown//\"/\\\"}\"," "$@")
  # `times` after wrk: the CPU time wrk took (its second line, children), to show what the load costs
  (
    env "${env[@]}" wrk -t"$threads" -c"$conns" -d"${seconds}s" --timeout 30s -s "$BENCH_HOME/lua/$script" "$url"
    times
  ) >"$BENCH_OUT/$(printf %04d "$BENCH_N").out" 2>&1 &
  BENCH_PID=$!
}

# Appends the result lines of finished wrk runs to the results file; a run without one broke.
bench_collect() {
  local f
  for f in "$BENCH_OUT"/*.out; do
    [ -e "$f" ] || continue
    grep -q '^BENCH_RESULT ' "$f" || { cat "$f" >&2; die "wrk gave no result (output above, in $f)"; }
    local cpu
    cpu=$(tail -n 1 "$f" | awk '{ for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } } END { printf "%.2f", s }')
    grep -h '^BENCH_RESULT ' "$f" | sed "s/^BENCH_RESULT //; s/}\$/,\"wrk_cpu_s\":$cpu}/" >>"$BENCH_RESULTS"
    mv "$f" "$f.done"
  done
}

# bench_wrk META URL SCRIPT CONNECTIONS SECONDS [VAR=value ...]: one run, in the foreground.
bench_wrk() {
  bench_wrk_start "$@"
  bench_wait "$5" "$BENCH_PID" || true
  bench_collect
}
