# ./portal bench [--smoke | --scenario | --soak | --capacity]: load from wrk processes on loopback against the
# running portal, through two bench gateways of its own; figures into docs/benchmarks.md.
# shellcheck shell=bash

# shellcheck source=scripts/bench/run.sh
source "$GP_ROOT/scripts/bench/run.sh"
# shellcheck source=scripts/bench/series.sh
source "$GP_ROOT/scripts/bench/series.sh"
# shellcheck source=scripts/bench/profile.sh
source "$GP_ROOT/scripts/bench/profile.sh"

# What each mode runs, and for how long (seconds).
bench_mode() {
  # 150 s of warm-up per bench gateway: after 60 s its CPU per bearer read was still falling as the
  # JIT compiled (1.86, 1.42, 0.86, 0.61 ms in four runs of 12-30 s; docs/profile/README.md), and
  # the pairs measured a gateway half compiled against services that had run for hours
  BENCH_WARMUP=150 BENCH_SETTLE=3 BENCH_D=10 BENCH_D_RATE=5 BENCH_RATE_ROUNDS=4 BENCH_CONNS="16 64 256" BENCH_SEARCH_CONNS="16 64"
  BENCH_PAIR_ROUNDS_AT=64 BENCH_PAIR_ROUNDS=3
  BENCH_HANG=15 BENCH_BURST=3 BENCH_RACE=30 BENCH_RACE_AFFORD=20
  BENCH_SCENARIO=300 BENCH_SOAK_SEGMENTS=6 BENCH_SOAK_SEGMENT=300
  BENCH_GATEWAYS="on off" BENCH_SCENARIO_COLUMN=1 BENCH_SOAK_COLUMN=2 # of BENCH_MIX (series.sh)
  case $1 in
    default) BENCH_SERIES="pairs search latency redis race" ;;
    scenario) BENCH_SERIES="scenario" BENCH_GATEWAYS="on" ;;
    soak) BENCH_SERIES="soak" BENCH_GATEWAYS="on" ;;
    capacity) BENCH_SERIES="capacity" BENCH_GATEWAYS="on" BENCH_WARMUP=10 BENCH_D=20 ;;
    profile) BENCH_SERIES="" ;; # see profile.sh
    smoke)
      # every script briefly, with few connections: it checks the harness, not the portal's limits
      BENCH_SERIES="pairs search latency redis race scenario soak capacity" BENCH_SCENARIO_COLUMN=3 BENCH_SOAK_COLUMN=3
      BENCH_WARMUP=3 BENCH_SETTLE=0 BENCH_D=1 BENCH_D_RATE=1 BENCH_RATE_ROUNDS=2 BENCH_CONNS="4" BENCH_PAIR_ROUNDS_AT=4 BENCH_PAIR_ROUNDS=2 BENCH_SEARCH_CONNS="4" BENCH_HANG=3 BENCH_BURST=1
      BENCH_RACE=6 BENCH_RACE_AFFORD=4 BENCH_SCENARIO=3 BENCH_SOAK_SEGMENTS=1 BENCH_SOAK_SEGMENT=2 ;;
  esac
  # applications to prepare for the approvals of the mixes (as many subsidy applications)
  BENCH_PREPARED=0
  if [[ $BENCH_SERIES == *scenario* ]]; then
    BENCH_PREPARED=$(bench_mix_need "municipal approvals" "$BENCH_SCENARIO" "$BENCH_SCENARIO_COLUMN")
  fi
  if [[ $BENCH_SERIES == *soak* ]]; then
    BENCH_PREPARED=$((BENCH_PREPARED + BENCH_SOAK_SEGMENTS * $(bench_mix_need "municipal approvals" "$BENCH_SOAK_SEGMENT" "$BENCH_SOAK_COLUMN")))
  fi
}

