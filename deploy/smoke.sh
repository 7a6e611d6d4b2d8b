#!/usr/bin/env bash
# Smoke test of the production recipe on loopback (docs/trien-khai.md, "Kiểm thử khói"): a fresh
# PostgreSQL database, Redis, gunicorn and the task worker started with the ExecStart lines of
# deploy/systemd/, nginx with deploy/nginx/congtt.conf, the settings of deploy/env.example; then checks
# through nginx: pages, a legal-document listing with filters, static and media files served by nginx,
# /healthz, the proxy cache (HIT), a publish and an unpublish made with Wagtail's own code that show on
# the next request through the cache (Wagtail's frontend cache sends PURGE, as in production).
#
# Loopback adaptations, and nothing else: nginx listens on 127.0.0.1:$SMOKE_PORT without TLS (the
# HTTP->HTTPS redirect block, the TLS lines and the :8080 purge listener are dropped, the purge and its
# refresh go to the smoke port), paths under a temp dir; env.example is read and then DATABASE_URL, REDIS_URL,
# SECRET_KEY, VAR_DIR, BACKUP_DIR, ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS, PORTAL_DOMAIN, EMAIL_URL,
# FRONTEND_CACHE_URL are set for loopback, HTTPS=0 (no TLS, so no HSTS or Secure cookies) and
# CLAMD_SOCKET is emptied. DEBUG stays off.
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust; SMOKE_PG_URL) and Redis on 127.0.0.1:6379
# (database SMOKE_REDIS_DB, default 15, keys under a per-run prefix: the test suite uses 0..2). Installs
# nginx with apt-get when missing. Prints PASS/FAIL per check; exits non-zero on any failure. Cleans up
# its processes, database, Redis keys and temp dir whatever happens. Run from anywhere: `make smoke`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${SMOKE_PORT:-18080}
PG_URL=${SMOKE_PG_URL:-postgres://postgres@127.0.0.1:5432}
REDIS_DB=${SMOKE_REDIS_DB:-15}
HOST=langson.localhost
RUN="smoke_$(date +%s)_$$"
WORK=$(mktemp -d)
PY="$ROOT/.venv/bin/python"
STARTED=$(date +%s)
PIDS=()
STEP_AT=$STARTED
step() {  # step <name>: the time the step just finished took, and the total so far
  local now
  now=$(date +%s)
  echo "smoke: $1 in $((now - STEP_AT))s (total $((now - STARTED))s)"
  STEP_AT=$now
}

psql_admin() { psql "$PG_URL/postgres" -v ON_ERROR_STOP=1 -qAtc "$1"; }
redis() { redis-cli -h 127.0.0.1 -p 6379 -n "$REDIS_DB" "$@"; }
cleanup() {
  set +e
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null
  for pid in "${PIDS[@]}"; do kill -- "-$pid" 2>/dev/null; done  # each started in its own process group
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 -- "-$pid" 2>/dev/null
  done
  psql_admin "DROP DATABASE IF EXISTS \"$RUN\" WITH (FORCE)" >/dev/null 2>&1
  redis --scan --pattern "$RUN*" 2>/dev/null | xargs -r redis-cli -h 127.0.0.1 -p 6379 -n "$REDIS_DB" del >/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
chmod 755 "$WORK"  # nginx workers reach the cache, the static copy and the gunicorn socket

wait_for() {  # wait_for <what> <seconds> <command...>: poll until the command succeeds
  local what=$1 seconds=$2
  shift 2
  local deadline=$(($(date +%s) + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then echo "FAIL $what not ready after ${seconds}s"; return 1; fi
    sleep 0.1
  done
}
unit_exec() {  # the ExecStart of a systemd unit of the recipe, with its paths moved to this run
  sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$ROOT/deploy/systemd/$1" | sed -n 's/^ExecStart=//p' |
    sed -e "s#/srv/congtt/app#$ROOT#g" -e "s#unix:/run/congtt/gunicorn.sock#unix:$WORK/gunicorn.sock#"
}
start() {  # start <log> <command line>: in its own process group, so cleanup stops it and its children
  setsid bash -c "exec $2" >"$WORK/$1" 2>&1 &
  PIDS+=($!)
}

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null ||
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# The production environment file, read as systemd reads EnvironmentFile (KEY=VALUE lines, # comments).
while IFS= read -r line; do
  case "$line" in '' | '#'*) continue ;; esac
  export "${line%%=*}=${line#*=}"
done <"$ROOT/deploy/env.example"
export DATABASE_URL="$PG_URL/$RUN" REDIS_URL="redis://127.0.0.1:6379/$REDIS_DB" CACHE_KEY_PREFIX="$RUN"
export SECRET_KEY="smoke-$RUN-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export VAR_DIR="$WORK/var" BACKUP_DIR="$WORK/backups" SITE_PORT=$PORT PORTAL_DOMAIN=$HOST
export ALLOWED_HOSTS=".localhost,127.0.0.1" CSRF_TRUSTED_ORIGINS="http://*.localhost:$PORT"
export EMAIL_URL="consolemail://" FRONTEND_CACHE_URL="http://127.0.0.1:$PORT" HTTPS=0 CLAMD_SOCKET=""
unset DEBUG CONGTT_TESTING

cd "$ROOT"
psql_admin "CREATE DATABASE \"$RUN\""
# collectstatic needs no database: it runs beside migrate and load_demo.
"$PY" manage.py collectstatic --noinput -v0 >"$WORK/collectstatic.log" 2>&1 &
COLLECT=$!
"$PY" manage.py migrate --noinput -v0
step migrate
"$PY" manage.py load_demo >/dev/null
step load_demo
wait "$COLLECT" || { cat "$WORK/collectstatic.log"; echo "FAIL collectstatic"; exit 1; }
step "collectstatic (beside them)"
"$PY" deploy/smoke_steps.py targets "$HOST" >"$WORK/targets"
while IFS= read -r line; do declare "T_${line%%=*}=${line#*=}"; done <"$WORK/targets"

start gunicorn.log "$(unit_exec congtt-gunicorn.service)"
start worker.log "$(unit_exec congtt-worker.service)"

# The production server block, adapted for loopback (see the header).
mkdir -p "$WORK/cache" "$WORK/logs"
sed -e "s#/var/cache/nginx/congtt#$WORK/cache#" \
  -e "s#unix:/run/congtt/gunicorn.sock#unix:$WORK/gunicorn.sock#" \
  -e "s#/srv/congtt/var/#$VAR_DIR/#g" \
  -e "s#proxy_pass http://127.0.0.1:8080;#proxy_pass http://127.0.0.1:$PORT;#" \
  "$ROOT/deploy/nginx/congtt.conf" | awk -v port="$PORT" '
      /smoke:skip-begin/ {skip=1}
      /smoke:skip-end/ {skip=0; next}
      skip {next}
      /listen 443 ssl;/ {print "    listen 127.0.0.1:" port ";"; next}
      /listen \[::\]:443/ || /listen 127\.0\.0\.1:8080;/ || /ssl_/ || /http2 on/ {next}
      /^[ \t]+server_name/ {print "    server_name .localhost;"; next}
      {print}' >"$WORK/congtt.conf"
cat >"$WORK/nginx.conf" <<CONF
user $(id -un);
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  access_log $WORK/logs/access.log;
  client_body_temp_path $WORK/cache/body; proxy_temp_path $WORK/cache/proxy;
  fastcgi_temp_path $WORK/cache/fcgi; uwsgi_temp_path $WORK/cache/uwsgi; scgi_temp_path $WORK/cache/scgi;
  include $WORK/congtt.conf;
}
CONF
"$NGINX" -t -q -c "$WORK/nginx.conf" -p "$WORK"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"

wait_for "gunicorn socket" 30 curl -sf --unix-socket "$WORK/gunicorn.sock" -H "Host: $HOST" http://x/healthz
wait_for "nginx on :$PORT" 10 curl -s -o /dev/null "http://127.0.0.1:$PORT/"
step "gunicorn, worker and nginx started"

fail=0
pass() { echo "PASS $1"; }
flunk() { echo "FAIL $1"; fail=1; }
get() {  # get <path> [curl args]: body to $WORK/body, headers to $WORK/headers, status on stdout
  local path=$1
  shift
  curl -s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' -H "Host: $HOST" "$@" "http://127.0.0.1:$PORT$path"
}
header() { tr -d '\r' <"$WORK/headers" | awk -F': ' -v h="$1" 'tolower($1)==tolower(h){print $2}'; }
check() {  # check <label> <path> <status> [text expected in the body]
  local status
  status=$(get "$2")
  if [ "$status" != "$3" ]; then
    flunk "$1: $2 -> $status, expected $3"
  elif [ -n "${4:-}" ] && ! grep -qF -- "$4" "$WORK/body"; then
    flunk "$1: $2 -> $status without \"$4\""
  else
    pass "$1: $2 -> $status"
  fi
}
cache_status() {  # the X-Cache-Status nginx gives <path>
  get "$1" >/dev/null
  header X-Cache-Status
}

check "home" / 200 "</html>"
check "subsite page" "/gioi-thieu/" 200
check "article" "$T_ARTICLE_PATH" 200 "$T_ARTICLE_TITLE"
check "legal documents filtered" "$T_LEGAL_PATH$T_LEGAL_QUERY" 200 "$T_LEGAL_WANTED"
if grep -qF -- "$T_LEGAL_OTHER" "$WORK/body"; then flunk "legal filter left in $T_LEGAL_OTHER"; else pass "legal filter leaves out $T_LEGAL_OTHER"; fi
check "not found" /khong-co-trang-nay/ 404
check "healthz" /healthz 200 '"status": "ok"'
check "admin login" "/$ADMIN_PATH/login/" 200
for file in /static/css/site.css "$T_MEDIA_PATH"; do
  status=$(get "$file")
  # nginx's own location blocks add Expires/Cache-Control max-age and no X-Cache-Status (never proxied).
  if [ "$status" = 200 ] && [ -n "$(header Expires)" ] && [ -z "$(header X-Cache-Status)" ] && [ -s "$WORK/body" ]; then
    pass "served by nginx: $file (Expires: $(header Expires))"
  else
    flunk "served by nginx: $file -> $status, Expires '$(header Expires)', X-Cache-Status '$(header X-Cache-Status)'"
  fi
done
[ "$(cmp -s "$WORK/body" "$VAR_DIR/media/${T_MEDIA_PATH#/media/}" && echo same)" = same ] &&
  pass "media bytes match MEDIA_ROOT" || flunk "media bytes differ from MEDIA_ROOT"

cache_status / >/dev/null
hit=$(cache_status /)
[ "$hit" = HIT ] && pass "page cache: second request is a HIT" || flunk "page cache: second request is '$hit'"
cache_status "$T_ARTICLE_PATH" >/dev/null
hit=$(cache_status "$T_ARTICLE_PATH")
[ "$hit" = HIT ] && pass "article cached (HIT)" || flunk "article cache status '$hit'"
step "page checks"
status=$(curl -s -o /dev/null -w '%{http_code}' -X PURGE -H "Host: $HOST" "http://127.0.0.1:$PORT/")
[ "$status" = 200 ] && pass "PURGE from loopback accepted" || flunk "PURGE from loopback -> $status"

# Publish through Wagtail (revision saved and published by an editor): the next request through nginx
# must show it, from the cache.
NEW_TITLE="Bài thử khói đã xuất bản $RUN"
"$PY" deploy/smoke_steps.py publish "$T_ARTICLE_ID" "$NEW_TITLE"
# Wagtail 8 purges from a task: the worker sends the PURGE, so poll (bounded) until nginx serves it.
published() { [ "$(get "$T_ARTICLE_PATH")" = 200 ] && grep -qF -- "$NEW_TITLE" "$WORK/body"; }
if wait_for "published title through nginx" 30 published; then pass "publish visible through nginx"; else
  fail=1; echo "     got: $(grep -o '<title>[^<]*' "$WORK/body"), X-Cache-Status $(header X-Cache-Status)"; fi
get "$T_ARTICLE_PATH" >/dev/null
[ "$(header X-Cache-Status)" = HIT ] && pass "published page served from the refreshed cache (HIT)" ||
  flunk "published page cache status '$(header X-Cache-Status)', expected HIT (purge refreshed it)"
step "publish through the cache"
"$PY" deploy/smoke_steps.py unpublish "$T_ARTICLE_ID"
unpublished() { [ "$(get "$T_ARTICLE_PATH")" = 404 ]; }
wait_for "unpublished page gone through nginx" 30 unpublished && pass "unpublish visible through nginx (404)" || fail=1

# The worker runs the tasks the publish queued (search index, reference index).
if wait_for "task queue drained by the worker" 30 sh -c "[ \"\$('$PY' deploy/smoke_steps.py pending)\" = 0 ]"; then
  pass "worker ran the queued tasks"
else
  fail=1
fi
step "unpublish and task queue"
for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || flunk "process $pid (gunicorn/worker) exited"; done

echo "smoke: $(($(date +%s) - STARTED))s"
if [ "$fail" != 0 ]; then
  tail -n 20 "$WORK/logs/error.log" "$WORK/gunicorn.log" "$WORK/worker.log" 2>/dev/null
  echo "smoke: FAIL"
  exit 1
fi
echo "smoke: PASS"
