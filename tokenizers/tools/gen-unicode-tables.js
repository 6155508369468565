#!/usr/bin/env node
// Regenerates tokenizers/src/main/java/ai/boinc/transformers/tokenizers/internal/UnicodeTables.java
// by asking the reference library itself how it classifies every code point.
//
//   mkdir -p /tmp/ref && cd /tmp/ref && npm install tokenizers@0.23.2
//   NODE_PATH=/tmp/ref/node_modules node tokenizers/tools/gen-unicode-tables.js > UnicodeTables.java
//
// The reference's character classes come from four different Unicode tables (the regex crate's,
// Rust's std, the old unicode_categories crate, and a SentencePiece script table of Unicode 9.0),
// none of which is the running JDK's. Each class is observed through a pre-tokenizer: every code
// point c is written as the piece c + "a" (or just c), pieces are kept apart with a
// CharDelimiterSplit, and how the pre-tokenizer cuts the piece tells the class of c.
'use strict';
const t = require('tokenizers');

const N = 0x110000;
const SEP = '\u{10FFFF}'; // a noncharacter: no word, no digit, no punctuation, script Any

function preTokenizer(p) {
  const json = {
    version: '1.0', truncation: null, padding: null, added_tokens: [], normalizer: null,
    pre_tokenizer: { type: 'Sequence', pretokenizers: [{ type: 'CharDelimiterSplit', delimiter: SEP }, p] },
    post_processor: null, decoder: null,
    model: { type: 'WordLevel', vocab: { '[UNK]': 0 }, unk_token: '[UNK]' },
  };
  return t.Tokenizer.fromString(JSON.stringify(json)).getPreTokenizer();
}

const isSurrogate = (cp) => cp >= 0xd800 && cp <= 0xdfff;

/** For every code point c, how `p` cuts the piece c + suffix: "start-end,..." (code points). */
function observe(p, suffix, classify) {
  const pre = preTokenizer(p);
  const out = new Int16Array(N).fill(-1);
  const len = 1 + [...suffix].length + 1;
  const chunk = 1 << 15;
  for (let base = 0; base < N; base += chunk) {
    const cps = [];
    for (let cp = base; cp < Math.min(N, base + chunk); cp++) if (!isSurrogate(cp) && cp !== 0x10ffff) cps.push(cp);
    const text = cps.map((cp) => String.fromCodePoint(cp) + suffix + SEP).join('');
    const cuts = cps.map(() => []);
    for (const [, [a, b]] of pre.preTokenizeString(text)) {
      const k = Math.floor(a / len);
      cuts[k].push(`${a - k * len}-${b - k * len}`);
    }
    cps.forEach((cp, i) => {
      const v = classify(cuts[i].join(','));
      if (v === undefined) throw new Error(`unexpected cut of U+${cp.toString(16)}: ${cuts[i]}`);
      out[cp] = v;
    });
  }
  out[0x10ffff] = classify(0x10ffff);
  return out;
}

function ranges(values) {
  const parts = [];
  for (let cp = 0; cp < N; ) {
    const v = values[cp];
    let end = cp;
    while (end + 1 < N && values[end + 1] === v) end++;
    if (v > 0) {
      const hex = (x) => x.toString(16).toUpperCase().padStart(4, '0');
      parts.push((cp === end ? hex(cp) : `${hex(cp)}-${hex(end)}`) + (v === 1 ? '' : `=${v}`));
    }
    cp = end + 1;
  }
  return parts;
}

// Whitespace: \w+|[^\w\s]+ with the regex crate's Unicode classes. c+"a" is one piece if c is \w,
// two if c is neither \w nor \s, and only "a" if c is \s.
const whitespace = observe({ type: 'Whitespace' }, 'a', (cut) => ({ '0-2': 2, '0-1,1-2': 0, '1-2': 1 })[cut]);
const word = whitespace.map((v) => (v === 2 ? 1 : 0));
const space = whitespace.map((v) => (v === 1 ? 1 : 0));
word[0x10ffff] = 0; space[0x10ffff] = 0;
const punctuation = observe({ type: 'Punctuation', behavior: 'Isolated' }, 'a', (cut) => ({ '0-2': 0, '0-1,1-2': 1 })[cut]);
punctuation[0x10ffff] = 0;
const numeric = observe({ type: 'Digits', individual_digits: true }, 'a', (cut) => ({ '0-2': 0, '0-1,1-2': 1 })[cut]);
numeric[0x10ffff] = 0;

