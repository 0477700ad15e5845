# Redis: reuse a server on GP_REDIS_PORT, otherwise start our own with its files under .portal/redis.
# shellcheck shell=bash

redis_ready() { [ "$(redis-cli -h "$GP_REDIS_HOST" -p "$GP_REDIS_PORT" ping 2>/dev/null)" = PONG ]; }

redis_up() {
  if port_open "$GP_REDIS_HOST" "$GP_REDIS_PORT"; then
    pid_alive redis || log "Redis: reusing the server on $GP_REDIS_HOST:$GP_REDIS_PORT"
  else
    command -v redis-server >/dev/null 2>&1 || die "no Redis on port $GP_REDIS_PORT and no redis-server to start one (Debian: apt-get install redis-server)"
    mkdir -p "$GP_STATE/redis"
    log "Redis: starting on $GP_REDIS_HOST:$GP_REDIS_PORT"
    redis-server --bind "$GP_REDIS_HOST" --port "$GP_REDIS_PORT" --dir "$GP_STATE/redis" \
      --daemonize yes --pidfile "$GP_RUN/redis.pid" --logfile "$GP_LOGS/redis.log" \
      --save 60 1 --appendonly no >/dev/null
  fi
  wait_for Redis 30 redis_ready
}

redis_down() { pid_alive redis && stop_pid redis; rm -f "$GP_RUN/redis.pid"; }

redis_status() {
  if redis_ready; then
    if pid_alive redis; then echo "redis          up    $GP_REDIS_HOST:$GP_REDIS_PORT (started by portal)"
    else echo "redis          up    $GP_REDIS_HOST:$GP_REDIS_PORT (reused)"; fi
  else echo "redis          down"; fi
}
