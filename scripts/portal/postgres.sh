# PostgreSQL: reuse a server already listening on GP_PG_PORT, otherwise start our own cluster from
# the Debian binaries with its data under .portal/postgres.
# shellcheck shell=bash

GP_DATABASES="registry certification incentive publicity"

pg_bindir() {
  local d
  command -v pg_config >/dev/null 2>&1 && d=$(pg_config --bindir 2>/dev/null) && [ -x "$d/initdb" ] && { echo "$d"; return; }
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$d" ] && [ -x "$d/initdb" ] && { echo "$d"; return; }
  return 1
}

pg_ready() { port_open "$GP_PG_HOST" "$GP_PG_PORT" && psql_admin -tAc 'select 1' >/dev/null 2>&1; }

psql_admin() { psql -h "$GP_PG_HOST" -p "$GP_PG_PORT" -U "$GP_PG_USER" -d postgres -v ON_ERROR_STOP=1 "$@"; }

postgres_up() {
  command -v psql >/dev/null 2>&1 || die "psql is needed (Debian: apt-get install postgresql-client)"
  if port_open "$GP_PG_HOST" "$GP_PG_PORT"; then
    pid_alive postgres || log "PostgreSQL: reusing the server on $GP_PG_HOST:$GP_PG_PORT"
  else
    local bin data="$GP_STATE/postgres"
    bin=$(pg_bindir) || die "no PostgreSQL on port $GP_PG_PORT and no server binaries to start one (Debian: apt-get install postgresql)"
    ensure_service_user
    mkdir -p "$data"
    ensure_reachable "$data"
    [ "$(id -u)" = 0 ] && chown "$GP_SERVICE_USER" "$data" && chmod 700 "$data"
    if [ ! -f "$data/PG_VERSION" ]; then
      log "PostgreSQL: creating a cluster in $data"
      as_service_user "$bin/initdb" -D "$data" -U "$GP_PG_USER" --auth=trust -E UTF8 --locale=C.UTF-8 >"$GP_LOGS/postgres-init.log" 2>&1 \
        || die "initdb failed (see $GP_LOGS/postgres-init.log)"
    fi
    log "PostgreSQL: starting on $GP_PG_HOST:$GP_PG_PORT"
    touch "$GP_LOGS/postgres.log"; [ "$(id -u)" = 0 ] && chown "$GP_SERVICE_USER" "$GP_LOGS/postgres.log"
    as_service_user "$bin/pg_ctl" -D "$data" -l "$GP_LOGS/postgres.log" -w -t 60 \
      -o "-h $GP_PG_HOST -p $GP_PG_PORT -k $data" start >/dev/null
    head -1 "$data/postmaster.pid" >"$GP_RUN/postgres.pid"
  fi
  wait_for PostgreSQL 60 pg_ready
  local db
  for db in $GP_DATABASES; do
    for name in "greenportal_$db" "greenportal_${db}_test"; do
      psql_admin -tAc "select 1 from pg_database where datname = '$name'" | grep -q 1 \
        || { psql_admin -qc "create database $name" && log "PostgreSQL: created database $name"; }
    done
  done
}

postgres_down() {
  pid_alive postgres || { rm -f "$GP_RUN/postgres.pid"; return 0; }
  local bin
  bin=$(pg_bindir)
  log "stopping PostgreSQL"
  as_service_user "$bin/pg_ctl" -D "$GP_STATE/postgres" -m fast -w stop >/dev/null || stop_pid postgres
  rm -f "$GP_RUN/postgres.pid"
}

postgres_status() {
  if pg_ready; then
    if pid_alive postgres; then echo "postgres       up    $GP_PG_HOST:$GP_PG_PORT (started by portal)"
    else echo "postgres       up    $GP_PG_HOST:$GP_PG_PORT (reused)"; fi
  else echo "postgres       down"; fi
}
