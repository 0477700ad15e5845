# The six applications: built by Maven, copied under .portal/apps (so a rebuild never pulls a jar
# from under a running process), started with pid files, and stopped by those pid files only.
# shellcheck shell=bash

GP_APPS="registry certification incentive publicity site gateway"

app_module() {
  case $1 in
    gateway) echo gateway ;;
    site) echo public-site ;;
    *) echo "$1-service" ;;
  esac
}
app_port() { local v="GP_$(echo "$1" | tr a-z A-Z)_PORT"; echo "${!v}"; }
# where an app's actuator answers: the gateway's on its own port, the others' on their HTTP port
app_management_port() {
  if [ "$1" = gateway ]; then echo "$GP_GATEWAY_MANAGEMENT_PORT"; else app_port "$1"; fi
}
app_ready() { curl -fs --max-time 3 "http://127.0.0.1:$(app_management_port "$1")/actuator/health/readiness" >/dev/null; }

# Ready, or fails at once (with the end of its log) when the process has died.
app_ready_or_dead() {
  app_ready "$1" && return 0
  if ! pid_alive "$1"; then
    tail -n 40 "$GP_LOGS/$1.log" >&2
    die "$1 exited during start-up (log: $GP_LOGS/$1.log)"
  fi
  return 1
}

apps_build() {
  log "building the applications (mvn package, tests skipped)"
  # the build's own output goes to the terminal (less the JDK's Unsafe warnings); its exit status, not
  # the filter's, decides: a failed build must never go on to start the jars of an earlier one
  local status=0
  mvn_run -B -q -DskipTests package 2>&1 | { grep -v -E '^WARNING: |^\[0m' >&2 || true; } || status=$?
  [ "$status" = 0 ] || die "the build failed (mvn package exited with $status; its errors are above); nothing was started"
  local app
  for app in $GP_APPS; do
    [ -f "$GP_ROOT/$(app_module "$app")/target/$(app_module "$app")-0.1.0-SNAPSHOT.jar" ] \
      || die "the build did not produce $(app_module "$app"); run: mvn -DskipTests package"
  done
}