// UnicodeScripts: a piece that is one code point of script "Any" disappears.
const any = observe({ type: 'UnicodeScripts' }, '', (cut) => ({ '0-1': 0, '': 1 })[cut]);
any[0x10ffff] = 1;
// Scripts: one text of all non-Any code points in order cuts where the script changes; each run
// is then compared with one representative of every script found so far (c + r is one piece iff
// same script).
const scripted = [];
for (let cp = 0; cp < N; cp++) if (!isSurrogate(cp) && any[cp] === 0) scripted.push(cp);
const scripts = preTokenizer({ type: 'UnicodeScripts' });
const runs = scripts.preTokenizeString(scripted.map((cp) => String.fromCodePoint(cp)).join('')).map(([, [a]]) => a);
const reps = [];
const runScript = new Array(runs.length).fill(-1);
let open = runs.map((_, i) => i);
while (open.length) {
  if (reps.length === 0) reps.push(scripted[runs[open[0]]]);
  const pairs = [];
  for (const i of open) for (let r = 0; r < reps.length; r++) pairs.push([i, r]);
  const text = pairs.map(([i, r]) => String.fromCodePoint(scripted[runs[i]], reps[r]) + SEP).join('');
  const same = new Set();
  for (const [, [a, b]] of scripts.preTokenizeString(text)) if (b - a === 2) same.add(a / 3);
  pairs.forEach(([i, r], k) => { if (same.has(k) && runScript[i] < 0) runScript[i] = r; });
  open = open.filter((i) => runScript[i] < 0);
  if (open.length) reps.push(scripted[runs[open[0]]]);
}
const script = new Int16Array(N).fill(0);
runs.forEach((start, k) => {
  const end = k + 1 < runs.length ? runs[k + 1] : scripted.length;
  for (let j = start; j < end; j++) script[scripted[j]] = runScript[k] + 1;
});
// Names for readability only: Unicode 9.0 scripts, Hiragana and Katakana folded into Han.
const NAMES = ['Common', 'Inherited', 'Han', 'Adlam', 'Ahom', 'Anatolian_Hieroglyphs', 'Arabic', 'Armenian', 'Avestan',
  'Balinese', 'Bamum', 'Bassa_Vah', 'Batak', 'Bengali', 'Bhaiksuki', 'Bopomofo', 'Brahmi', 'Braille', 'Buginese',
  'Buhid', 'Canadian_Aboriginal', 'Carian', 'Caucasian_Albanian', 'Chakma', 'Cham', 'Cherokee', 'Coptic', 'Cuneiform',
  'Cypriot', 'Cyrillic', 'Deseret', 'Devanagari', 'Duployan', 'Egyptian_Hieroglyphs', 'Elbasan', 'Ethiopic', 'Georgian',
  'Glagolitic', 'Gothic', 'Grantha', 'Greek', 'Gujarati', 'Gurmukhi', 'Hangul', 'Hanunoo', 'Hatran', 'Hebrew',
  'Imperial_Aramaic', 'Inscriptional_Pahlavi', 'Inscriptional_Parthian', 'Javanese', 'Kaithi', 'Kannada', 'Kayah_Li',
  'Kharoshthi', 'Khmer', 'Khojki', 'Khudawadi', 'Lao', 'Latin', 'Lepcha', 'Limbu', 'Linear_A', 'Linear_B', 'Lisu',
  'Lycian', 'Lydian', 'Mahajani', 'Malayalam', 'Mandaic', 'Manichaean', 'Marchen', 'Meetei_Mayek', 'Mende_Kikakui',
  'Meroitic_Cursive', 'Meroitic_Hieroglyphs', 'Miao', 'Modi', 'Mongolian', 'Mro', 'Multani', 'Myanmar', 'Nabataean',
  'New_Tai_Lue', 'Newa', 'Nko', 'Ogham', 'Ol_Chiki', 'Old_Hungarian', 'Old_Italic', 'Old_North_Arabian', 'Old_Permic',
  'Old_Persian', 'Old_South_Arabian', 'Old_Turkic', 'Oriya', 'Osage', 'Osmanya', 'Pahawh_Hmong', 'Palmyrene',
  'Pau_Cin_Hau', 'Phags_Pa', 'Phoenician', 'Psalter_Pahlavi', 'Rejang', 'Runic', 'Samaritan', 'Saurashtra', 'Sharada',
  'Shavian', 'Siddham', 'SignWriting', 'Sinhala', 'Sora_Sompeng', 'Sundanese', 'Syloti_Nagri', 'Syriac', 'Tagalog',
  'Tagbanwa', 'Tai_Le', 'Tai_Tham', 'Tai_Viet', 'Takri', 'Tamil', 'Tangut', 'Telugu', 'Thaana', 'Thai', 'Tibetan',
  'Tifinagh', 'Tirhuta', 'Ugaritic', 'Vai', 'Warang_Citi', 'Yi'];
