#!/usr/bin/env bash
# The production topology of deploy/compose.yaml on one Debian machine, without containers:
#   a PostgreSQL primary, a streaming replica made with pg_basebackup -R, two portal instances
#   (scripts/serve.ts, as `npm run serve` runs it) reading public pages from the replica, and Debian's nginx with
#   deploy/nginx.conf in front (TRUSTED_PROXIES=1, as in Compose).
#
#   deploy/local-cluster.sh start [--demo]   # --demo: seed the demo city into an empty primary
#   deploy/local-cluster.sh stop
#   deploy/local-cluster.sh status
#   deploy/local-cluster.sh nginx            # rewrite nginx's upstreams from PORTAL_PORTS and reload
#
# Settings (environment): CLUSTER_DIR (./data/cluster), PG_PORT (55432; the replica uses +1),
# PORTAL_PORTS ("3301 3302"), NGINX_PORT (8080). Needs postgresql-15 (or newer) and nginx from
# apt; run as root (PostgreSQL then runs as the postgres user) or as an ordinary user.
# Everything it starts listens on 127.0.0.1 only; `stop` ends all of it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
export NEXT_TELEMETRY_DISABLED=1

CLUSTER_DIR="$(mkdir -p "${CLUSTER_DIR:-data/cluster}" && cd "${CLUSTER_DIR:-data/cluster}" && pwd)"
PG_PORT="${PG_PORT:-55432}"
REPLICA_PORT="$((PG_PORT + 1))"
read -r -a PORTAL_PORTS <<<"${PORTAL_PORTS:-3301 3302}"
NGINX_PORT="${NGINX_PORT:-8080}"
DB_NAME=xinyong_leshan
PRIMARY_URL="postgresql://postgres@127.0.0.1:${PG_PORT}/${DB_NAME}"
REPLICA_URL="postgresql://postgres@127.0.0.1:${REPLICA_PORT}/${DB_NAME}"

PG_BIN="${PG_BIN:-}"
if [ -z "$PG_BIN" ]; then
  version="$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1 || true)"
  [ -n "$version" ] || { echo "未找到 PostgreSQL：apt-get install -y postgresql (PostgreSQL not found)"; exit 1; }
  PG_BIN="/usr/lib/postgresql/${version}/bin"
fi

# PostgreSQL refuses to run as root: as root, its commands run as the postgres user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

log() { echo "[local-cluster] $*"; }

wait_for() { # wait_for SECONDS COMMAND...
  local seconds="$1"; shift
  for _ in $(seq 1 "$((seconds * 4))"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  return 1
}

start_postgres() {
  local run="$CLUSTER_DIR/run"
  mkdir -p "$run"
  if [ "$(id -u)" = 0 ]; then chown postgres "$CLUSTER_DIR" "$run"; fi
  if [ ! -f "$CLUSTER_DIR/primary/PG_VERSION" ]; then
    log "初始化主库 (initdb primary) on port $PG_PORT"
    as_pg "$PG_BIN/initdb" -D "$CLUSTER_DIR/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat >>"$CLUSTER_DIR/primary/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$run'
wal_level = replica
max_wal_senders = 10
hot_standby = on
max_standby_streaming_delay = 5s
EOF
  fi
  if ! as_pg "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/primary" status >/dev/null 2>&1; then
    as_pg "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/primary" -l "$CLUSTER_DIR/primary.log" -w start >/dev/null
  fi
  as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qtAc \
    "select 1 from pg_database where datname = '$DB_NAME'" | grep -q 1 ||
    as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$DB_NAME"

  if [ ! -f "$CLUSTER_DIR/replica/PG_VERSION" ]; then
    log "建立流复制备库 (pg_basebackup -R) on port $REPLICA_PORT"
    as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$CLUSTER_DIR/replica" -R -X stream -c fast
    as_pg sed -i "s/^port = .*/port = $REPLICA_PORT/" "$CLUSTER_DIR/replica/postgresql.conf"
  fi
  start_replica
}

start_replica() {
  if ! as_pg "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/replica" status >/dev/null 2>&1; then
    as_pg "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/replica" -l "$CLUSTER_DIR/replica.log" -w start >/dev/null
  fi
}

identity_key() {
  local file="$CLUSTER_DIR/identity.key"
  [ -f "$file" ] || node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64'))" >"$file"
  cat "$file"
}

portal_env() {
  # One server process per instance unless WEB_CONCURRENCY says otherwise: the instances are what nginx balances.
  printf 'DATABASE_URL=%s DATABASE_REPLICA_URL=%s IDENTITY_KEY=%s TRUSTED_PROXIES=1 SITE_URL=http://127.0.0.1:%s NODE_ENV=production WEB_CONCURRENCY=%s' \
    "$PRIMARY_URL" "$REPLICA_URL" "$(identity_key)" "$NGINX_PORT" "${WEB_CONCURRENCY:-1}"
}

start_portals() {
  if [ ! -f .next/BUILD_ID ]; then
    log "构建网站 (next build)"
    npx next build >"$CLUSTER_DIR/build.log" 2>&1 || { tail -30 "$CLUSTER_DIR/build.log"; exit 1; }
  fi
  local port
  for port in "${PORTAL_PORTS[@]}"; do
    if [ -f "$CLUSTER_DIR/portal-$port.pid" ] && kill -0 "$(cat "$CLUSTER_DIR/portal-$port.pid")" 2>/dev/null; then
      continue
    fi
    log "启动实例 (portal) on port $port"
    # Node itself, with tsx as a loader (not the tsx command, which runs Node as its child): the
    # pid written is the server's, so a SIGKILL of it really kills the instance (cluster bench)
    # and nothing is left listening after `stop`.
    # shellcheck disable=SC2046
    env $(portal_env) PORT="$port" nohup node --max-semi-space-size=64 --import tsx scripts/serve.ts \
      >"$CLUSTER_DIR/portal-$port.log" 2>&1 &
    echo $! >"$CLUSTER_DIR/portal-$port.pid"
  done
  for port in "${PORTAL_PORTS[@]}"; do
    wait_for 120 curl -fsS "http://127.0.0.1:$port/api/ready" ||
      { echo "实例 $port 未就绪 (not ready):"; tail -30 "$CLUSTER_DIR/portal-$port.log"; exit 1; }
  done
}

write_nginx_conf() {
  local dir="$CLUSTER_DIR/nginx"
  mkdir -p "$dir/cache" "$dir/temp" "$dir/logs"
  chmod 777 "$dir/cache" "$dir/temp"
  # nginx's workers do not run as root: they must be able to pass through the cluster
  # directory to reach cache/ and temp/ (a mktemp -d directory is 0700). Passing only, not
  # listing: identity.key stays 0600. Without it nginx cuts every response it buffers to disk.
  chmod a+x "$CLUSTER_DIR" "$dir"
  local servers="" port
  for port in "${PORTAL_PORTS[@]}"; do
    servers+="  server 127.0.0.1:$port max_fails=3 fail_timeout=10s;\n"
  done
  # deploy/nginx.conf as it is, with this machine's addresses for Compose's service names.
  sed -e "s#/var/cache/nginx/pages#$dir/cache#" \
    -e "s#^\s*server portal:3000 .*#$servers#" \
    -e "s#listen 80;#listen 127.0.0.1:$NGINX_PORT;#" \
    deploy/nginx.conf >"$dir/site.conf"
  cat >"$dir/nginx.conf" <<EOF
# Generated by deploy/local-cluster.sh: Debian's nginx with deploy/nginx.conf as the site.
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $dir/logs/access.log;
  client_body_temp_path $dir/temp/body;
  proxy_temp_path $dir/temp/proxy;
  fastcgi_temp_path $dir/temp/fastcgi;
  uwsgi_temp_path $dir/temp/uwsgi;
  scgi_temp_path $dir/temp/scgi;
  include $dir/site.conf;
}
EOF
}

