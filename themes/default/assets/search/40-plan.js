// The query plan: which index tokens a term is looked up by (mirrors
// generator/search/query.go; tested on testdata/tokens.json's plans).
//
// Han text is indexed as n-grams of 1 to GRAM characters at every
// position, only GRAM-grams with positions; a word of letters and digits
// whole and by its prefixes (">" + up to MAXPREFIX characters); "<", "$"
// and "}" tokens mark where Han meets a word (see tokenize.go). A term's
// plan says:
//   at: [token, offset] pieces that must sit at their offsets in the
//       term (a run of Han cut into 4-grams, the last one overlapping; a
//       short Han run beside a word as "<" or "$" + the run; a word
//       followed by more of the term; a last word after Han as "}" +
//       its prefix);
//   within: tokens an entry must merely contain (a short Han run alone;
//       a last word as ">" + its prefix);
//   exact: whether the pieces alone decide a match, else the text must
//       (punctuation inside the term, a word cut to MAXPREFIX, short
//       pieces beside others).
//
// Uses: isHan, isWord (10-tokenize.js).

var MAXPREFIX = 16, GRAM = 4;
function plan(chars) {
  var positional = [], contained = [], pieces = 0, simple = true;
  for (var i = 0; i < chars.length;) {
    var j = i;
    if (isHan(chars[i])) {
      while (j < chars.length && isHan(chars[j])) j++;
      if (j - i < GRAM && isWord(chars[i - 1])) positional.push(["<" + chars.slice(i, j).join(""), i]);
      else if (j - i < GRAM && isWord(chars[j])) positional.push(["$" + chars.slice(i, j).join(""), i]);
      else if (j - i < GRAM) contained.push(chars.slice(i, j).join(""));
      else {
        for (var k = i; k + GRAM <= j; k += GRAM) positional.push([chars.slice(k, k + GRAM).join(""), k]);
        if ((j - i) % GRAM) positional.push([chars.slice(j - GRAM, j).join(""), j - GRAM]);
      }
      pieces++; i = j;
    } else if (isWord(chars[i])) {
      while (j < chars.length && isWord(chars[j])) j++;
      var word = chars.slice(i, j).join("");
      if (j < chars.length) positional.push([word, i]);
      else {
        if (word.length > MAXPREFIX) { word = word.slice(0, MAXPREFIX); simple = false; }
        if (isHan(chars[i - 1])) positional.push(["}" + word, i]); else contained.push(">" + word);
      }
      pieces++; i = j;
    } else { simple = false; i++; }
  }
  return { at: positional, within: contained, exact: simple && (pieces === 1 || !contained.length) };
}
