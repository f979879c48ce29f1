#!/usr/bin/env bash
# Load test at national shape (issue 15): generate a national data set into an empty PostgreSQL database, start
# Khiên on it, run the Gatling journeys (bench/load/java), stop Khiên. Figures land in target/gatling/*/index.html.
#
#   bench/load/run.sh                      # scale 0.05, 50 users, 120 s
#   SCALE=1.0 USERS=50 DURATION=300 bench/load/run.sh
#   KHIEN_DB_URL=jdbc:postgresql://127.0.0.1:5432/khien_scale KHIEN_DB_USER=khien KHIEN_DB_PASSWORD=khien \
#     SKIP_GENERATE=1 USERS=50 DURATION=180 bench/load/run.sh    # reuse a database `generate` already filled
#
# Database: KHIEN_DB_URL/USER/PASSWORD (an EMPTY database), default a database khien_load on the local cluster,
# dropped and re-created (needs `runuser -u postgres` as root, as on the CI machine). SKIP_GENERATE=1 (only with
# KHIEN_DB_URL) runs the journeys on that database as it is, filled earlier by `generate` (a scale-1.0 set takes
# tens of minutes to generate). SKIP_PACKAGE=1 uses the jar already in target/. SETTLE=<seconds>: after the server
# is ready, wait (at most that long) until the reports job's start-up snapshot refresh and warm-up are logged (at
# scale 1.0 they take minutes; the journeys would measure them). SERVER_ARGS adds arguments to the server's command.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCALE=${SCALE:-0.05} USERS=${USERS:-50} DURATION=${DURATION:-120} PORT=${PORT:-8089} RAMP=${RAMP:-20}
SKIP_GENERATE=${SKIP_GENERATE:-} SKIP_PACKAGE=${SKIP_PACKAGE:-}
if [ -n "$SKIP_GENERATE" ] && [ -z "${KHIEN_DB_URL:-}" ]; then
  echo "SKIP_GENERATE=1 needs KHIEN_DB_URL (and _USER, _PASSWORD) naming a database filled by generate" >&2
  exit 2
fi
if [ -z "${KHIEN_DB_URL:-}" ]; then
  runuser -u postgres -- psql -q -c "DROP DATABASE IF EXISTS khien_load" -c "CREATE DATABASE khien_load OWNER khien"
  export KHIEN_DB_URL=jdbc:postgresql://127.0.0.1:5432/khien_load KHIEN_DB_USER=khien KHIEN_DB_PASSWORD=khien
fi
[ -n "$SKIP_PACKAGE" ] || mvn -B -ntp -q -DskipTests package
JAR=$(ls target/khien-*.jar | grep -v original | head -1)
if [ -n "$SKIP_GENERATE" ]; then
  echo "== reusing the generated set in $KHIEN_DB_URL (SKIP_GENERATE)"
else
  echo "== generate --scale $SCALE"
  /usr/bin/time -f "generate: %e s, %M KB peak RSS" java -jar "$JAR" generate --scale "$SCALE" --seed 42
fi
echo "== start Khiên on port $PORT"
KHIEN_PORT=$PORT KHIEN_BOOTSTRAP_ADMIN_PASSWORD='Load-Test-Admin-2026' KHIEN_REPORTS_DIR=target/load-reports \
  java -jar "$JAR" ${SERVER_ARGS:-} > target/load-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  curl -fs "http://localhost:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  sleep 1
done
if [ -n "${SETTLE:-}" ]; then
  echo "== ready; waiting for the start-up snapshot refresh, at most $SETTLE s (load $(cut -d' ' -f1-3 /proc/loadavg))"
  for _ in $(seq 1 "$SETTLE"); do
    grep -q 'root dashboard(s) read once' target/load-server.log && break
    sleep 1
  done
  grep -E 'figure snapshots refreshed|root dashboard\(s\) read once' target/load-server.log || true
fi
echo "== load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== Gatling: $USERS users arriving over $RAMP s, each for $DURATION s"
mvn -B -ntp -Pload test-compile gatling:test -Dkhien.url="http://localhost:$PORT" -Dusers="$USERS" \
  -Dduration="$DURATION" -Dramp="$RAMP" || status=$?
echo "== load average after the run: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "${status:-0}"
