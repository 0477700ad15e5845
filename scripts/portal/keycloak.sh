# Keycloak: the Quarkus distribution from Maven Central in dev mode on loopback, with the
# `greenportal` realm imported from keycloak/greenportal-realm.json (re-imported when that file changes).
# shellcheck shell=bash

GP_REALM_FILE=$GP_ROOT/keycloak/greenportal-realm.json
GP_KC_URL=http://127.0.0.1:$GP_KC_PORT

kc_ready() { curl -fs --max-time 3 "http://127.0.0.1:$GP_KC_MGMT_PORT/health/ready" >/dev/null; }
kc_realm_ready() { curl -fs --max-time 3 "$GP_KC_URL/realms/greenportal/.well-known/openid-configuration" >/dev/null; }

kc_export_env() {
  export JAVA_HOME="$GP_JAVA_HOME" \
    KC_BOOTSTRAP_ADMIN_USERNAME="$GP_KC_ADMIN" KC_BOOTSTRAP_ADMIN_PASSWORD="$GP_KC_ADMIN_PASSWORD" \
    JAVA_OPTS_KC_HEAP="-Xms128m -Xmx${GP_KC_HEAP:-768m}" \
    JAVA_OPTS_APPEND="-Djava.io.tmpdir=$GP_STATE/keycloak-tmp"
}

keycloak_up() {
  if port_open 127.0.0.1 "$GP_KC_PORT" && ! pid_alive keycloak; then
    log "Keycloak: reusing the server on $GP_KC_URL"
    wait_for Keycloak 120 kc_realm_ready
    return 0
  fi
  local home hash
  home=$(fetch_dist "org.keycloak:keycloak-quarkus-dist:$GP_KC_VERSION:zip" "keycloak-$GP_KC_VERSION")
  mkdir -p "$home/data/import" "$GP_STATE/keycloak-tmp"
  hash=$(sha256sum "$GP_REALM_FILE" | cut -c1-16)
  if [ -f "$home/data/.realm-imported" ] && [ "$(cat "$home/data/.realm-imported")" != "$hash" ]; then
    stop_pid keycloak
    log "Keycloak: the realm file changed; re-importing it"
    (kc_export_env && "$home/bin/kc.sh" import --file "$GP_REALM_FILE" --override true) >"$GP_LOGS/keycloak-import.log" 2>&1 \
      || die "realm import failed (see $GP_LOGS/keycloak-import.log)"
  fi
  if ! pid_alive keycloak; then
    cp "$GP_REALM_FILE" "$home/data/import/greenportal-realm.json"
    log "Keycloak: starting on $GP_KC_URL (the first start takes about a minute)"
    (
      kc_export_env
      nohup "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$GP_KC_PORT" \
        --http-management-port="$GP_KC_MGMT_PORT" --health-enabled=true --import-realm \
        --hostname="$GP_KC_URL" >"$GP_LOGS/keycloak.log" 2>&1 </dev/null &
      echo $! >"$GP_RUN/keycloak.pid"
    )
  fi
  wait_for Keycloak 240 kc_ready
  wait_for "Keycloak realm greenportal" 60 kc_realm_ready
  echo "$hash" >"$home/data/.realm-imported"
}

keycloak_down() { stop_pid keycloak; }

keycloak_status() {
  if kc_realm_ready; then
    if pid_alive keycloak; then echo "keycloak       up    $GP_KC_URL (started by portal; admin console $GP_KC_URL/admin, $GP_KC_ADMIN/$GP_KC_ADMIN_PASSWORD)"
    else echo "keycloak       up    $GP_KC_URL (reused)"; fi
  else echo "keycloak       down"; fi
}
