// Tokenisation: the one specification in generator/search/tokenize.go,
// which this mirrors; both are tested on
// generator/search/testdata/tokens.json. A text is displayed with its
// runs of white space as one space, then folded (full-width ASCII to
// ASCII, capitals to small letters) one character at a time.
//
// Uses nothing from the other parts.

var SPACES = " \t\n\r\f\v\u00a0\u3000";
var HAN = /^\p{Script=Han}$/u;

// display trims white space and turns each run of it into one space.
function display(text) {
  var out = "", space = false;
  for (var ch of text) {
    if (SPACES.indexOf(ch) >= 0) { space = out.length > 0; continue; }
    if (space) { out += " "; space = false; }
    out += ch;
  }
  return out;
}
function fold(ch) {
  var code = ch.codePointAt(0);
  if (code >= 0xff01 && code <= 0xff5e) ch = String.fromCodePoint(code - 0xfee0);
  return ch >= "A" && ch <= "Z" ? ch.toLowerCase() : ch;
}
// normalize gives a text as the index reads it: an array of characters.
function normalize(text) { return Array.from(display(text), fold); }
function isHan(ch) { return HAN.test(ch); }
// isWord: a letter or digit of a word (after folding); undefined (before
// the first or past the last character) is none.
function isWord(ch) { return ch !== undefined && ch.length === 1 && (ch >= "a" && ch <= "z" || ch >= "0" && ch <= "9"); }
// parseQuery splits a query into its terms, [text, quoted]: at spaces,
// except inside "quotes" (straight or “curly”), which make one term of a
// phrase.
function parseQuery(query) {
  var chars = normalize(query), terms = [], current = "", quoted = false;
  function flush(isPhrase) { var term = current.trim(); if (term) terms.push([display(term), isPhrase]); current = ""; }
  for (var ch of chars) {
    if (ch === '"' || ch === "\u201c" || ch === "\u201d") { flush(quoted); quoted = !quoted; }
    else if (ch === " " && !quoted) flush(false);
    else current += ch;
  }
  flush(quoted);
  return terms;
}
// shardOf is the shard holding a token: FNV-1a of its UTF-8 bytes modulo
// the shard count, as generator/search computes it.
var utf8Encoder = new TextEncoder();
function shardOf(token, shards) {
  var bytes = utf8Encoder.encode(token), hash = 2166136261;
  for (var i = 0; i < bytes.length; i++) { hash ^= bytes[i]; hash = Math.imul(hash, 16777619) >>> 0; }
  return hash % shards;
}
