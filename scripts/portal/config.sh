# Defaults for the local portal; every value can be overridden from the environment.
# shellcheck shell=bash

GP_STATE=${GP_STATE:-$GP_ROOT/.portal}          # git-ignored: downloads, data, logs, pids
GP_RUN=$GP_STATE/run
GP_LOGS=$GP_STATE/logs
GP_DIST=$GP_STATE/dist

# The unprivileged account Elasticsearch (and a self-started PostgreSQL) run as when we are root.
GP_SERVICE_USER=${GP_SERVICE_USER:-greenportal}

GP_PG_HOST=${GP_PG_HOST:-127.0.0.1}
GP_PG_PORT=${GP_PG_PORT:-5432}
GP_PG_USER=${GP_PG_USER:-postgres}

GP_REDIS_HOST=${GP_REDIS_HOST:-127.0.0.1}
GP_REDIS_PORT=${GP_REDIS_PORT:-6379}

GP_ES_VERSION=8.19.21
GP_ES_PORT=${GP_ES_PORT:-9200}
GP_ES_TRANSPORT_PORT=${GP_ES_TRANSPORT_PORT:-9300}

GP_KC_VERSION=26.7.3
GP_KC_PORT=${GP_KC_PORT:-8180}
GP_KC_MGMT_PORT=${GP_KC_MGMT_PORT:-9190}
GP_KC_ADMIN=${GP_KC_ADMIN:-admin}
GP_KC_ADMIN_PASSWORD=${GP_KC_ADMIN_PASSWORD:-admin}

# Every application listens on loopback only (HTTP and gRPC): on a laptop on a shared network no
# one else reaches the services around the gateway. Set 0.0.0.0 to open the portal to the network
# (and GP_PUBLIC_BASE_URL to the address others use).
GP_BIND_ADDRESS=${GP_BIND_ADDRESS:-127.0.0.1}
GP_GATEWAY_PORT=${GP_GATEWAY_PORT:-8080}
# the gateway's actuator (health, metrics): never on its public port
GP_GATEWAY_MANAGEMENT_PORT=${GP_GATEWAY_MANAGEMENT_PORT:-8090}
# the origin every absolute URL the gateway builds names (login redirect, X-Forwarded-Host)
GP_PUBLIC_BASE_URL=${GP_PUBLIC_BASE_URL:-http://127.0.0.1:$GP_GATEWAY_PORT}
GP_REGISTRY_PORT=${GP_REGISTRY_PORT:-8081}
GP_REGISTRY_GRPC_PORT=${GP_REGISTRY_GRPC_PORT:-9091}
GP_CERTIFICATION_PORT=${GP_CERTIFICATION_PORT:-8082}
GP_CERTIFICATION_GRPC_PORT=${GP_CERTIFICATION_GRPC_PORT:-9092}
GP_INCENTIVE_PORT=${GP_INCENTIVE_PORT:-8083}
GP_INCENTIVE_GRPC_PORT=${GP_INCENTIVE_GRPC_PORT:-9093}
GP_PUBLICITY_PORT=${GP_PUBLICITY_PORT:-8084}
GP_PUBLICITY_GRPC_PORT=${GP_PUBLICITY_GRPC_PORT:-9094}
GP_SITE_PORT=${GP_SITE_PORT:-8085}
# how long an application may take to stop after SIGTERM before it is killed: each app finishes its
# graceful shutdown within spring.lifecycle.timeout-per-shutdown-phase (20 s), plus 5 s for the JVM
GP_APP_STOP_SECONDS=${GP_APP_STOP_SECONDS:-25}

export GP_STATE GP_RUN GP_LOGS GP_DIST GP_SERVICE_USER GP_PG_HOST GP_PG_PORT GP_PG_USER \
  GP_REDIS_HOST GP_REDIS_PORT GP_ES_PORT GP_KC_PORT GP_KC_MGMT_PORT \
  GP_BIND_ADDRESS GP_GATEWAY_PORT GP_GATEWAY_MANAGEMENT_PORT GP_PUBLIC_BASE_URL GP_REGISTRY_PORT GP_REGISTRY_GRPC_PORT GP_CERTIFICATION_PORT \
  GP_CERTIFICATION_GRPC_PORT GP_INCENTIVE_PORT GP_INCENTIVE_GRPC_PORT GP_PUBLICITY_PORT \
  GP_PUBLICITY_GRPC_PORT GP_SITE_PORT

GP_ISSUER_URI=${GP_ISSUER_URI:-http://127.0.0.1:$GP_KC_PORT/realms/greenportal}
GP_ES_URL=${GP_ES_URL:-http://127.0.0.1:$GP_ES_PORT}
export GP_ISSUER_URI GP_ES_URL

# Verifiable credentials: the local portal signs with a development key that the registry makes in
# .portal/ the first time (production mounts a Secret and never makes keys: registry-service/README.md).
GP_CREDENTIAL_KEYS_FILE=${GP_CREDENTIAL_KEYS_FILE:-$GP_STATE/credential-keys.json}
GP_CREDENTIAL_DEV_KEYS=${GP_CREDENTIAL_DEV_KEYS:-true}
GP_CREDENTIAL_ISSUER=${GP_CREDENTIAL_ISSUER:-http://127.0.0.1:$GP_GATEWAY_PORT}
export GP_CREDENTIAL_KEYS_FILE GP_CREDENTIAL_DEV_KEYS GP_CREDENTIAL_ISSUER
