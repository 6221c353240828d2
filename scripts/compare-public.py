#!/usr/bin/env python3
"""Compare two built sites file by file: scripts/compare-public.py OLD NEW

Every file must be byte-identical, except search index files (search/*.js),
which may differ in how their payload is encoded (deflate settings, number
formatting, the manifest's version hash "h"), not in what they carry: for
those the name, the inflated size and the inflated bytes are compared (text
files with their preset dictionary search/d.js; the manifest without "h").
Prints a summary; exits 1 when a file is missing, extra or different.
"""
import json
import os
import re
import sys
import zlib

CALL = re.compile(rb'^__ss\("([^"]*)",([0-9.e]+),"([^"]*)"\);?\n?$')


def unbase85(s):
    out = bytearray()
    for i in range(0, len(s), 5):
        group = s[i:i + 5]
        n = len(group)
        group = group + b'w' * (5 - n)
        v = 0
        for c in group:
            if c == ord('~'):
                c = ord('\\')
            v = v * 85 + c - 35
        out += v.to_bytes(4, 'big')[:n - 1]
    return bytes(out)


def payload(path, dictionary=None):
    with open(path, 'rb') as f:
        m = CALL.match(f.read())
    if not m:
        raise ValueError(f'{path}: not an index file')
    z = zlib.decompressobj(-15, zdict=dictionary) if dictionary else zlib.decompressobj(-15)
    raw = z.decompress(unbase85(m.group(3))) + z.flush()
    return m.group(1), int(float(m.group(2))), raw


def files(root):
    out = set()
    for d, _, names in os.walk(root):
        for n in names:
            out.add(os.path.relpath(os.path.join(d, n), root))
    return out


def main(old, new):
    a, b = files(old), files(new)
    bad = [f'missing in {new}: {p}' for p in sorted(a - b)] + [f'extra in {new}: {p}' for p in sorted(b - a)]
    dicts = {}
    for root in (old, new):
        d = os.path.join(root, 'search', 'd.js')
        dicts[root] = payload(d)[2] if os.path.exists(d) else None
    same = encoded = 0
    for p in sorted(a & b):
        x, y = os.path.join(old, p), os.path.join(new, p)
        if open(x, 'rb').read() == open(y, 'rb').read():
            same += 1
            continue
        if p.startswith('search' + os.sep) and p.endswith('.js'):
            text = p.split(os.sep)[1] in ('m', 't') or p.endswith('vocab.js') or p.endswith('manifest.js')
            rx = payload(x, dicts[old] if text and not p.endswith('manifest.js') else None)
            ry = payload(y, dicts[new] if text and not p.endswith('manifest.js') else None)
            if p.endswith('manifest.js'):
                rx = rx[:2] + (re.sub(rb'"h":"[0-9a-f]*"', b'', rx[2]),)
                ry = ry[:2] + (re.sub(rb'"h":"[0-9a-f]*"', b'', ry[2]),)
            if rx == ry:
                encoded += 1
                continue
        bad.append(f'different: {p}')
    for line in bad:
        print(line)
    print(f'{same} files byte-identical, {encoded} index files with the same payload encoded differently, {len(bad)} problems')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
