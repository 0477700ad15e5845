# Small helpers shared by the portal scripts.
# shellcheck shell=bash

log() { printf '\033[1;32m[portal]\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m[portal]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[portal]\033[0m %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_for NAME SECONDS COMMAND...: polls COMMAND once a second until it succeeds.
wait_for() {
  local name=$1 seconds=$2
  shift 2
  local i
  for ((i = 0; i < seconds; i++)); do
    if "$@" >/dev/null; then return 0; fi
    sleep 1
  done
  die "$name was not ready after ${seconds}s (see $GP_LOGS)"
}

http_ok() { curl -fsS -o /dev/null --max-time 3 "$1"; }

# pid file helpers: we only ever stop processes whose pid we recorded ourselves.
pid_alive() { local f="$GP_RUN/$1.pid"; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }

# SIGTERM, then SIGKILL after SECONDS (default 30) if the process is still there.
stop_pid() {
  local name=$1 seconds=${2:-30} f="$GP_RUN/$1.pid" pid i
  [ -f "$f" ] || return 0
  pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping $name (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < seconds * 2; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name did not stop in ${seconds}s; killing it"
      kill -9 "$pid" 2>/dev/null || true
      # a killed process lets go of its ports only once it is gone
      for ((i = 0; i < 20; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    fi
  fi
  rm -f "$f"
}

# Creates the unprivileged account that runs Elasticsearch (and PostgreSQL when we start it).
ensure_service_user() {
  [ "$(id -u)" = 0 ] || return 0
  id "$GP_SERVICE_USER" >/dev/null 2>&1 && return 0
  log "creating system user $GP_SERVICE_USER (Elasticsearch refuses to run as root)"
  useradd -r -M -s /usr/sbin/nologin "$GP_SERVICE_USER"
}

# The unprivileged account must be able to reach DIR: when an ancestor (say a private temporary
# directory the checkout lives in) does not let it pass, allow passing through (o+x: not listing).
ensure_reachable() {
  [ "$(id -u)" = 0 ] || return 0
  local dir=$1 path="" part
  local -a parts
  IFS=/ read -r -a parts <<<"${dir#/}"
  for part in "${parts[@]}"; do
    path="$path/$part"
    [ -d "$path" ] || break
    if ! runuser -u "$GP_SERVICE_USER" -- test -x "$path" 2>/dev/null; then
      log "letting $GP_SERVICE_USER pass through $path (chmod o+x) to reach the portal's state"
      chmod o+x "$path"
    fi
  done
}

# as_service_user CMD...: runs CMD as the unprivileged account when we are root.
as_service_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$GP_SERVICE_USER" -- "$@"; else "$@"; fi
}

# Fetches a distribution from Maven Central through Maven (so it is cached in ~/.m2) and
# unpacks it under .portal/dist. Prints the unpacked directory.
fetch_dist() {
  local coords=$1 name=$2 dir="$GP_DIST/$2"
  if [ ! -f "$dir/.unpacked" ]; then
    log "fetching $coords through Maven (cached in ~/.m2 after the first time)"
    rm -rf "$dir" "$GP_DIST/$name.tmp"
    mkdir -p "$GP_DIST/$name.tmp"
    mvn_run -q -B -N dependency:copy -Dartifact="$coords" -DoutputDirectory="$GP_DIST/$name.tmp" \
      -Dmdep.stripVersion=false >"$GP_LOGS/fetch-$name.log" 2>&1 || die "could not fetch $coords from Maven Central (see $GP_LOGS/fetch-$name.log)"
    (cd "$GP_DIST/$name.tmp" && unzip -q ./*.zip && rm -f ./*.zip)
    local top
    top=$(find "$GP_DIST/$name.tmp" -mindepth 1 -maxdepth 1 -type d | head -1)
    mv "$top" "$dir"
    rm -rf "$GP_DIST/$name.tmp"
    touch "$dir/.unpacked"
  fi
  echo "$dir"
}
