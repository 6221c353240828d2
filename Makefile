# studysite — the only prerequisite to build is Go; `make test` installs what
# its browser tests need (scripts/prereqs.sh).
GO      ?= go
BIN     := bin/studysite
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
FUZZTIME ?= 20s
TEST_FUZZTIME ?= 5s

.PHONY: all site build test prereqs vet bench fuzz mutate clean release

all: site

$(BIN): FORCE
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/studysite

FORCE:

## site: build public/ from seeds/ and content/ with the embedded theme,
## then check that every link, asset and #anchor in it resolves
site: $(BIN)
	./$(BIN) build
	./$(BIN) check

## test: what the tests need (prereqs), vet, every test with the race
## detector (fuzz seed corpora included), then the tests too slow under
## -race (the bad-input catalogue's big cases, the 320-case hand-edit
## matrix, search recall over the 2,000-document corpus) without it, then
## each fuzz target for a short bounded time
test: prereqs vet
	$(GO) test -race -count=1 -timeout 20m ./...
	$(GO) test -count=1 -run 'TestBadInputCatalogue|TestHandEditsNeverLost' ./generator/site/
	$(GO) test -count=1 -run 'TestRecallPrecision' ./generator/search/
	./scripts/fuzz.sh $(TEST_FUZZTIME)

## prereqs: the Debian packages and node_modules/ the browser, PDF and
## HTML-checker tests use, installed when missing (as root with apt-get),
## else one message saying the command to run; nothing with
## STUDYSITE_SKIP_BROWSER=1
prereqs:
	./scripts/prereqs.sh

# vet for Windows too: the clerk's platform, whose files (locale_windows.go,
# clickstart_windows.go) no Linux build compiles
vet:
	$(GO) vet ./...
	GOOS=windows $(GO) vet ./...

## bench: stage and whole-build benchmarks; the whole-build ones use the
## 2,000-document corpus (STUDYSITE_CORPUS, or generated into .cache/ from
## ../shared/bench/gencorpus.py). Then search as readers feel it: cold and
## warm per query shape, medians of 5 runs each, beside Pagefind's
## (BenchmarkSearchFeel; STUDYSITE_FEEL_PUBLIC=<built site> for another)
bench:
	$(GO) test -run '^$$' -bench . -skip 'BenchmarkSearchFeel' -benchmem -count 5 ./...
	$(GO) test -run '^$$' -bench 'BenchmarkSearchFeel' -benchtime 1x -timeout 90m ./generator/search/

## mutate: mutation testing with gremlins, one package at a time, browser
## tests and big cases left out (not part of test: it takes minutes per
## package); MUTATE_PKGS="generator/config …" for others
mutate:
	./scripts/mutate.sh $(MUTATE_PKGS)

## fuzz: run each fuzz target for FUZZTIME
fuzz:
	./scripts/fuzz.sh $(FUZZTIME)

## release: static binaries for each platform a clerk or a server may use,
## into dist/ with SHA256SUMS; no cgo, no build paths, the version stamped.
## dist/studysite-VERSION-windows-amd64.exe is the one for a Windows PC.
RELEASE_PLATFORMS := windows/amd64 windows/arm64 linux/amd64 linux/arm64 darwin/arm64
DIST := dist

release:
	rm -rf $(DIST) && mkdir -p $(DIST)
	set -e; for p in $(RELEASE_PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		out=$(DIST)/studysite-$(VERSION)-$$os-$$arch$$ext; \
		echo "$$out"; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $$out ./cmd/studysite; \
	done
	cd $(DIST) && sha256sum studysite-* > SHA256SUMS

clean:
	rm -rf public public.studysite-new public.studysite-old bin dist