start_nginx() {
  command -v nginx >/dev/null || { echo "未找到 nginx：apt-get install -y nginx (nginx not found)"; exit 1; }
  write_nginx_conf
  local dir="$CLUSTER_DIR/nginx"
  nginx -t -q -c "$dir/nginx.conf" -p "$dir"
  if [ -f "$dir/nginx.pid" ] && kill -0 "$(cat "$dir/nginx.pid")" 2>/dev/null; then
    nginx -c "$dir/nginx.conf" -p "$dir" -s reload
  else
    nginx -c "$dir/nginx.conf" -p "$dir"
  fi
  # The instances answered on their own ports; through nginx give them as long again on a busy machine.
  if ! wait_for 120 curl -fsS --max-time 10 "http://127.0.0.1:$NGINX_PORT/api/ready"; then
    echo "nginx 未就绪 (not ready): the last answer through nginx, then nginx's and the instances' logs"
    curl -sS --max-time 10 -o /dev/stdout -w '\nHTTP %{http_code}\n' "http://127.0.0.1:$NGINX_PORT/api/ready" || true
    tail -n 20 "$dir/logs/error.log" "$CLUSTER_DIR"/portal-*.log 2>/dev/null || true
    exit 1
  fi
}

stop_all() {
  local dir="$CLUSTER_DIR/nginx" f
  if [ -f "$dir/nginx.pid" ]; then nginx -c "$dir/nginx.conf" -p "$dir" -s quit 2>/dev/null || true; fi
  for f in "$CLUSTER_DIR"/portal-*.pid; do
    [ -f "$f" ] || continue
    kill "$(cat "$f")" 2>/dev/null || true
    rm -f "$f"
  done
  for node in replica primary; do
    if [ -f "$CLUSTER_DIR/$node/PG_VERSION" ]; then
      as_pg "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/$node" -m fast -w stop >/dev/null 2>&1 || true
    fi
  done
}

case "${1:-}" in
  start)
    start_postgres
    if [ "${2:-}" = "--demo" ]; then
      log "迁移并生成演示数据 (migrate + demo seed)"
      env $(portal_env) npx tsx scripts/prepare.ts
    fi
    start_portals
    start_nginx
    log "就绪 (ready): http://127.0.0.1:$NGINX_PORT/  primary :$PG_PORT  replica :$REPLICA_PORT  instances ${PORTAL_PORTS[*]}"
    ;;
  stop)
    stop_all
    log "已停止 (stopped)"
    ;;
  nginx)
    # Rewrites and reloads nginx's configuration (e.g. with another PORTAL_PORTS).
    start_nginx
    ;;
  status)
    curl -fsS "http://127.0.0.1:$NGINX_PORT/api/ready" && echo
    ;;
  *)
    echo "usage: $0 start [--demo] | stop | status" >&2
    exit 2
    ;;
esac
