#!/usr/bin/env bash
# Runs Lighthouse (mobile, default simulated throttling) on one page of
# each kind of a built site, served over HTTP on loopback, and prints the
# four category scores and the page's transferred bytes.
#
#   scripts/lighthouse.sh PUBLIC [PORT]
#
# PUBLIC is a built public/ folder. The pages are found in it: home,
# archive, a year, a tag, a series, a speaker, the terms index, a term, a
# document (the largest), search (with ?q=长三角), the packets index, a
# packet and the 404 page (at /404.html: Lighthouse refuses to audit a
# response with status 404; the page's links at unknown deep paths are
# tested in themes/nginx_test.go). Kinds the site does not have are passed
# over.
#
# Needs Node 20 and Lighthouse 12.2.3: LIGHTHOUSE names its CLI (default:
# `npx --yes lighthouse@12.2.3`, which fetches it from the npm registry the
# first time), and Chromium (CHROME_PATH, default /usr/bin/chromium).
# studysite itself never uses the network. Not part of `make test`.
set -euo pipefail
public=$(realpath "$1")
port=${2:-8765}
LIGHTHOUSE=${LIGHTHOUSE:-npx --yes lighthouse@12.2.3}
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
out=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$out"' EXIT

# A tiny static server (unknown paths get the site's 404.html with status
# 404, as the README's nginx configuration gives them).
python3 - "$public" "$port" >/dev/null 2>&1 <<'EOF' &
import http.server, os, sys
root, port = sys.argv[1], int(sys.argv[2])
class H(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **k):
        super().__init__(*a, directory=root, **k)
    def send_error(self, code, message=None, explain=None):
        if code != 404:
            return super().send_error(code, message, explain)
        body = open(os.path.join(root, "404.html"), "rb").read()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
EOF
server=$!
sleep 1

first() { (cd "$public" && find "$@" -name index.html 2>/dev/null | sort | head -1); }
largest_doc=$(cd "$public" && find docs -name index.html -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2)
declare -a pages=(
	"home=index.html"
	"archive=$(first archive -mindepth 1)"
	"year=$(first years -mindepth 2)"
	"tag=$(first tags -mindepth 2)"
	"series=$(first series -mindepth 2)"
	"speaker=$(first speakers -mindepth 2)"
	"terms=$( [ -f "$public/terms/index.html" ] && echo terms/index.html)"
	"term=$(first terms -mindepth 2)"
	"document=$largest_doc"
	"search=search/index.html?q=%E9%95%BF%E4%B8%89%E8%A7%92"
	"packets=$( [ -f "$public/packets/index.html" ] && echo packets/index.html)"
	"packet=$(first packets -mindepth 2)"
	"404=404.html"
)
printf '%-9s %5s %5s %5s %5s %8s  %s\n' page perf a11y bp seo KB path
for entry in "${pages[@]}"; do
	kind=${entry%%=*} path=${entry#*=}
	[ -n "$path" ] || continue
	$LIGHTHOUSE "http://127.0.0.1:$port/$path" --quiet --output=json --output-path="$out/$kind.json" \
		--only-categories=performance,accessibility,best-practices,seo \
		--chrome-flags="--headless=new --no-sandbox --user-data-dir=$out/profile-$kind" >/dev/null 2>&1 || { echo "$kind: lighthouse failed" >&2; continue; }
	node -e '
		const r = require(process.argv[1]), c = r.categories, s = (k) => Math.round(c[k].score * 100);
		const kb = r.audits["total-byte-weight"].numericValue / 1024;
		console.log([process.argv[2].padEnd(9), ...["performance", "accessibility", "best-practices", "seo"].map((k) => String(s(k)).padStart(5)), kb.toFixed(1).padStart(8), " " + process.argv[3]].join(" "));
		for (const k of ["accessibility", "best-practices", "seo"]) for (const ref of c[k].auditRefs) {
			const a = r.audits[ref.id]; if (ref.weight > 0 && a.score !== null && a.score < 1) console.log("           " + k + ": " + a.id + " — " + a.title);
		}' "$out/$kind.json" "$kind" "$path"
done