# Machine, versions and how the run was started, as one result line.
bench_environment() {
  local jar=$GP_STATE/bench/bench-gateway.jar java
  java=$(readlink -f "/proc/$(bench_portal_pid gateway)/exe")
  BENCH_ENV_MODE=$1 BENCH_ENV_COMMAND="./portal bench${2:+ $2}" \
    BENCH_ENV_CPU=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1) \
    BENCH_ENV_MEMORY=$(free -g | awk '/^Mem:/ {print $2 " GiB"}') \
    BENCH_ENV_OS=$(. /etc/os-release && echo "$PRETTY_NAME") \
    BENCH_ENV_JDK=$("$java" -version 2>&1 | head -1) \
    BENCH_ENV_WRK=$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2) \
    BENCH_ENV_GNUPLOT=$(gnuplot --version) \
    BENCH_ENV_COMMIT="$(git -C "$GP_BENCH_PORTAL/.." log -1 --format='%h %cs' 2>/dev/null || echo unknown)$(
      git -C "$GP_BENCH_PORTAL/.." diff --quiet HEAD 2>/dev/null || echo ' with uncommitted changes')" \
    BENCH_ENV_BOOT=$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Spring-Boot-Version: *//p' | tr -d '\r') \
    BENCH_ENV_SCG=$(unzip -Z1 "$jar" | sed -n 's|^BOOT-INF/lib/spring-cloud-gateway-server-webflux-\(.*\)\.jar$|\1|p') \
    BENCH_ENV_NETTY=$(unzip -Z1 "$jar" | sed -n 's|^BOOT-INF/lib/reactor-netty-http-\(.*\)\.jar$|\1|p') \
    BENCH_ENV_JAR=${GP_BENCH_GATEWAY_JAR:-.portal/apps/gateway.jar} \
    BENCH_ENV_BUILT=$(unzip -p "$jar" META-INF/build-info.properties | sed -n 's/^build.time=//p' | tr -d '\r\\') \
    BENCH_ENV_PG=$(psql_admin -tAc 'show server_version' 2>/dev/null | cut -d' ' -f1) \
    BENCH_ENV_REDIS=$(redis-cli -h "$GP_REDIS_HOST" -p "$GP_REDIS_PORT" info server | sed -n 's/^redis_version://p' | tr -d '\r') \
    BENCH_ENV_SERVERS=$(bench_prepare versions) BENCH_ENV_NOTE=${GP_BENCH_NOTE:-} BENCH_ENV_CALIBRATION=${BENCH_CALIBRATION:-} \
    python3 -c '
import json, os, platform, time
e = lambda k: os.environ.get("BENCH_ENV_" + k, "")
print(json.dumps({"series": "environment", "mode": e("MODE"), "command": e("COMMAND"),
    "started": time.strftime("%Y-%m-%d %H:%M %Z"), "nproc": os.cpu_count(), "memory": e("MEMORY"),
    "cpu": e("CPU"), "kernel": platform.system() + " " + platform.release(), "os": e("OS"),
    "load": " ".join(open("/proc/loadavg").read().split()[:3]), "jdk": e("JDK"), "wrk": e("WRK"),
    "gnuplot": e("GNUPLOT"), "portal_commit": e("COMMIT"), "spring_boot": e("BOOT"),
    "spring_cloud_gateway": e("SCG"), "reactor_netty": e("NETTY"), "gateway_jar": e("JAR"),
    "gateway_built": e("BUILT"), "postgresql": e("PG"), "redis": e("REDIS"), "note": e("NOTE"),
    "calibration_ms": e("CALIBRATION"),
    "components": json.loads(e("SERVERS") or "{}")}, ensure_ascii=False))' >>"$BENCH_RESULTS"
}

# Milliseconds one core takes for a fixed piece of work (a Python loop of dictionary writes and string
# conversions, best of five): the same number on the same machine, so figures of runs on different
# VMs can be told apart from changes of the code.
bench_calibration() {
  python3 -c '
import time
best = None
for _ in range(5):
    t = time.perf_counter(); d = {}
    for i in range(1000000): d[i % 1000] = str(i)
    e = time.perf_counter() - t
    best = e if best is None else min(best, e)
print(round(best * 1000))'
}

# Tokens live 10 minutes: a fresh set before a series when the last is older than 4 minutes.
BENCH_TOKENS_AT=-1000
bench_tokens() {
  if ((SECONDS - BENCH_TOKENS_AT > 240)); then
    bench_prepare tokens "$BENCH_WORK"
    BENCH_TOKENS_AT=$SECONDS
  fi
}

