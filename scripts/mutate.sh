#!/usr/bin/env bash
# Mutation testing (make mutate): gremlins changes one operator of a package
# at a time (< to <=, + to -, == to !=, …) and runs the package's tests; a
# change no test notices is a mutant that "lived".
#
#   ./scripts/mutate.sh                     the packages of DEFAULT_PKGS
#   ./scripts/mutate.sh generator/config    one package
#
# Per package it prints efficacy (killed / (killed + lived); a mutant that
# timed out counts in neither, as in gremlins' own figures) and mutant
# coverage ((killed + lived) / all mutants, the rest being on lines no test
# runs), both after leaving out the mutants listed with a reason in
# scripts/mutate-accepted.txt, and fails when either is under MUTATE_MIN
# (90). Mutants in a switch's case expressions, which gremlins wrongly
# takes for uncovered (Go's coverage profile has no block for them), are
# run by scripts/casemut and counted as killed or lived. The browser tests
# (STUDYSITE_SKIP_BROWSER=1) and the big cases (-short) are left out: they
# would run once per mutant. One package at a time, one worker: the tests
# of a mutant already use the machine's cores. No --test-cpu: gremlins
# v0.6.0 passes it to go test as one argument ("-cpu 1"), which go test
# rejects, so every mutant's run failed and counted as killed.
#
# The packages of SELECT_PKGS, whose tests take seconds a run or that have
# hundreds of mutants (hours a package under gremlins, which runs all of
# them per mutant; link: 53 minutes, 24 with mutrun), go through
# scripts/mutrun instead: gremlins lists the mutants (--dry-run), mutrun runs
# each with only the tests whose coverage holds its line, which gives the
# same verdicts. A mutant that does not compile is NOT VIABLE there and
# counts in neither figure (gremlins counts it killed).
# MUTATE_RUNNER=gremlins or =mutrun sends every package one way.
# MUTATE_BUDGET=45m (mutrun's packages only) tries mutants in a fixed random
# order for that long and skips the rest: efficacy is then that of a uniform
# random sample, and the not-covered count is scaled to the sample.
# MUTATE_SURVIVORS=1 (mutrun's packages) runs only the mutants the last
# run's log did not kill, the kills standing (mutrun refuses when the
# package's own code changed since): after new tests, minutes not an hour.
# MUTATE_REUSE=1 runs nothing: it counts again from the logs of the last
# run in .cache/mutate (after the accepted list changed).
#
# generator/pdf is the exception to browsers left out: its print.go is
# Chromium printing, which only its browser tests run; with mutrun only the
# mutants there start the browser.
set -euo pipefail
cd "$(dirname "$0")/.."

DEFAULT_PKGS="generator/frontmatter generator/config generator/content generator/publish generator/check generator/termrule internal/parallel"
GREMLINS_VERSION=v0.6.0
MIN=${MUTATE_MIN:-90}
# A loaded machine (shared cores, other builds) runs a mutant's tests several
# times slower than the coverage run gremlins times them by.
COEFF=${MUTATE_TIMEOUT_COEFFICIENT:-10}
# MUTATE_ALL=1 adds the mutators gremlins leaves off by default (&& ↔ ||,
# break ↔ continue, += ↔ -=, x = x removed, bitwise ones): slower, stricter.
EXTRA=()
if [ "${MUTATE_ALL:-}" = 1 ]; then
  EXTRA=(--invert-logical --invert-loopctrl --invert-assignments --remove-self-assignments --invert-bitwise --invert-bwassign)
fi
SELECT_PKGS="generator/site generator/search generator/ingest generator/pdf generator/link"
BROWSER_PKGS="generator/pdf"
ACCEPTED=scripts/mutate-accepted.txt
OUT=.cache/mutate

gremlins=${GREMLINS:-$(go env GOPATH)/bin/gremlins}
if ! [ -x "$gremlins" ]; then
  echo "installing gremlins $GREMLINS_VERSION into $(go env GOPATH)/bin"
  go install "github.com/go-gremlins/gremlins/cmd/gremlins@$GREMLINS_VERSION"
fi

export GOFLAGS="${GOFLAGS:+$GOFLAGS }-short"
mkdir -p "$OUT"

# accepted PKG FILE:LINE:COL TYPE: is this mutant listed with a reason?
# Not grep -q: it would stop reading at the first match, and under pipefail
# the SIGPIPE of grep -v, still writing, would make a listed mutant count
# as not listed now and then.
accepted() {
  [ -f "$ACCEPTED" ] && grep -v '^#' "$ACCEPTED" | grep -F "$1/$2 $3 " >/dev/null
}

