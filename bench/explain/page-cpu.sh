#!/usr/bin/env bash
# Server CPU time per page, which (unlike a response time) does not depend on how busy the machine is: N
# sequential requests of each page as one signed-in person of the generated set, the server process's CPU time
# (utime + stime from /proc) read before and after. Used to compare two builds or settings on the same data
# (bench/README.md, "Pages").
#
#   bench/explain/page-cpu.sh <server pid> [base url] [username] [N]
#   PAGES="/" WARM=1 bench/explain/page-cpu.sh …   (only these pages, this many warm-up requests each; default all, 3)
set -euo pipefail
PID=$1 BASE=${2:-http://localhost:8089} WHO=${3:-t05.lanhdao} N=${4:-30}
PASSWORD=${PASSWORD:-Khien@Scale2026}
JAR=$(mktemp)
trap 'rm -f "$JAR"' EXIT
CSRF=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "username=$WHO" --data-urlencode "password=$PASSWORD" \
  --data-urlencode "_csrf=$CSRF" "$BASE/login"
ticks() { awk '{print $14 + $15}' "/proc/$PID/stat"; }
HZ=$(getconf CLK_TCK)
read -r -a PAGE_LIST <<< "${PAGES:-/ /findings /findings?severity=CRITICAL&status=OPEN /systems /compliance /level-progress}"
for page in "${PAGE_LIST[@]}"; do
  for _ in $(seq 1 "${WARM:-3}"); do curl -s -o /dev/null -b "$JAR" "$BASE$page"; done   # warm up
  before=$(ticks); start=$(date +%s%N)
  for _ in $(seq 1 "$N"); do curl -s -o /dev/null -b "$JAR" "$BASE$page"; done
  after=$(ticks); end=$(date +%s%N)
  printf '%-45s %6.1f ms CPU/request  %6.0f ms wall/request\n' "$page" \
    "$(echo "($after - $before) * 1000 / $HZ / $N" | bc -l)" "$(echo "($end - $start) / 1000000 / $N" | bc -l)"
done