app_start() {
  local app=$1 module jar
  module=$(app_module "$app")
  if pid_alive "$app"; then stop_pid "$app" "$GP_APP_STOP_SECONDS"; fi
  if port_open 127.0.0.1 "$(app_port "$app")"; then
    die "port $(app_port "$app") for $app is taken by a process this portal did not start; free it or set GP_$(echo "$app" | tr a-z A-Z)_PORT"
  fi
  if [ "$app" = gateway ] && port_open 127.0.0.1 "$GP_GATEWAY_MANAGEMENT_PORT"; then
    die "port $GP_GATEWAY_MANAGEMENT_PORT for the gateway's actuator is taken by a process this portal did not start; free it or set GP_GATEWAY_MANAGEMENT_PORT"
  fi
  mkdir -p "$GP_STATE/apps" "$GP_STATE/tmp/$app" "$GP_STATE/files"
  jar="$GP_STATE/apps/$module.jar"
  cp "$GP_ROOT/$module/target/$module-0.1.0-SNAPSHOT.jar" "$jar"
  log "starting $app on http://127.0.0.1:$(app_port "$app")"
  (
    cd "$GP_STATE"
    export GP_DEMO_DATA=${GP_DEMO_DATA:-true}
    # the local portal only: lets administrators move the certification clock (publicity periods)
    export GP_DEV_CLOCK=${GP_DEV_CLOCK:-true}
    # every local caller shares one address (127.0.0.1): a roomier objection limit than production's 5,
    # in certification (per 10 minutes) and in the gateway's bucket (200 at once, 120 tokens each)
    export GP_OBJECTION_RATE_MAX=${GP_OBJECTION_RATE_MAX:-200}
    export GP_OBJECTION_BURST=${GP_OBJECTION_BURST:-24000}
    export GP_RATE_LIMITS_ENABLED=${GP_RATE_LIMITS_ENABLED:-true}
    # the local portal only: stable development secrets (webhook-secret key, search-cursor key),
    # which every other deployment must set itself, and webhooks to this machine's own loopback
    export GP_LOCAL_PORTAL=${GP_LOCAL_PORTAL:-true}
    export GP_WEBHOOK_ALLOW_LOOPBACK=${GP_WEBHOOK_ALLOW_LOOPBACK:-true}
    # the services start faster and stay smaller on the C1 compiler alone; the gateway, the public
    # search and the public site carry every request and the most traffic, so they get the
    # optimizing compiler
    local jit=-XX:TieredStopAtLevel=1
    case $app in gateway|publicity|site) jit=-XX:+TieredCompilation ;; esac
    # each application takes its whole heap at start: under load it grows to its maximum anyway,
    # and its memory is then known from the first minute (as a container's request) instead of
    # creeping up while the heap is committed piece by piece
    local heap=${GP_APP_HEAP:-256m}
    # native access for the class path: Netty (the gateway's server and client, Lettuce, gRPC) then
    # frees its direct buffers with free(); without it, on JDK 25, every free closes a shared Arena,
    # a handshake with every thread of the JVM (2 % of the gateway's CPU under varied searches,
    # docs/profile/README.md), and the JDK warns that such calls will be blocked
    nohup "$GP_JAVA_HOME/bin/java" -Xms"$heap" -Xmx"$heap" -XX:+AlwaysPreTouch -XX:+UseSerialGC $jit \
      --enable-native-access=ALL-UNNAMED -Xss512k -Djava.io.tmpdir="$GP_STATE/tmp/$app" -Duser.timezone=Asia/Shanghai \
      -jar "$jar" >"$GP_LOGS/$app.log" 2>&1 </dev/null &
    echo $! >"$GP_RUN/$app.pid"
  )
}

apps_up() {
  local app
  # the registry first and ready: certification's and incentive's demo data (and their reference
  # data checks) ask it over gRPC once, at start-up
  app_start registry
  wait_for registry 180 app_ready_or_dead registry
  for app in certification incentive publicity site gateway; do app_start "$app"; done
  for app in $GP_APPS; do
    wait_for "$app" 180 app_ready_or_dead "$app"
  done
  log "all applications are ready"
}

apps_down() {
  local app
  for app in gateway site publicity incentive certification registry; do stop_pid "$app" "$GP_APP_STOP_SECONDS"; done
}

apps_status() {
  local app
  for app in $GP_APPS; do
    if app_ready "$app"; then printf '%-14s up    http://127.0.0.1:%s\n' "$app" "$(app_port "$app")"
    elif pid_alive "$app"; then printf '%-14s starting (pid %s)\n' "$app" "$(cat "$GP_RUN/$app.pid")"
    else printf '%-14s down\n' "$app"; fi
  done
}

print_urls() {
  cat >&2 <<TXT

  Green Portal is up.
    Gateway (the only public entry)  http://127.0.0.1:$GP_GATEWAY_PORT
    Public site (through the gateway) http://127.0.0.1:$GP_GATEWAY_PORT/
    API documentation                http://127.0.0.1:$GP_GATEWAY_PORT/swagger-ui.html
    Gateway health and metrics       http://127.0.0.1:$GP_GATEWAY_MANAGEMENT_PORT/actuator/prometheus
    Public search                    http://127.0.0.1:$GP_GATEWAY_PORT/api/v1/public/listings?q=水泥
    Keycloak                         $GP_KC_URL   (admin console: $GP_KC_ADMIN / $GP_KC_ADMIN_PASSWORD)
    Elasticsearch                    http://127.0.0.1:$GP_ES_PORT
    Logs                             $GP_LOGS
  Demo accounts are listed in README.md. Stop everything with: ./portal down

TXT
}
