#!/usr/bin/env bash
# The docker-compose stand-in on one host, for machines without a Docker engine (and for CI): Redis,
# N LiveNews silos in the Redis profile, and nginx in front of them, all on loopback.
#
#   deploy/run-local.sh start     # then open http://127.0.0.1:${LIVENEWS_LB_PORT:-5080}
#   deploy/run-local.sh stop
#
# Settings (environment):
#   LIVENEWS_SILOS        silos to start (3)
#   LIVENEWS_LB_PORT      the load balancer's port (5080)
#   LIVENEWS_REDIS_PORT   redis-server's port (6390)
#   LIVENEWS_HTTP_PORT    first silo's HTTP port; the others follow (5181)
#   LIVENEWS_SILO_PORT    first silo-to-silo port (11111); gateway ports start at LIVENEWS_GATEWAY_PORT (30000)
#   LIVENEWS_API_KEY      the API key (generated into the state directory when unset)
#   LIVENEWS_STATE_DIR    pid files, logs, nginx config (/tmp/livenews-local)
#   LIVENEWS_APP          LiveNews.Server.dll to run (built in Release from this checkout when unset)
# Needs: dotnet, redis-server and nginx (Debian: apt-get install redis-server nginx).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
silos="${LIVENEWS_SILOS:-3}"
lb_port="${LIVENEWS_LB_PORT:-5080}"
redis_port="${LIVENEWS_REDIS_PORT:-6390}"
http_port="${LIVENEWS_HTTP_PORT:-5181}"
silo_port="${LIVENEWS_SILO_PORT:-11111}"
gateway_port="${LIVENEWS_GATEWAY_PORT:-30000}"
state="${LIVENEWS_STATE_DIR:-/tmp/livenews-local}"

log() { echo "run-local: $*" >&2; }

wait_for() { # url seconds
  local url="$1" deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then log "no answer from $url"; return 1; fi
    sleep 0.5
  done
}

stop() {
  [ -d "$state" ] || return 0
  if [ -f "$state/nginx.pid" ]; then
    nginx -p "$state" -c "$state/nginx.conf" -s stop 2>/dev/null || kill "$(cat "$state/nginx.pid")" 2>/dev/null || true
  fi
  # Silos first (they leave the cluster through Redis), Redis last.
  local pids=()
  for pidfile in "$state"/silo-*.pid; do
    [ -f "$pidfile" ] || continue
    pids+=("$(cat "$pidfile")")
    rm -f "$pidfile"
  done
  if [ ${#pids[@]} -gt 0 ]; then
    kill "${pids[@]}" 2>/dev/null || true
    local deadline=$((SECONDS + 40))
    while kill -0 "${pids[@]}" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.5; done
    kill -9 "${pids[@]}" 2>/dev/null || true
  fi
  if [ -f "$state/redis.pid" ]; then
    kill "$(cat "$state/redis.pid")" 2>/dev/null || true
    rm -f "$state/redis.pid"
  fi
  log "stopped"
}

start() {
  for tool in dotnet redis-server nginx curl; do
    command -v "$tool" >/dev/null || { log "$tool is not installed"; exit 1; }
  done
  mkdir -p "$state/logs" "$state/nginx-temp"
  stop

  local key="${LIVENEWS_API_KEY:-}"
  if [ -z "$key" ]; then
    [ -f "$state/api-key" ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$state/api-key"
    key="$(cat "$state/api-key")"
  fi

  local app="${LIVENEWS_APP:-}"
  if [ -z "$app" ]; then
    log "building LiveNews.Server (Release)"
    dotnet build "$root/src/LiveNews.Server" -c Release -nologo -v quiet >"$state/logs/build.log"
    app="$root/src/LiveNews.Server/bin/Release/net10.0/LiveNews.Server.dll"
  fi

  log "redis-server on 127.0.0.1:$redis_port"
  redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$state" \
    >"$state/logs/redis.log" 2>&1 &
  echo $! > "$state/redis.pid"

  local cluster="local-$(date +%s)"
  local upstreams=""
  for i in $(seq 0 $((silos - 1))); do
    local port=$((http_port + i))
    log "silo $i: http://127.0.0.1:$port (silo port $((silo_port + i)))"
    (
      cd "$(dirname "$app")"
      export Urls="http://127.0.0.1:$port" \
        LiveNews__ApiKey="$key" \
        LiveNews__Redis="127.0.0.1:$redis_port" \
        LiveNews__Silo__ClusterId="$cluster" \
        LiveNews__Silo__AdvertisedAddress="127.0.0.1" \
        LiveNews__Silo__SiloPort="$((silo_port + i))" \
        LiveNews__Silo__GatewayPort="$((gateway_port + i))" \
        LiveNews__Demo__Enabled="${LIVENEWS_DEMO:-false}" \
        Logging__LogLevel__Default=Warning
      exec dotnet "$app"
    ) >"$state/logs/silo-$i.log" 2>&1 &
    echo $! > "$state/silo-$i.pid"
    upstreams="$upstreams        server 127.0.0.1:$port;\n"
  done

  for i in $(seq 0 $((silos - 1))); do
    wait_for "http://127.0.0.1:$((http_port + i))/readyz" 120 || { tail -20 "$state/logs/silo-$i.log" >&2; exit 1; }
  done

  cp "$here/nginx/livenews-locations.conf" "$state/livenews-locations.conf"
  printf "pid %s/nginx.pid;\nerror_log %s/logs/nginx-error.log warn;\ndaemon on;\nworker_processes 1;\nevents { worker_connections 1024; }\nhttp {\n    access_log off;\n    client_body_temp_path %s/nginx-temp/body;\n    proxy_temp_path %s/nginx-temp/proxy;\n    fastcgi_temp_path %s/nginx-temp/fastcgi;\n    uwsgi_temp_path %s/nginx-temp/uwsgi;\n    scgi_temp_path %s/nginx-temp/scgi;\n    upstream livenews {\n%b        keepalive 16;\n    }\n    server {\n        listen 127.0.0.1:%s;\n        include %s/livenews-locations.conf;\n    }\n}\n" \
    "$state" "$state" "$state" "$state" "$state" "$state" "$state" "$upstreams" "$lb_port" "$state" > "$state/nginx.conf"
  nginx -p "$state" -c "$state/nginx.conf"
  wait_for "http://127.0.0.1:$lb_port/readyz" 30
  log "ready: http://127.0.0.1:$lb_port (API key in $state/api-key or LIVENEWS_API_KEY)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
