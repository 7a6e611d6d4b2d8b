#!/usr/bin/env bash
# Smoke test of the production recipe on loopback: gunicorn + nginx (deploy/nginx/congtt.conf adapted
# to loopback ports, no TLS), SQLite or DATABASE_URL, then pages, static files, the page cache and a
# purge through nginx. Installs nginx with apt-get when missing. Run from the repository root.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d)
PORT=${SMOKE_PORT:-18080}
export VAR_DIR="$WORK/var" SECRET_KEY=smoke ALLOWED_HOSTS=".localhost,127.0.0.1" SITE_PORT=$PORT
PY="$ROOT/.venv/bin/python"
cleanup() {
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "${GUNICORN_PID:-}" ] && kill "$GUNICORN_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
chmod 755 "$WORK"

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null || apt-get install -y -qq nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

cd "$ROOT"
"$PY" manage.py migrate -v0
"$PY" manage.py collectstatic --noinput -v0
"$PY" manage.py load_demo >/dev/null

"$ROOT/.venv/bin/gunicorn" congtt.wsgi:application --bind "unix:$WORK/gunicorn.sock" --workers 2 \
  --pid "$WORK/gunicorn.pid" --error-logfile "$WORK/gunicorn.log" --daemon
sleep 2
GUNICORN_PID=$(cat "$WORK/gunicorn.pid")

# The production server block, adapted: loopback port, no TLS, paths under $WORK.
mkdir -p "$WORK/cache" "$WORK/logs"
sed -e "s#/var/cache/nginx/congtt#$WORK/cache#" \
    -e "s#unix:/run/congtt/gunicorn.sock#unix:$WORK/gunicorn.sock#" \
    -e "s#/srv/congtt/var/#$VAR_DIR/#g" \
    "$ROOT/deploy/nginx/congtt.conf" | awk -v port="$PORT" '
      /smoke:skip-begin/ {skip=1}
      /smoke:skip-end/ {skip=0; next}
      skip {next}
      /listen 443 ssl;/ {print "    listen 127.0.0.1:" port ";"; next}
      /listen \[::\]:443/ || /ssl_/ || /http2 on/ {next}
      /^[ \t]+server_name/ {print "    server_name .localhost;"; next}
      {print}' > "$WORK/congtt.conf"
cat > "$WORK/nginx.conf" <<CONF
user $(id -un);  # workers must reach the temp dir, cache and gunicorn socket
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
"$NGINX" -t -c "$WORK/nginx.conf" -p "$WORK" 2>&1
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
sleep 1

fail=0
check() {  # check <host> <path> <expected status> [grep text]
  local out status
  out=$(curl -s -o "$WORK/body" -w '%{http_code}' -H "Host: $1" "http://127.0.0.1:$PORT$2")
  status=$out
  if [ "$status" != "$3" ] || { [ -n "${4:-}" ] && ! grep -q "$4" "$WORK/body"; }; then
    echo "FAIL $1$2 -> $status"; fail=1
  else
    echo "ok   $1$2 -> $status"
  fi
}
check langson.localhost / 200
check sokhcn.langson.localhost /gioi-thieu/ 200
check langson.localhost /khong-co-trang-nay/ 404
check langson.localhost /healthz 200 '"status"'
check langson.localhost /static/css/site.css 200
check langson.localhost /quan-tri/login/ 200
# Page cache: the second anonymous request is a HIT.
curl -s -o /dev/null -H "Host: langson.localhost" "http://127.0.0.1:$PORT/"
hit=$(curl -s -D - -o /dev/null -H "Host: langson.localhost" "http://127.0.0.1:$PORT/" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-cache-status"{print $2}')
[ "$hit" = "HIT" ] && echo "ok   cache HIT" || { echo "FAIL cache status $hit"; fail=1; }
# Publish becomes visible through the cache: change a title, PURGE (as Wagtail's frontend cache does).
"$PY" manage.py shell -c "
from wagtail.models import Site
home = Site.objects.get(hostname='langson.localhost').root_page.specific
home.title = 'Trang chủ SMOKE-PUBLISHED'; home.save_revision().publish()
" >/dev/null
curl -s -o /dev/null -X PURGE -H "Host: langson.localhost" "http://127.0.0.1:$PORT/"
curl -s -H "Host: langson.localhost" "http://127.0.0.1:$PORT/" | grep -q "SMOKE-PUBLISHED" \
  && echo "ok   publish visible after purge" || { echo "FAIL publish not visible"; fail=1; }
[ "$fail" = 0 ] || { tail -20 "$WORK/logs/error.log" "$WORK/gunicorn.log" 2>/dev/null; }
exit $fail
