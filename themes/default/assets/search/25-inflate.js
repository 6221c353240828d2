// Decoding an index file's payload: base85 to bytes, then raw DEFLATE
// (RFC 1951) to the file's bytes. Inflate is written here, not
// DecompressionStream: that costs milliseconds a call, and a query
// inflates several small files.
//
// Uses nothing from the other parts.

// base85 reads generator/search's base85: 5 digits ('#'…'w', '~' for
// '\\') per 4 bytes, a last group of k digits giving k-1 bytes (a digit
// past the end, NaN, counts as the highest).
function base85(digits) {
  var count = digits.length, out = new Uint8Array(Math.floor(count / 5) * 4 + (count % 5 && count % 5 - 1)), outAt = 0, at, k, value;
  for (at = 0; at < count; at += 5) {
    for (value = 0, k = 0; k < 5; k++) { var code = digits.charCodeAt(at + k); value = value * 85 + (code ? (code === 126 ? 92 : code) - 35 : 84); }
    for (k = 24; k >= 0 && outAt < out.length; k -= 8) out[outAt++] = value >>> k; // a Uint8Array keeps the low byte
  }
  return out;
}
// DEFLATE's tables: the base and extra bits of each length code
// (257…285) and distance code, and the order of code length codes.
var lengthBase = [], lengthExtraBits = [], distanceBase = [], distanceExtraBits = [], CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
((code, base, extra) => {
  for (code = 0, base = 3; code < 29; code++) { extra = code < 8 || code > 27 ? 0 : (code >> 2) - 1; lengthBase[code] = code > 27 ? 258 : base; lengthExtraBits[code] = extra; base += 1 << extra; }
  for (code = 0, base = 1; code < 30; code++) { extra = code < 4 ? 0 : (code >> 1) - 1; distanceBase[code] = base; distanceExtraBits[code] = extra; base += 1 << extra; }
})();
// huffmanTable makes the decoding table of a canonical Huffman code from
// its code lengths: [table, maxBits], where table[the next maxBits bits,
// least significant first] = symbol << 4 | code length.
function huffmanTable(lengths) {
  var maxBits = 0, countOf = new Uint16Array(16), nextCode = new Uint16Array(16), j, k, code = 0;
  for (j = 0; j < lengths.length; j++) { countOf[lengths[j]]++; maxBits = Math.max(maxBits, lengths[j]); }
  countOf[0] = 0;
  for (j = 1; j < 16; j++) nextCode[j] = code = (code + countOf[j - 1]) << 1;
  var table = new Int32Array(1 << maxBits);
  for (j = 0; j < lengths.length; j++) {
    var bits = lengths[j], symbolCode = nextCode[bits]++, reversed = 0;
    if (!bits) continue;
    for (k = 0; k < bits; k++) { reversed = reversed << 1 | symbolCode & 1; symbolCode >>= 1; }
    for (k = reversed; k < table.length; k += 1 << bits) table[k] = j << 4 | bits;
  }
  return [table, maxBits];
}
var fixedTables;
function badData() { throw new Error("bad index data"); }
// inflate decodes input, raw DEFLATE of size bytes. A preset dictionary
// (the index file "d", for text files) stands before the output, where
// back-references can reach it.
function inflate(input, size, dict) {
  var dictSize = dict ? dict.length : 0, out = new Uint8Array(dictSize + size), outAt = dictSize, inAt = 0, bitBuffer = 0, bitCount = 0, lastBlock, blockType, i, storedSize;
  if (dict) out.set(dict);
  function readBits(count) {
    while (bitCount < count) { checkInput(); bitBuffer |= input[inAt++] << bitCount; bitCount += 8; }
    var value = bitBuffer & ((1 << count) - 1);
    bitBuffer >>>= count; bitCount -= count;
    return value;
  }
  // checkInput stops a read past the end of damaged data (zeros would loop)
  function checkInput() { if (inAt > input.length + 4) badData(); }
  function readSymbol(huffman) {
    while (bitCount < huffman[1]) { checkInput(); bitBuffer |= input[inAt++] << bitCount; bitCount += 8; }
    var entry = huffman[0][bitBuffer & ((1 << huffman[1]) - 1)];
    if (!(entry & 15)) badData();
    bitBuffer >>>= entry & 15; bitCount -= entry & 15;
    return entry >> 4;
  }
  do {
    lastBlock = readBits(1); blockType = readBits(2);
    if (blockType === 0) {
      // a stored block starts at the next byte: drop the partial byte,
      // and give back whole bytes readSymbol read ahead
      inAt -= bitCount >> 3; bitBuffer = bitCount = 0;
      storedSize = input[inAt] | input[inAt + 1] << 8; inAt += 4;
      if (inAt + storedSize > input.length) badData();
      out.set(input.subarray(inAt, inAt + storedSize), outAt); inAt += storedSize; outAt += storedSize;
      continue;
    }
    var literals, distances, lengths = [];
    if (blockType === 1) {
      if (!fixedTables) {
        for (i = 0; i < 288; i++) lengths[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
        fixedTables = [huffmanTable(lengths), huffmanTable(new Array(30).fill(5))];
      }
      literals = fixedTables[0]; distances = fixedTables[1];
    } else {
      var literalCount = readBits(5) + 257, distanceCount = readBits(5) + 1, codeLengthCount = readBits(4) + 4, codeLengths = new Array(19).fill(0);
      for (i = 0; i < codeLengthCount; i++) codeLengths[CODE_LENGTH_ORDER[i]] = readBits(3);
      var codeLengthTable = huffmanTable(codeLengths);
      while (lengths.length < literalCount + distanceCount) {
        var code = readSymbol(codeLengthTable);
        if (code < 16) lengths.push(code);
        else {
          var repeat = code === 16 ? 3 + readBits(2) : code === 17 ? 3 + readBits(3) : 11 + readBits(7), value = code === 16 ? lengths[lengths.length - 1] : 0;
          while (repeat--) lengths.push(value);
        }
      }
      literals = huffmanTable(lengths.slice(0, literalCount));
      distances = huffmanTable(lengths.slice(literalCount));
    }
    for (;;) {
      var symbol = readSymbol(literals);
      if (symbol < 256) out[outAt++] = symbol;
      else if (symbol === 256) break;
      else {
        symbol -= 257;
        var length = lengthBase[symbol] + readBits(lengthExtraBits[symbol]), distanceCode = readSymbol(distances), from = outAt - distanceBase[distanceCode] - readBits(distanceExtraBits[distanceCode]);
        while (length--) out[outAt++] = out[from++];
      }
    }
  } while (!lastBlock);
  return out.subarray(dictSize);
}
