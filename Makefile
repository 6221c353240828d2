# studysite — the only prerequisite is Go.
GO      ?= go
BIN     := bin/studysite
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
FUZZTIME ?= 20s

.PHONY: all site build test vet bench fuzz clean

all: site

$(BIN): FORCE
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/studysite

FORCE:

## site: build public/ from seeds/ and content/ with the embedded theme
site: $(BIN)
	./$(BIN) build

## test: vet, then every test with the race detector (fuzz seed corpora included)
test: vet
	$(GO) test -race -count=1 ./...

vet:
	$(GO) vet ./...

# The benchmark corpus: 2,000 documents from gencorpus.py, generated once.
GENCORPUS ?= $(firstword $(wildcard ../shared/bench/gencorpus.py ../../shared/bench/gencorpus.py) /work/shared/bench/gencorpus.py)
CORPUS    ?= /tmp/studysite-corpus-2000

$(CORPUS):
	python3 $(GENCORPUS) --docs 2000 --out $@ --seed-file seeds/2023-12-01-shanghai-changsanjiao.txt --format md

## bench: stage and whole-build benchmarks (STUDYSITE_CORPUS: the 2,000-document corpus)
bench: $(CORPUS)
	STUDYSITE_CORPUS=$(CORPUS) $(GO) test -run '^$$' -bench . -benchmem -count 5 ./...

## fuzz: run each fuzz target for FUZZTIME
fuzz:
	./scripts/fuzz.sh $(FUZZTIME)

clean:
	rm -rf public public.studysite-new public.studysite-old bin