const names = reps.map((cp) => {
  const found = NAMES.filter((n) => new RegExp(`^\\p{Script=${n}}$`, 'u').test(String.fromCodePoint(cp))
    || (n === 'Han' && /^[\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(String.fromCodePoint(cp))));
  if (found.length !== 1) throw new Error(`no single name for U+${cp.toString(16)}: ${found}`);
  return found[0];
});
if (new Set(names).size !== names.length) throw new Error('two scripts share a name');

function javaString(parts, indent) {
  const lines = [];
  let line = '';
  for (const p of parts) {
    if (line.length + p.length + 1 > 84) { lines.push(line); line = ''; }
    line += p + ' ';
  }
  if (line) lines.push(line);
  return lines.map((l) => `${indent}"${l}"`).join('\n' + indent.slice(2) + '+ ').trimStart();
}

const out = `package ai.boinc.transformers.tokenizers.internal;

/**
 * The reference library's character classes, as tables of code point ranges, so that they do not
 * depend on the Unicode version of the running JDK (the reference mixes four different versions).
 * Generated by {@code tokenizers/tools/gen-unicode-tables.js}, which observes every code point
 * through the pre-tokenizers of the reference (npm {@code tokenizers@0.23.2}); do not edit by hand.
 * Each table is built on first use.
 */
public final class UnicodeTables {
  private UnicodeTables() {}

  /**
   * {@code \\w} of the Rust regex crate (Unicode 16.0 here): Alphabetic, marks, decimal digits,
   * connector punctuation, ZWNJ and ZWJ.
   */
  public static boolean isRegexWord(int cp) {
    return Word.TABLE.get(cp) != 0;
  }

  /** {@code \\s} of the Rust regex crate: the Unicode White_Space property. */
  public static boolean isRegexWhitespace(int cp) {
    return Space.TABLE.get(cp) != 0;
  }

  /**
   * The reference's punctuation test: {@code is_ascii_punctuation() || is_punctuation()}, the
   * latter from the unicode_categories crate, whose categories Pc Pd Ps Pe Pi Pf Po predate
   * Unicode 9.0 (U+2E43 is not punctuation there, U+166D still is).
   */
  public static boolean isPunctuation(int cp) {
    return Punctuation.TABLE.get(cp) != 0;
  }

  /** Rust's {@code char::is_numeric} (Unicode 16.0 here): categories Nd, Nl and No. */
  public static boolean isNumeric(int cp) {
    return Numeric.TABLE.get(cp) != 0;
  }

  /**
   * The script the reference's UnicodeScripts pre-tokenizer gives {@code cp}: 0 for "Any" (U+0020
   * and every code point unassigned in Unicode 9.0), otherwise an id {@code >= 1} of a Unicode 9.0
   * script, Hiragana, Katakana and U+30FC counted as Han.
   */
  public static int script(int cp) {
    return Scripts.TABLE.get(cp);
  }

  /** The Unicode name of script id {@code id} (e.g. {@code Latin}), or {@code Any} for 0. */
  public static String scriptName(int id) {
    return id == 0 ? "Any" : SCRIPT_NAMES[id - 1];
  }

  /** Number of script ids (not counting 0, "Any"). */
  public static int scriptCount() {
    return SCRIPT_NAMES.length;
  }

  private static final String[] SCRIPT_NAMES = {
    ${names.map((n) => `"${n}"`).join(', ').replace(/(.{1,88})(, |$)/g, '$1,\n    ').replace(/,\n    $/, '')}
  };

  private static final class Word {
    static final CodePointTable TABLE =
        CodePointTable.parse(
            ${javaString(ranges(word), '            ')});
  }

  private static final class Space {
    static final CodePointTable TABLE =
        CodePointTable.parse(
            ${javaString(ranges(space), '            ')});
  }

  private static final class Punctuation {
    static final CodePointTable TABLE =
        CodePointTable.parse(
            ${javaString(ranges(punctuation), '            ')});
  }

  private static final class Numeric {
    static final CodePointTable TABLE =
        CodePointTable.parse(
            ${javaString(ranges(numeric), '            ')});
  }

  private static final class Scripts {
    static final CodePointTable TABLE =
        CodePointTable.parse(
            ${javaString(ranges(script), '            ')});
  }
}
`;
process.stdout.write(out);
