#!/usr/bin/env bash
# The PostgreSQL integration tests, run alongside the H2 ones instead of after them (the two runs share nothing: own
# servers, ports, databases and report folders). Called by `mvn verify` (pom.xml, exec-maven-plugin):
#
#   it-pg-alongside.sh start <target> <skipTests> <skipITs> <alongside> <maven home> <pom> offline=<true|false>
#                            <it.test> <it.failIfNoSpecifiedTests>
#       in integration-test, before the H2 run: starts the PostgreSQL run (Maven's failsafe execution it-pg) in the
#       background; its output goes to <target>/it-pg.log.
#   it-pg-alongside.sh await <target> <skipTests> <skipITs> <alongside>
#       in post-integration-test, after the H2 run: waits for it, prints its output, and fails when it could not run
#       (its test results are judged by failsafe's verify, with the H2 run's).
#
# Nothing is done with -DskipTests or -DskipITs, or with -Dit.pg.alongside=false (failsafe then runs the PostgreSQL
# tests itself, after the H2 ones).
set -uo pipefail
command=$1 target=$2
skip=false
[ "$3" = "true" ] || [ "$4" = "true" ] || [ "$5" != "true" ] && skip=true
shift 5
log="$target/it-pg.log" status="$target/it-pg.status"

case "$command" in
start)
  rm -f "$status"
  [ "$skip" = "true" ] && exit 0
  mkdir -p "$target"
  maven_home=$1 pom=$2 offline=$3 tests=$4 fail_if_none=$5
  set -- "$maven_home/bin/mvn" -B -ntp -f "$pom" failsafe:integration-test@it-pg -Dit.pg.alongside=false
  [ "$offline" = "offline=true" ] && set -- "$@" --offline
  # Properties Maven left unset arrive as their own ${...} expression.
  case "$tests" in '${'*|'') ;; *) set -- "$@" "-Dit.test=$tests" ;; esac
  case "$fail_if_none" in '${'*|'') ;; *) set -- "$@" "-Dit.failIfNoSpecifiedTests=$fail_if_none" ;; esac
  echo "PostgreSQL integration tests: started alongside the H2 ones; their output is in $log (printed when they end)"
  # A session of its own, detached from Maven's output, so that Maven goes on with the H2 run at once.
  setsid bash -c 'log=$0 status=$1; shift; "$@" > "$log" 2>&1 < /dev/null; echo $? > "$status"' "$log" "$status" "$@" \
    > /dev/null 2>&1 < /dev/null &
  echo $! > "$target/it-pg.pid"
  ;;
await)
  [ "$skip" = "true" ] && exit 0
  if [ ! -f "$target/it-pg.pid" ]; then
    echo "PostgreSQL integration tests: never started (no $target/it-pg.pid)" >&2
    exit 1
  fi
  pid=$(cat "$target/it-pg.pid")
  waited=0
  while [ ! -f "$status" ]; do
    if ! kill -0 "$pid" 2> /dev/null; then
      sleep 1 # it may have ended between the two checks
      [ -f "$status" ] || { echo "PostgreSQL integration tests: their Maven ended without a status" >&2; break; }
    fi
    [ $((waited % 300)) -eq 0 ] && echo "PostgreSQL integration tests: still running"
    sleep 2
    waited=$((waited + 2))
  done
  echo "----- PostgreSQL integration tests ($log) -----"
  cat "$log"
  echo "----- end of the PostgreSQL integration tests -----"
  code=$(cat "$status" 2> /dev/null || echo 1)
  rm -f "$target/it-pg.pid"
  # Failing tests are failsafe verify's to report (with the H2 run's); a Maven that failed otherwise stops here.
  if [ "$code" != "0" ]; then
    echo "PostgreSQL integration tests: their Maven run ended with status $code (see above)" >&2
    exit "$code"
  fi
  ;;
*)
  echo "usage: $0 start|await <target> <skipTests> <skipITs> <alongside> [start's arguments]" >&2
  exit 2
  ;;
esac
