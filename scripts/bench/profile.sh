# ./portal bench --profile: where the gateway spends its time per request. A bench gateway (limits
# off, as in the pairs) is warmed up, then profiled with async-profiler (from Maven Central, cached
# in ~/.m2) under two loads: a bank's authenticated read (registry listings, bearer token) and an
# anonymous public search. For each: CPU per request of the gateway's own threads (from /proc, JIT and
# GC threads apart) and a flame graph. GP_PROFILE_JARS="label=path ..." profiles several gateway
# builds in one run, as a pair (e.g. an older build against this one).
# shellcheck shell=bash

GP_ASYNC_PROFILER=tools.profiler:async-profiler:4.1
GP_PROFILE_PORT=${GP_PROFILE_PORT:-18082}

profile_tool() {
  local dir=$GP_DIST/async-profiler
  if [ ! -f "$dir/linux-x64/libasyncProfiler.so" ]; then
    log "fetching $GP_ASYNC_PROFILER through Maven (cached in ~/.m2 after the first time)"
    rm -rf "$dir" && mkdir -p "$dir"
    mvn_run -q -B -N dependency:copy -Dartifact="$GP_ASYNC_PROFILER" -DoutputDirectory="$dir" \
      >"$GP_LOGS/fetch-async-profiler.log" 2>&1 || die "could not fetch $GP_ASYNC_PROFILER (see $GP_LOGS/fetch-async-profiler.log)"
    (cd "$dir" && unzip -q -o ./*.jar 'linux-x64/*')
  fi
  echo "$dir/linux-x64/libasyncProfiler.so"
}

# CPU ticks of a process's threads, leaving out the JIT compilers and the collector's VM thread.
profile_request_ticks() {
  local t sum=0 name
  for t in /proc/"$1"/task/*; do
    name=$(cat "$t/comm" 2>/dev/null) || continue
    case $name in C1\ Comp* | C2\ Comp* | VM\ Thread | GC* | G1*) continue ;; esac
    sum=$((sum + $(stat_ticks "$t/stat")))
  done
  echo "$sum"
}

# profile_wrk SECONDS URL SCRIPT [VAR=value ...]: one wrk run of the harness's scripts; its output.
profile_wrk() {
  local seconds=$1 url=$2 script=$3
  shift 3
  env BENCH_LUA="$BENCH_HOME/lua" BENCH_THREADS=2 BENCH_SEED=1 BENCH_META='"series":"profile"' "$@" \
    wrk -t2 -c32 -d"${seconds}s" --timeout 30s -s "$BENCH_HOME/lua/$script" "$url"
}

# profile_load LABEL KIND LIB URL SCRIPT [VAR=value ...]: 30 s of load while async-profiler samples.
profile_load() {
  local label=$1 kind=$2 lib=$3 url=$4 script=$5 pid before after out requests
  shift 5
  pid=$(cat "$GP_RUN/profile-gateway.pid")
  local flame=$GP_ROOT/docs/profile/gateway-$label-$kind.html
  "$GP_JAVA_HOME/bin/jcmd" "$pid" JVMTI.agent_load "$lib" "'start,event=ctimer,interval=1ms,file=$flame'" >/dev/null
  before=$(profile_request_ticks "$pid")
  out=$(profile_wrk 30 "$url" "$script" "$@")
  after=$(profile_request_ticks "$pid")
  "$GP_JAVA_HOME/bin/jcmd" "$pid" JVMTI.agent_load "$lib" "'stop,file=$flame,flamegraph,title=gateway $label: $kind'" >/dev/null
  # the checkout's path (in native library names) becomes dots of the same length: the graph stores
  # each frame name as a prefix of the one before, so a replacement must not change lengths
  sed -i "s|$GP_ROOT/|$(printf '%*s' "${#GP_ROOT}" '' | tr ' ' '.')/|g" "$flame"
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  awk -v l="$label" -v k="$kind" -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    -v la="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "| %s | %s | %d | %.3f | %s |\n", l, k, n / 30, 1000 * t / hz / n, la }' >>"$BENCH_WORK/profile.md"
}

bench_profile() {
  local lib jars entry label jar
  find_jdk # jcmd loads the profiler into the running gateway
  lib=$(profile_tool)
  mkdir -p "$GP_ROOT/docs/profile"
  : >"$BENCH_WORK/profile.md"
  jars=${GP_PROFILE_JARS:-current=$(readlink -f "/proc/$(bench_portal_pid gateway)/cwd")/apps/gateway.jar}
  for entry in $jars; do
    label=${entry%%=*} jar=${entry#*=}
    [ -f "$jar" ] || die "no gateway jar at $jar"
    GP_BENCH_GATEWAY_JAR=$jar bench_gateway_start profile-gateway "$GP_PROFILE_PORT" false
    wait_for profile-gateway 180 bench_gateway_ready profile-gateway "$GP_PROFILE_PORT"
    local base=http://127.0.0.1:$GP_PROFILE_PORT
    bench_status "warming $label up (90 s: the JIT settles after about a minute of load)"
    profile_wrk 45 "$base" get.lua BENCH_PATH=/api/v1/registry/listings BENCH_TOKENS="$BENCH_WORK/tokens-ent.txt" >/dev/null
    profile_wrk 45 "$base" search.lua BENCH_SEARCH=mixed BENCH_XFF=pool >/dev/null
    bench_status "profiling $label: a bank's authenticated read, then anonymous searches (30 s each)"
    profile_load "$label" bearer-read "$lib" "$base" get.lua BENCH_PATH=/api/v1/registry/listings \
      BENCH_TOKENS="$BENCH_WORK/tokens-ent.txt"
    profile_load "$label" public-search "$lib" "$base" search.lua BENCH_SEARCH=mixed BENCH_XFF=pool
    stop_pid profile-gateway
  done
  {
    echo "| gateway build | load | requests/s | gateway CPU ms per request | load average |"
    echo "| --- | --- | --- | --- | --- |"
    cat "$BENCH_WORK/profile.md"
  } | tee "$GP_ROOT/docs/profile/figures.md"
  log "flame graphs in docs/profile/gateway-<build>-<load>.html; figures in docs/profile/figures.md"
}