fail=0
summary=()
for pkg in ${*:-$DEFAULT_PKGS}; do
  pkg=${pkg#./}
  log="$OUT/$(echo "$pkg" | tr / _).log"
  echo "== $pkg"
  runner=${MUTATE_RUNNER:-}
  if [ -z "$runner" ]; then
    runner=gremlins
    case " $SELECT_PKGS " in *" $pkg "*) runner=mutrun ;; esac
  fi
  skip_browser=1
  case " $BROWSER_PKGS " in *" $pkg "*) skip_browser= ;; esac
  if [ "${MUTATE_REUSE:-}" = 1 ]; then
    cat "$log"
  elif [ "$runner" = mutrun ]; then
    previous=()
    if [ "${MUTATE_SURVIVORS:-}" = 1 ]; then
      cp "$log" "$log.previous"
      previous=(-previous "$log.previous")
    fi
    STUDYSITE_SKIP_BROWSER=$skip_browser "$gremlins" unleash --dry-run ${EXTRA[@]+"${EXTRA[@]}"} "./$pkg" > "$log.list"
    STUDYSITE_SKIP_BROWSER=$skip_browser go run ./scripts/mutrun -timeout-coefficient "$COEFF" ${MUTATE_BUDGET:+-budget "$MUTATE_BUDGET"} ${previous[@]+"${previous[@]}"} "$pkg" "$log.list" | tee "$log"
  else
    STUDYSITE_SKIP_BROWSER=$skip_browser "$gremlins" unleash --workers 1 --timeout-coefficient "$COEFF" ${EXTRA[@]+"${EXTRA[@]}"} "./$pkg" | tee "$log"
  fi
  killed=$(sed -n 's/^Killed: \([0-9]*\), Lived: \([0-9]*\), Not covered: \([0-9]*\).*/\1/p' "$log")
  lived=$(sed -n 's/^Killed: \([0-9]*\), Lived: \([0-9]*\), Not covered: \([0-9]*\).*/\2/p' "$log")
  uncovered=$(sed -n 's/^Killed: \([0-9]*\), Lived: \([0-9]*\), Not covered: \([0-9]*\).*/\3/p' "$log")
  timed_out=$(sed -n 's/^Timed out: \([0-9]*\).*/\1/p' "$log")
  not_viable=$(sed -n 's/^Timed out: [0-9]*, Not viable: \([0-9]*\).*/\1/p' "$log")
  skipped=$(sed -n 's/^Timed out: .*Skipped: \([0-9]*\).*/\1/p' "$log")
  if [ -z "$killed" ]; then
    echo "$pkg: gremlins printed no summary (see $log)" >&2
    fail=1
    continue
  fi
  # Case expressions: gremlins' NOT COVERED there is a gap of the coverage
  # profile, so casemut runs them.
  if [ "${MUTATE_REUSE:-}" = 1 ]; then
    cat "$log.cases"
  elif [ "$runner" = mutrun ] && [ "${MUTATE_SURVIVORS:-}" = 1 ] && [ -f "$log.cases" ] && ! grep -q '^LIVED ' "$log.cases"; then
    # mutrun found the package's code unchanged: casemut's kills stand.
    cat "$log.cases"
  else
    STUDYSITE_SKIP_BROWSER=$skip_browser go run ./scripts/casemut "$pkg" "$log" | tee "$log.cases"
  fi
  case_killed=$(grep -c '^KILLED ' "$log.cases" || true)
  case_lived=$(grep -c '^LIVED ' "$log.cases" || true)
  # what mutrun tried, before the case expressions join the counts (a
  # budgeted run's sample)
  tried=$((killed + lived + ${timed_out:-0} + ${not_viable:-0}))
  killed=$((killed + case_killed))
  lived=$((lived + case_lived))
  uncovered=$((uncovered - case_killed - case_lived))
  acc_lived=0 acc_uncovered=0
  resolved=$(sed -n 's/^[A-Z]* \([A-Z_]*\) at \([^ ]*\).*/\1 \2/p' "$log.cases")
  while read -r status type pos; do
    if [ "$status" = NOTCOVERED ] && grep -qxF "$type $pos" <<<"$resolved"; then
      continue # run by casemut
    fi
    if accepted "$pkg" "$pos" "$type"; then
      if [ "$status" = LIVED ]; then acc_lived=$((acc_lived + 1)); else acc_uncovered=$((acc_uncovered + 1)); fi
    elif [ "$status" = LIVED ]; then
      echo "  lived: $pkg/$pos $type"
    fi
  done < <(
    sed -n 's/^ *LIVED \([A-Z_]*\) at \(.*\)$/LIVED \1 \2/p; s/^ *NOT COVERED \([A-Z_]*\) at \(.*\)$/NOTCOVERED \1 \2/p' "$log"
    sed -n 's/^LIVED \([A-Z_]*\) at \([^ ]*\).*/LIVED \1 \2/p' "$log.cases"
  )
  line=$(awk -v k="$killed" -v l="$lived" -v u="$uncovered" -v t="${timed_out:-0}" -v nv="${not_viable:-0}" -v s="${skipped:-0}" -v ran="$tried" -v al="$acc_lived" -v au="$acc_uncovered" -v min="$MIN" -v pkg="$pkg" 'BEGIN {
    l -= al; u -= au
    sample = ""
    if (s > 0) {
      # A budgeted run: scale the uncovered to the share of runnable mutants tried.
      u = u * ran / (ran + s)
      sample = sprintf("  (a random sample: %d of %d runnable mutants)", ran, ran + s)
    }
    eff = (k + l) ? 100 * k / (k + l) : 100
    cov = (k + l + u) ? 100 * (k + l) / (k + l + u) : 100
    printf "%-22s killed %3d  lived %2d  not covered %3d  timed out %2d  accepted %2d  efficacy %5.1f%%  coverage %5.1f%%%s%s\n", pkg, k, l, u, t, al + au, eff, cov, (eff < min || cov < min) ? "  UNDER " min "%" : "", sample
  }')
  summary+=("$line")
  case $line in *UNDER*) fail=1 ;; esac
done
echo
echo "mutation testing (gremlins $GREMLINS_VERSION${EXTRA[*]:+ ${EXTRA[*]}}, timeout coefficient $COEFF, accepted: $ACCEPTED)"
printf '%s\n' "${summary[@]}"
exit $fail
