# Elasticsearch: the integ-test distribution from Maven Central, run on loopback as the unprivileged
# service user (it refuses root). Reuses a node that already answers on GP_ES_PORT.
# shellcheck shell=bash

es_ready() { curl -fs --max-time 3 "http://127.0.0.1:$GP_ES_PORT/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null; }

elasticsearch_up() {
  if port_open 127.0.0.1 "$GP_ES_PORT"; then
    pid_alive elasticsearch || log "Elasticsearch: reusing the node on 127.0.0.1:$GP_ES_PORT"
    wait_for Elasticsearch 120 es_ready
    return 0
  fi
  local home state="$GP_STATE/elasticsearch"
  home=$(fetch_dist "org.elasticsearch.distribution.integ-test-zip:elasticsearch:$GP_ES_VERSION:zip" "elasticsearch-$GP_ES_VERSION")
  ensure_service_user
  mkdir -p "$state/data" "$state/logs" "$state/tmp"
  ensure_reachable "$state"
  ensure_reachable "$home"
  if [ "$(id -u)" = 0 ]; then
    chown -R "$GP_SERVICE_USER" "$state" "$home"
  fi
  log "Elasticsearch: starting on 127.0.0.1:$GP_ES_PORT"
  rm -f "$state/es.pid"
  as_service_user env ES_JAVA_HOME="$GP_JAVA_HOME" ES_TMPDIR="$state/tmp" \
    ES_JAVA_OPTS="-Xms${GP_ES_HEAP:-512m} -Xmx${GP_ES_HEAP:-512m} -Djava.io.tmpdir=$state/tmp" \
    CLI_JAVA_OPTS="-Djava.io.tmpdir=$state/tmp" \
    "$home/bin/elasticsearch" -d -p "$state/es.pid" \
    -E cluster.name=greenportal -E node.name=local -E discovery.type=single-node \
    -E network.host=127.0.0.1 -E http.port="$GP_ES_PORT" -E transport.port="$GP_ES_TRANSPORT_PORT" \
    -E path.data="$state/data" -E path.logs="$state/logs" \
    -E xpack.security.enabled=false -E action.destructive_requires_name=false \
    >"$GP_LOGS/elasticsearch.log" 2>&1 || die "Elasticsearch did not start (see $GP_LOGS/elasticsearch.log and $state/logs)"
  local i
  for ((i = 0; i < 30; i++)); do [ -s "$state/es.pid" ] && break; sleep 1; done
  cp "$state/es.pid" "$GP_RUN/elasticsearch.pid" 2>/dev/null || die "Elasticsearch wrote no pid file (see $state/logs)"
  wait_for Elasticsearch 120 es_ready
}

elasticsearch_down() { stop_pid elasticsearch; }

elasticsearch_status() {
  if es_ready; then
    if pid_alive elasticsearch; then echo "elasticsearch  up    http://127.0.0.1:$GP_ES_PORT (started by portal)"
    else echo "elasticsearch  up    http://127.0.0.1:$GP_ES_PORT (reused)"; fi
  else echo "elasticsearch  down"; fi
}
