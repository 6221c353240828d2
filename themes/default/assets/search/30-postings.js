// Postings: a shard's table of tokens, and a token's list of entries,
// counts and positions, decoded from the binary layout of
// generator/search/encode.go and files.go. A token's list comes in a first
// part (generator/search/split.go) and, for long lists, rest files that
// search-more.js reads (its rest).
//
// Uses: load, manifest, searchMore (20-load.js); shardOf (10-tokenize.js).
// Gives entryWeight, which ranking (50-rank.js) reads.

var shardTables = {}, postingLists = {};
// entryWeight: entry → its weight for ranking (title 100, another head
// entry such as a heading 20, paragraph 1), noted as lists are decoded.
var entryWeight = new Map();
// uvarint reads an unsigned varint (encoding/binary's Uvarint) of bytes at
// readAt, and moves readAt past it.
var readAt = 0;
function uvarint(bytes) {
  var value = 0, scale = 1, next;
  do { next = bytes[readAt++]; value += (next & 127) * scale; scale *= 128; } while (next > 127);
  return value;
}
var utf8Decoder = new TextDecoder();
// shardTable reads a shard's table: token → row {u: the shard's bytes,
// e, el, p: where its first part's streams are (entries at e, el bytes
// long; positions at p), df, ne: documents and entries in all, R: rest
// files, and with them bs, bd: the best class and document left out, cl:
// log2 of the documents per rest file, ks: the rest files' numbers}
// (generator/search/files.go).
function shardTable(shard) {
  return load("s/" + shard).then((bytes) => {
    if (shardTables[shard]) return shardTables[shard];
    readAt = 0;
    var count = uvarint(bytes), rows = [], table = {}, k, i;
    for (k = 0; k < count; k++) {
      // number: the token's length in bytes, then the running number of
      // its rest files
      var number = uvarint(bytes), row = { u: bytes, tok: utf8Decoder.decode(bytes.subarray(readAt, readAt += number)), df: uvarint(bytes), ne: uvarint(bytes), el: uvarint(bytes), pl: uvarint(bytes), R: uvarint(bytes), ks: [] };
      if (row.R) for (row.bs = uvarint(bytes), row.bd = uvarint(bytes), row.cl = uvarint(bytes), i = 0, number = 0; i < row.R; i++) row.ks.push(number += uvarint(bytes));
      rows.push(row);
    }
    var entriesAt = readAt, positionsAt = entriesAt;
    rows.forEach((row) => { positionsAt += row.el; });
    rows.forEach((row) => { row.e = entriesAt; row.p = positionsAt; table[row.tok] = row; entriesAt += row.el; positionsAt += row.pl; });
    return (shardTables[shard] = table);
  });
}
// postings reads a token's list: the first part, or with full the whole
// list (its rest from search-more.js). A list holds its entries e[i] in
// order, their counts c[i] and, when asked for, positions p[o[i]] …
// p[o[i]+c[i]-1]; ds maps each of its documents to its class (its best
// entry's weight); t is the token's table row; full says whether it is
// the whole list.
function postings(token, withPositions, full) {
  var key = (withPositions ? "+" : "-") + (full ? "!" : "") + token;
  return postingLists[key] || (postingLists[key] = shardTable(shardOf(token, manifest.shards)).then((table) => {
    var row = table[token], list = decodeList(row && row.u, row ? row.e : 0, row ? row.el : 0, row && row.p, withPositions);
    list.t = row; list.full = !row || !row.R;
    return full && !list.full ? searchMore().then((more) => more.rest(list, token, withPositions)) : list;
  }).catch((err) => { delete postingLists[key]; throw err; }));
}
// decodeList reads size bytes of document groups from bytes at at
// (positions from positionsAt), in the layout generator/search/encode.go
// describes (Postings): a group's head (its document's gap, and how many
// of its entries hold the token and how many of those are head entries,
// which come first), then each entry's gap and count.
function decodeList(bytes, at, size, positionsAt, withPositions) {
  var list = { e: [], c: [], o: [], p: [], ds: new Map() }, doc = 0, end = at + size, k, j, position;
  for (readAt = at; readAt < end;) {
    var head = uvarint(bytes), entries = 1, heads = 0, entryNumber = 0;
    doc += Math.floor(head / 2);
    if (head % 2) { head = uvarint(bytes); entries = Math.floor(head / 2) + 1; heads = head % 2 ? uvarint(bytes) + 1 : 0; }
    for (k = 0; k < entries; k++) {
      var delta = uvarint(bytes), count = delta % 2 ? uvarint(bytes) + 2 : 1, entry, weight;
      entryNumber += Math.floor(delta / 2);
      entry = doc * manifest.S + entryNumber; weight = entryNumber ? k < heads ? 20 : 1 : 100;
      entryWeight.set(entry, weight);
      if (!k) list.ds.set(doc, weight);
      list.e.push(entry); list.c.push(count);
      if (withPositions) {
        list.o.push(list.p.length);
        var saved = readAt;
        for (readAt = positionsAt, j = 0, position = 0; j < count; j++) list.p.push(position += uvarint(bytes));
        positionsAt = readAt; readAt = saved;
      }
    }
  }
  return list;
}