bench_main() {
  local mode=default option=${1:-}
  case $option in
    "") ;;
    --smoke) mode=smoke ;;
    --scenario) mode=scenario ;;
    --soak) mode=soak ;;
    --capacity) mode=capacity ;;
    --profile) mode=profile ;;
    *) die "usage: ./portal bench [--smoke | --scenario | --soak | --capacity | --profile]" ;;
  esac
  bench_mode "$mode"
  local app
  for app in $GP_APPS; do
    [ -f "$GP_BENCH_PORTAL/run/$app.pid" ] || die "$app is not running: ./portal up first (the bench measures a running portal)"
    wait_for "$app" 120 app_ready "$app" # a moment's grace for an application that is restarting
  done
  bench_tools

  BENCH_WORK=$GP_STATE/bench/run BENCH_OUT=$GP_STATE/bench/out
  rm -rf "$BENCH_WORK" "$BENCH_OUT"
  mkdir -p "$BENCH_WORK" "$BENCH_OUT"
  BENCH_RESULTS=$GP_STATE/bench/results-$mode.jsonl
  : >"$BENCH_RESULTS"
  if [ "$mode" = profile ]; then
    trap 'stop_pid profile-gateway' EXIT
    bench_prepare users
    bench_prepare tokens "$BENCH_WORK"
    bench_profile
    return
  fi

  # how fast this machine is before any load (the VMs these runs get differ by up to 2x; docs/profile)
  BENCH_CALIBRATION=$(bench_calibration)
  local series prepare=$((15 + BENCH_PREPARED / 5)) plan
  plan=$((prepare + $(plan_warmup)))
  for series in $BENCH_SERIES; do plan=$((plan + $("plan_$series"))); done
  BENCH_T0=$SECONDS BENCH_LEFT=$plan
  bench_status "./portal bench${option:+ $option}: $BENCH_SERIES (about $(bench_clock "$plan"))"

  trap bench_gateways_stop EXIT
  bench_gateway_start bench-gateway "$GP_BENCH_GATEWAY_PORT" true
  if [[ $BENCH_GATEWAYS == *off* ]]; then bench_gateway_start bench-gateway-off "$GP_BENCH_GATEWAY_OFF_PORT" false; fi
  bench_step "$prepare" "bench users, tokens and the data the writes need"
  bench_prepare users
  bench_tokens
  bench_prepare data "$BENCH_WORK" --cert "$BENCH_PREPARED" --subsidy "$BENCH_PREPARED"
  wait_for bench-gateway 240 bench_gateway_ready bench-gateway "$GP_BENCH_GATEWAY_PORT"
  if [[ $BENCH_GATEWAYS == *off* ]]; then
    wait_for bench-gateway-off 240 bench_gateway_ready bench-gateway-off "$GP_BENCH_GATEWAY_OFF_PORT"
  fi
  series_warmup
  bench_environment "$mode" "$option"
  for series in $BENCH_SERIES; do
    bench_tokens
    "series_$series"
  done
  bench_prepare cleanup "$BENCH_WORK"
  bench_gateways_stop
  trap - EXIT

  if [ "$mode" = smoke ]; then
    local out=$GP_LOGS/bench-smoke
    rm -rf "$out"
    python3 "$BENCH_HOME/report.py" "$BENCH_RESULTS" "$out/data" "$out/benchmarks.md"
    python3 "$BENCH_HOME/report.py" --check "$BENCH_RESULTS" "$BENCH_SERIES" \
      || die "the bench smoke failed (results: $BENCH_RESULTS, report: $out/benchmarks.md)"
    log "bench smoke passed in $(bench_clock $((SECONDS - BENCH_T0))): every script ran, no 5xx (report: $out/benchmarks.md)"
  else
    python3 "$BENCH_HOME/report.py" "$BENCH_RESULTS" "$GP_ROOT/docs/benchmarks/data" "$GP_ROOT/docs/benchmarks.md"
    log "done in $(bench_clock $((SECONDS - BENCH_T0))): docs/benchmarks.md (results of this run: $BENCH_RESULTS)"
  fi
}
