#!/bin/sh
# A no-op `studysite build`: the corpus built once, then built again N
# times unchanged; prints each time and the median. What incremental builds
# (and a build cache under .studysite/) are to bring down.
#   scripts/bench-noop-build.sh CORPUS_MD_DIR [N]
# CORPUS_MD_DIR is a folder of content .md files (the 2,000-document corpus:
# ../shared/bench/gencorpus.py --format md); N defaults to 5.
set -eu
corpus=${1:?usage: $0 CORPUS_MD_DIR [N]}
n=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/studysite" ./cmd/studysite
mkdir -p "$work/site/content"
cp "$corpus"/*.md "$work/site/content/"
cp studysite.toml "$work/site/"
"$work/studysite" build --source "$work/site" >/dev/null
times=""
i=0
while [ "$i" -lt "$n" ]; do
	start=$(date +%s%N)
	"$work/studysite" build --source "$work/site" >/dev/null
	end=$(date +%s%N)
	ms=$(( (end - start) / 1000000 ))
	echo "no-op build $((i + 1)): ${ms} ms"
	times="$times $ms"
	i=$((i + 1))
done
echo "$times" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] " ms of " NR}'
