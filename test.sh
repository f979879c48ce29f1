#!/usr/bin/env bash
# The whole test suite, with nothing installed by hand but a JDK and Maven (README "Two commands"):
#   1. every test on the embedded H2 database;
#   2. the tests tagged "database" (they touch SQL or the browser) on PostgreSQL, on the build of pass 1
#      (Surefire alone: no second format check, compilation, jar or SBOM; docs/adr/0081): the server given by
#      TEST_PG_URL / TEST_PG_USER / TEST_PG_PASSWORD, else a real PostgreSQL 17 that the test JVM starts
#      from Maven Central (io.zonky.test.postgres binaries; src/test/java/vn/khien/support/EmbeddedPostgres.java).
# Browser tests need Debian's chromium: installed here when running as root, otherwise a message says what to install.
set -euo pipefail
cd "$(dirname "$0")"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# System packages the suite uses (add one here when a test starts to need it, e.g. fonts for PDF rendering).
PACKAGES=(chromium)
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "test.sh: installing ${missing[*]} (Debian packages the browser tests use)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing ${missing[*]}: install it first (Debian: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

pass() {
  local name=$1; shift
  local start=$SECONDS
  echo "test.sh: $name pass: mvn $*"
  mvn "$@"
  echo "test.sh: $name pass took $(( (SECONDS - start) / 60 ))m$(( (SECONDS - start) % 60 ))s"
}

pass H2 -B -ntp verify
# The build is the one pass 1 made and checked: run only the default Surefire execution again, with the profile's
# group "database" and database settings.
if [ -n "${TEST_PG_URL:-}" ]; then
  pass PostgreSQL -B -ntp -Ppostgres surefire:test@default-test -Dtest.db.url="$TEST_PG_URL" \
    -Dtest.db.user="${TEST_PG_USER:-khien}" -Dtest.db.password="${TEST_PG_PASSWORD:-khien}"
else
  pass PostgreSQL -B -ntp -Ppostgres surefire:test@default-test -Dtest.db.url=embedded
fi
echo "test.sh: both passes took $(( SECONDS / 60 ))m$(( SECONDS % 60 ))s"
