#!/usr/bin/env bash
# Run by `mvn verify` before the integration tests: provides what they need on a fresh machine, or stops with one
# clear line naming what it cannot provide. Arguments: PostgreSQL host and port, then skipTests and skipITs.
set -uo pipefail
host=$1 port=$2
if [ "${3:-}" = "true" ] || [ "${4:-}" = "true" ]; then exit 0; fi

fail() { echo "mvn verify cannot run the integration tests: $*" >&2; exit 1; }

apt_install() {
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    fail "$1 is missing; install Debian's packages '$2' (apt-get install $2) and run again"
  fi
  echo "Installing $2 from Debian packages (the integration tests need $1)..."
  export DEBIAN_FRONTEND=noninteractive
  if ! { apt-get update -q >/dev/null && apt-get install -y -q $2 >/dev/null; }; then
    fail "could not install '$2' with apt-get"
  fi
}

# The browser tests drive Debian's Chromium through its driver.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  apt_install "Chromium and its driver" "chromium chromium-driver"
fi
# The browser tests' accessibility checks install axe-core with npm.
if ! command -v npm >/dev/null 2>&1; then
  apt_install "npm" "nodejs npm"
fi
# The integration tests use a PostgreSQL server with trust auth; start the machine's own cluster if it is down.
if ! pg_isready -h "$host" -p "$port" -q 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "Starting the local PostgreSQL cluster..."
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do pg_isready -h "$host" -p "$port" -q 2>/dev/null && break; sleep 1; done
  fi
  command -v pg_isready >/dev/null 2>&1 || fail "no PostgreSQL client tools; install Debian's 'postgresql' package"
  pg_isready -h "$host" -p "$port" -q 2>/dev/null \
    || fail "no PostgreSQL server answers at $host:$port (trust auth); start one or set -Dit.pg.host/-Dit.pg.port"
fi
exit 0
