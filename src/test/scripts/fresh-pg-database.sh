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
  # (named by it.h2.server / it.pg.server: civicloop-it-h2 and civicloop-it-pg unless overridden)
  for server in "$7"/*-it-*; do
    if [ -d "$server" ]; then rm -rf "$server/apps/expanded" "$server/dropins/"* "$server/workarea" "$server/logs"; fi
  done
fi
