#!/usr/bin/env bash
# Runs every fuzz target of the module for a bounded time each: ./scripts/fuzz.sh 20s
# A crasher is written to the package's testdata/fuzz/ and fails the run;
# fix it and commit the file, so the case stays in the seed corpus.
set -euo pipefail
t=${1:-20s}
cd "$(dirname "$0")/.."
grep -rl --include='*_test.go' '^func Fuzz' . | sort | while read -r file; do
  pkg=./$(dirname "${file#./}")
  for f in $(grep -o '^func Fuzz[A-Za-z0-9_]*' "$file" | sed 's/^func //'); do
    echo "fuzz $pkg $f ($t)"
    go test -run '^$' -fuzz "^$f\$" -fuzztime "$t" "$pkg" >/tmp/fuzz-$$.log 2>&1 || { cat /tmp/fuzz-$$.log; exit 1; }
  done
done
