// Loading: the index files, the manifest, a document's metadata and an
// entry's text, and search-more.js when a search first needs it.
//
// Every index file is one call __ss(name, size, payload): raw DEFLATE of
// size bytes, in base85 (generator/search/payload.go). A file is loaded
// once; a failed load is forgotten, so a later call tries again. Text
// files (JSON) may be deflated with the preset dictionary "d", which the
// manifest announces (its D) and ready() fetches at once.
//
// Uses: indexURL, thisScript, win, dom (00-script.js); base85, inflate
// (25-inflate.js).

// manifest: the index's numbers, which every part reads (written in
// generator/search/files.go): S the stride of entry numbers (an entry is
// its document × S + its number in the document, 0 being the title), E
// the entries of a text file, M the documents of a metadata file, shards,
// h the index's version, D whether text files need the dictionary, syl
// the pinyin syllables (syls once read), tags and series by number.
var manifest = null, loading = {}, payloads = {}, textDecoders = {};
win.__ss = (name, size, payload) => { payloads[name] = [size, payload]; };
// decodeText reads JSON stored as GB18030 ('g') or UTF-8 ('u').
function decodeText(bytes) {
  var charset = bytes[0] === 103 ? "gb18030" : "utf-8";
  textDecoders[charset] = textDecoders[charset] || new TextDecoder(charset);
  return JSON.parse(textDecoders[charset].decode(bytes.subarray(1)));
}
// load gives index file name's bytes, or with isText its JSON.
function load(name, isText) {
  if (!loading[name]) loading[name] = new Promise((resolve, reject) => {
    var script = dom.createElement("script");
    script.src = indexURL + name + ".js" + (manifest ? "?v=" + manifest.h : "");
    script.onload = () => { script.remove(); resolve(); };
    script.onerror = () => { script.remove(); delete loading[name]; reject(new Error("cannot load " + script.src)); };
    dom.head.append(script);
  }).then(() => isText && manifest && manifest.D ? load("d") : null).then((dict) => {
    var payload = payloads[name];
    delete payloads[name];
    if (payload === undefined) throw new Error("cannot read " + indexURL + name);
    var bytes = inflate(base85(payload[1]), payload[0], dict);
    return isText ? decodeText(bytes) : bytes;
  }).catch((err) => { delete loading[name]; delete payloads[name]; throw err; }); // a later call retries
  return loading[name];
}
// ready loads the manifest (once; every search waits for it).
function ready() {
  return load("manifest", true).then((loaded) => {
    if (manifest) return;
    manifest = loaded;
    if (loaded.D) load("d").catch(() => {}); // text files need it: fetch it now (they report a failure)
    manifest.syls = {};
    loaded.syl.split(" ").forEach((syllable) => { if (syllable) manifest.syls[syllable] = 1; });
  });
}
// textOf gives an entry's row [anchor, heading path, text].
function textOf(entry) {
  var doc = Math.floor(entry / manifest.S), number = entry - doc * manifest.S, file = Math.floor(number / manifest.E);
  return load("t/" + doc + "-" + file, true).then((rows) => rows[number - file * manifest.E]);
}
// metaOf gives a document's row [title, slug, date].
function metaOf(doc) {
  var file = Math.floor(doc / manifest.M);
  return load("m/" + file, true).then((rows) => rows[doc - file * manifest.M]);
}
// searchMore loads search-more.js (expanding results, suggestions, pinyin,
// the rest of long lists, the highlight on the page a result opens) when
// first needed, and gives what it exports (win.__ssMore).
var searchMoreLoading;
function searchMore() {
  return searchMoreLoading || (searchMoreLoading = new Promise((resolve, reject) => {
    var script = dom.createElement("script");
    script.src = thisScript.getAttribute("data-more");
    script.onload = () => resolve(win.__ssMore);
    script.onerror = () => { searchMoreLoading = null; reject(new Error("cannot load " + script.src)); };
    dom.head.append(script);
  }));
}
