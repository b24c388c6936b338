#!/usr/bin/env bash
# Drops and re-creates the integration tests' own PostgreSQL database (trust auth), so every run migrates from empty.
set -euo pipefail
host=$1 port=$2 user=$3 db=$4
psql -h "$host" -p "$port" -U "$user" -d postgres -v ON_ERROR_STOP=1 -q \
  -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" \
  -c "CREATE DATABASE \"$db\""
echo "Fresh PostgreSQL database $db on $host:$port"
# The H2 integration-test server's database folder starts empty too.
if [ -n "${5:-}" ]; then rm -rf "$5"; mkdir -p "$5"; fi
# Failsafe adds to an existing summary file: start every run with none.
if [ -n "${6:-}" ]; then rm -rf "$6"; fi
# The integration-test servers start clean: no application expanded or cached by an earlier run.
if [ -n "${7:-}" ]; then
  for server in "$7"/civicloop-it-*; do
    [ -d "$server" ] && rm -rf "$server/apps/expanded" "$server/dropins/"* "$server/workarea" "$server/logs"
  done
fi
