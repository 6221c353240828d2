#!/usr/bin/env bash
# Builds a site folder with studysite, indexes the same built pages with
# Pagefind, and prints both index sizes and their ratio, in one run.
#
#   scripts/compare-pagefind.sh [SITE]
#
# SITE is a site folder (studysite.toml, content/); by default a folder of
# content .md files is used: STUDYSITE_CORPUS, else the 2,000-document
# corpus the benchmarks generate into .cache/corpus-2000/md when
# ../shared/bench/gencorpus.py is beside the repository.
#
# Sizes: ours counts public/search/ without its HTML page; Pagefind's
# counts all of public/pagefind/ (its JS and WebAssembly included, under
# 1% of it). Needs GNU find and time.
#
# Needs npx (Node) and, the first time, the npm registry to fetch Pagefind;
# studysite itself never uses the network. Not part of `make test`.
set -euo pipefail
# paths given are relative to where the script is run from
site=${1:+$(realpath "$1")}
corpus=${STUDYSITE_CORPUS:+$(realpath "$STUDYSITE_CORPUS")}
cd "$(dirname "$0")/.."
corpus=${corpus:-$PWD/.cache/corpus-2000/md}
PAGEFIND=${PAGEFIND:-pagefind@1.6.0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$site" ]; then
	[ -d "$corpus" ] || { echo "no corpus at $corpus: set STUDYSITE_CORPUS to a folder of content .md files, or pass a site folder" >&2; exit 2; }
	mkdir -p "$work/site"
	cp -r "$corpus" "$work/site/content"
	site=$work/site
fi
go build -o "$work/studysite" ./cmd/studysite
/usr/bin/time -f "studysite build: %e s, %M KB max RSS" "$work/studysite" build --source "$site" --dest "$work/public"
ours=$(find "$work/public/search" -type f ! -name index.html -printf '%s\n' | awk '{s+=$1} END {print s}')
ourfiles=$(find "$work/public/search" -type f ! -name index.html | wc -l)
# Pagefind indexes the built HTML pages; our index files are removed from its copy.
cp -r "$work/public" "$work/pf"
find "$work/pf/search" -mindepth 1 ! -name index.html -delete
/usr/bin/time -f "pagefind: %e s, %M KB max RSS" npx --yes "$PAGEFIND" --site "$work/pf" >"$work/pf.log"
grep -E "Indexed [0-9]+ pages" "$work/pf.log" || true
theirs=$(find "$work/pf/pagefind" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
theirfiles=$(find "$work/pf/pagefind" -type f | wc -l)
echo "studysite index: $ours bytes in $ourfiles files"
echo "Pagefind index:  $theirs bytes in $theirfiles files"
awk -v a="$ours" -v b="$theirs" 'BEGIN {printf "ratio studysite/Pagefind: %.2f\n", a/b}'
