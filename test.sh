#!/usr/bin/env bash
# The whole test suite: once on the embedded H2 database, once on PostgreSQL (needs a server: see README).
set -euo pipefail
cd "$(dirname "$0")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
mvn -B -ntp verify
mvn -B -ntp -Ppostgres verify \
  -Dtest.db.url="${TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/khien_test}" \
  -Dtest.db.user="${TEST_PG_USER:-khien}" -Dtest.db.password="${TEST_PG_PASSWORD:-khien}"
