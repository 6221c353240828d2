# studysite — the only prerequisite to build is Go; `make test` installs what
# its browser tests need (scripts/prereqs.sh).
GO      ?= go
BIN     := bin/studysite
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X main.version=$(VERSION)
FUZZTIME ?= 20s
TEST_FUZZTIME ?= 5s

.PHONY: all site build test prereqs vet bench fuzz mutate clean dist release

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

## dist: for each platform a clerk or a server may use, a zip that is a
## ready site folder: the static binary (no cgo, no build paths, the
## version stamped), README.md, a commented studysite.toml, seeds/ with its
## note and the sample transcript, an empty content/; SHA256SUMS beside.
## Unzipped on a Windows PC, a double-click on studysite.exe shows the
## sample site; transcripts put into seeds/ join it.
DIST_PLATFORMS := windows/amd64 windows/arm64 linux/amd64 linux/arm64 darwin/arm64 darwin/amd64
DIST := dist

dist:
	rm -rf $(DIST) && mkdir -p $(DIST)
	set -e; for p in $(DIST_PLATFORMS); do \
		os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		name=studysite-$(VERSION)-$$os-$$arch; dir=$(DIST)/$$name; \
		echo "$(DIST)/$$name.zip"; \
		mkdir -p $$dir/seeds $$dir/content; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $$dir/studysite$$ext ./cmd/studysite; \
		cp README.md cmd/studysite/initsite/studysite.toml $$dir/; \
		cp cmd/studysite/initsite/说明.txt seeds/*.txt $$dir/seeds/; \
		$(GO) run ./scripts/zipdir $(DIST)/$$name.zip $$dir; \
		rm -rf $$dir; \
	done
	cd $(DIST) && sha256sum *.zip > SHA256SUMS

## release: the old name of dist
release: dist

clean:
	rm -rf public public.studysite-new public.studysite-old bin dist
