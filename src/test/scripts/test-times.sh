#!/usr/bin/env bash
# Prints the time each test class took (unit tests, and integration tests per database), slowest first, with totals.
# Reads the Surefire and Failsafe XML reports of the last run; prints nothing for a run that produced none.
set -uo pipefail
target=${1:-target}
report() {
  local label=$1 dir=$2
  [ -d "$dir" ] || return 0
  local files=("$dir"/TEST-*.xml)
  [ -e "${files[0]}" ] || return 0
  echo "Test time per class, $label:"
  for f in "${files[@]}"; do
    # The first <testsuite ...> tag carries the class name and its total time in seconds.
    line=$(grep -m1 -o '<testsuite [^>]*>' "$f")
    name=$(sed -n 's/.* name="\([^"]*\)".*/\1/p' <<<"$line")
    time=$(sed -n 's/.* time="\([^"]*\)".*/\1/p' <<<"$line" | tr -d ,)
    printf '%10.1f s  %s\n' "${time:-0}" "${name##*.}"
  done | sort -rn | awk '{ print } { total += $1 } END { printf "%10.1f s  total (%d classes)\n", total, NR }'
}
report "unit tests" "$target/surefire-reports"
report "integration tests on H2" "$target/failsafe-reports/h2"
report "integration tests on PostgreSQL" "$target/failsafe-reports/pg"

# Every failed or erroneous test, with the first line of its message, so that a CI log's tail names what broke.
failures() {
  local label=$1 dir=$2
  [ -d "$dir" ] || return 0
  local out
  out=$(for f in "$dir"/TEST-*.xml; do
    [ -e "$f" ] || continue
    awk '
      /<testcase / { match($0, /name="[^"]*"/); test = substr($0, RSTART + 6, RLENGTH - 7)
                     match($0, /classname="[^"]*"/); cls = substr($0, RSTART + 11, RLENGTH - 12); sub(/.*\./, "", cls) }
      /<(failure|error)[ >]/ { msg = ""; if (match($0, /message="[^"]*/)) msg = substr($0, RSTART + 9, RLENGTH - 9)
                     sub(/&#10;.*/, "", msg)
                     printf "  %s.%s: %s\n", cls, test, substr(msg, 1, 400); where = 1; next }
      # The first line of the stack trace inside the project says where it broke.
      where && /^[[:space:]]*at org\.civicloop\./ { sub(/^[[:space:]]*/, ""); printf "      %s\n", $0; where = 0 }
      /<\/(failure|error)>/ { where = 0 }
    ' "$f"
  done)
  out=$(sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&amp;/\&/g' <<<"$out")
  [ -n "$out" ] && printf 'Failed tests, %s:\n%s\n' "$label" "$out"
  return 0
}
failures "unit tests" "$target/surefire-reports"
failures "integration tests on H2" "$target/failsafe-reports/h2"
failures "integration tests on PostgreSQL" "$target/failsafe-reports/pg"
