#!/usr/bin/env bash
# Whole-process build benchmark against Hugo on the same Markdown.
#
#   scripts/bench-vs-hugo.sh [DOCS] [RUNS]
#
# DOCS (default 2000) documents from ../shared/bench/gencorpus.py --format md
# (generated into .cache/corpus-DOCS/md when missing). Each run builds the
# corpus with `studysite build` and, if `hugo` is installed (Debian:
# apt-get install hugo), with `hugo --minify` on the site in
# scripts/hugo-bench/ (content/posts/ = the same files), alternating, into
# /dev/shm when it exists; RUNS (default 5) runs each. Prints every run's
# wall time and peak RSS (GNU time), then the medians and the ratios
# studysite/Hugo. STUDYSITE names the binary to measure (default: built
# from this tree into a temporary folder). STUDYSITE_FLAGS adds build
# flags (e.g. --no-search). STUDYSITE_BEFORE names an earlier binary to
# measure in the same rounds (a change's before and after, with Hugo as
# the yardstick). Not part of `make test`.
set -euo pipefail
docs=${1:-2000}
runs=${2:-5}
cd "$(dirname "$0")/.."
repo=$PWD
corpus=$repo/.cache/corpus-$docs/md
gen=$repo/../shared/bench/gencorpus.py
if [ ! -d "$corpus" ]; then
	[ -f "$gen" ] || { echo "no corpus at $corpus and no $gen to make one" >&2; exit 2; }
	mkdir -p "$corpus"
	seed=$(ls "$repo"/../shared/seeds/*.txt | head -1)
	python3 "$gen" --docs "$docs" --format md --out "$corpus" --seed-file "$seed" >/dev/null
fi
tmp=/tmp
[ -d /dev/shm ] && tmp=/dev/shm
work=$(mktemp -d "$tmp/bench-vs-hugo.XXXXXX")
trap 'rm -rf "$work"' EXIT
bin=${STUDYSITE:-}
if [ -z "$bin" ]; then
	bin=$work/studysite
	go build -o "$bin" ./cmd/studysite
fi
mkdir -p "$work/ss" "$work/hugo/content"
ln -s "$corpus" "$work/ss/content"
printf 'title = "bench"\n' > "$work/ss/studysite.toml"
cp -r scripts/hugo-bench/. "$work/hugo/"
ln -s "$corpus" "$work/hugo/content/posts"
have_hugo=$(command -v hugo || true)

measure() { # name, then the command; prints "name wall_s rss_kb"
	local name=$1; shift
	/usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
	echo "$name $(cat "$work/time")"
}
for i in $(seq "$runs"); do
	rm -rf "$work/ss/public" "$work/hugo/public" "$work/hugo/resources"
	measure studysite "$bin" build --no-cache --source "$work/ss" ${STUDYSITE_FLAGS:-}
	if [ -n "${STUDYSITE_BEFORE:-}" ]; then
		rm -rf "$work/ss/public"
		measure before "$STUDYSITE_BEFORE" build --source "$work/ss" ${STUDYSITE_FLAGS:-}
	fi
	[ -n "$have_hugo" ] && measure hugo hugo --minify --quiet --source "$work/hugo"
done | tee "$work/runs"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ss_wall=$(awk '$1=="studysite"{print $2}' "$work/runs" | median)
ss_rss=$(awk '$1=="studysite"{print $3}' "$work/runs" | median)
echo "studysite: median wall ${ss_wall} s, peak RSS $((ss_rss / 1024)) MiB ($docs documents, $runs runs${STUDYSITE_FLAGS:+, $STUDYSITE_FLAGS})"
if [ -n "${STUDYSITE_BEFORE:-}" ]; then
	b_wall=$(awk '$1=="before"{print $2}' "$work/runs" | median)
	b_rss=$(awk '$1=="before"{print $3}' "$work/runs" | median)
	echo "before:    median wall ${b_wall} s, peak RSS $((b_rss / 1024)) MiB ($STUDYSITE_BEFORE)"
	awk -v a="$ss_wall" -v b="$b_wall" -v c="$ss_rss" -v d="$b_rss" 'BEGIN { printf "ratio studysite/before: wall %.2f×, memory %.2f×\n", a/b, c/d }'
fi
if [ -n "$have_hugo" ]; then
	hg_wall=$(awk '$1=="hugo"{print $2}' "$work/runs" | median)
	hg_rss=$(awk '$1=="hugo"{print $3}' "$work/runs" | median)
	echo "hugo:      median wall ${hg_wall} s, peak RSS $((hg_rss / 1024)) MiB ($(hugo version | cut -d' ' -f2))"
	awk -v a="$ss_wall" -v b="$hg_wall" -v c="$ss_rss" -v d="$hg_rss" 'BEGIN { printf "ratio studysite/hugo: wall %.2f×, memory %.2f× (targets: 0.5× each)\n", a/b, c/d }'
else
	echo "hugo is not installed (apt-get install hugo): no comparison"
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
