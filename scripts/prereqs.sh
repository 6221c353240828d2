#!/usr/bin/env bash
# What `make test` needs beyond Go, set up by `make test` itself (it runs
# this first):
#   - Debian packages: chromium (browser tests), fonts-noto-cjk (readable
#     screenshots and PDFs), poppler-utils (reads printed PDFs back),
#     default-jre-headless (the W3C Nu HTML checker), nginx-light (serves
#     the site with the README's nginx configuration); nodejs and npm when
#     there is no npm. Installed when missing and the user is root with
#     apt-get; otherwise one message with the one command to run.
#   - node_modules/: axe-core and vnu-jar as package-lock.json pins them,
#     installed with npm ci when missing or older than package-lock.json.
# With STUDYSITE_SKIP_BROWSER=1 the tests that need these are skipped, so
# nothing is installed.
set -euo pipefail
cd "${0%/*}/.."
export DEBIAN_FRONTEND=noninteractive
# nginx lives in /usr/sbin, which a user's PATH may lack. (Tests of this
# script set PREREQS_SBIN to "" so that only their fake PATH counts.)
PATH=$PATH${PREREQS_SBIN-:/usr/sbin:/sbin}

if [ "${STUDYSITE_SKIP_BROWSER:-}" = 1 ]; then
  echo "prereqs: STUDYSITE_SKIP_BROWSER=1: browser, PDF, HTML-checker and nginx tests are skipped; nothing to install"
  exit 0
fi

has() { command -v "$1" >/dev/null 2>&1; }

# present PACKAGE [COMMAND…]: one of the commands is on PATH, or dpkg says
# the package is installed (fonts have no command; without dpkg, fc-list
# says whether a Chinese font is there).
present() {
  local pkg=$1 c
  shift
  for c in "$@"; do
    has "$c" && return 0
  done
  if has dpkg-query; then
    [[ $(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null) == *"install ok installed"* ]]
    return
  fi
  if [ $# -eq 0 ] && has fc-list; then
    [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]
    return
  fi
  return 1
}

missing=()
if [ -z "${CHROMIUM:-}" ]; then
  present chromium chromium chromium-browser google-chrome || missing+=(chromium)
fi
present fonts-noto-cjk || missing+=(fonts-noto-cjk)
present poppler-utils pdftotext || missing+=(poppler-utils)
present default-jre-headless java || missing+=(default-jre-headless)
present nginx-light nginx || missing+=(nginx-light)
has npm || missing+=(nodejs npm)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && has apt-get; then
    echo "prereqs: installing ${missing[*]}"
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    if has apt-get; then
      cmd="sudo apt-get install -y ${missing[*]}"
    else
      cmd="install ${missing[*]} with your system's package manager"
    fi
    echo "prereqs: make test needs ${missing[*]} for its browser, PDF and HTML tests: run  $cmd  then make test again (or STUDYSITE_SKIP_BROWSER=1 make test to skip those tests)" >&2
    exit 1
  fi
fi

# node_modules/ is stale when npm ci never ran (no .package-lock.json, which
# npm writes), when the pins changed since this script last ran npm ci (it
# keeps a copy of package-lock.json), or, without that copy, when
# package-lock.json is newer than npm's own record.
stamp=node_modules/.studysite-package-lock.json
stale() {
  [ -f node_modules/.package-lock.json ] || return 0
  if [ -f "$stamp" ]; then
    [ "$(<package-lock.json)" != "$(<"$stamp")" ]
    return
  fi
  [ package-lock.json -nt node_modules/.package-lock.json ]
}
if stale; then
  echo "prereqs: npm ci (node_modules/ missing or older than package-lock.json)"
  # No install scripts: vnu-jar's would download a Java runtime; the
  # system's is used.
  npm ci --ignore-scripts --no-audit --no-fund
  printf '%s\n' "$(<package-lock.json)" >"$stamp"
fi
