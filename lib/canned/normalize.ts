/**
 * Search text folding: lower case and Latin accents dropped ("resume" finds "Résumé"), plus, for
 * highlighting, a map back to the original string's offsets, since folding can change lengths.
 */
export interface Folded {
  text: string;
  /** map[i] = offset in the original of folded char i; map[text.length] = original length.
   * Absent when folding kept every offset (plain ASCII). */
  map?: Int32Array;
}

// Only the Combining Diacritical Marks block: marks that carry meaning in other scripts
// (Devanagari vowel signs, Japanese voicing marks) must stay, or words would fall apart.
const LATIN_MARKS = /[\u0300-\u036f]/g;
// eslint-disable-next-line no-misleading-character-class -- the range includes the bare marks on purpose
const HAS_LATIN_ACCENTS = /[\u00c0-\u024f\u1e00-\u1eff\u0300-\u036f]/;
const ASCII = /^[\x00-\x7f]*$/;

function foldChar(ch: string): string {
  const stripped = ch.normalize('NFD').replace(LATIN_MARKS, '');
  return (stripped === ch ? ch : stripped.normalize('NFC')).toLowerCase();
}

/** Folded text with an offset map, for highlighting a handful of results. */
export function fold(text: string): Folded {
  // Folding nearly always keeps every UTF-16 offset (é → e, A → a): then no map is needed, and
  // the fast whole-string fold serves. Only length changes (İ, decomposed accents) pay per char.
  const quick = foldText(text);
  if (quick.length === text.length) return { text: quick };
  let out = '';
  const map: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    const folded = code < 0x80 ? (code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch) : foldChar(ch);
    for (let i = 0; i < folded.length; i += 1) map.push(offset);
    out += folded;
    offset += ch.length;
  }
  map.push(offset);
  return { text: out, map: Int32Array.from(map) };
}

/** Folded text only, for the index and queries: whole-string native calls, no per-char work. */
export function foldText(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  const composed = HAS_LATIN_ACCENTS.test(text)
    ? text.normalize('NFD').replace(LATIN_MARKS, '').normalize('NFC')
    : text.normalize('NFC');
  return composed.toLowerCase();
}

/**
 * Word characters: letters, digits and their marks, in any script. A code-point class test in a
 * loop, because a Unicode-property regex is several times slower over 10,000 responses.
 * Separators: ASCII punctuation, Latin-1 symbols, general punctuation and symbol blocks (dashes,
 * quotes, currency, arrows), CJK punctuation, fullwidth punctuation and emoji.
 */
function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c < 0xc0) return c === 0xaa || c === 0xb5 || c === 0xba;
  if (c === 0xd7 || c === 0xf7) return false;
  if (c >= 0x2000 && c <= 0x2bff) return false;
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c >= 0xd800 && c <= 0xdfff) return false;
  if (c >= 0xfe30 && c <= 0xfe4f) return false;
  if (c >= 0xff00 && c <= 0xff0f) return false;
  return true;
}

/** Each word of a folded text with its start offset; the visitor returns false to stop. */
export function forEachWord(folded: string, visit: (word: string, start: number) => boolean | void): void {
  let start = -1;
  for (let i = 0; i < folded.length; i += 1) {
    if (isWordCode(folded.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (visit(folded.slice(start, i), start) === false) return;
      start = -1;
    }
  }
  if (start >= 0) visit(folded.slice(start), start);
}

export function words(folded: string): string[] {
  const out: string[] = [];
  forEachWord(folded, (word) => {
    out.push(word);
  });
  return out;
}

/** Scripts written without spaces: a short query there is still a meaningful substring. */
export function isUnspacedScript(token: string): boolean {
  return /[\u2e80-\u9fff\uac00-\ud7af\u0e00-\u0e7f]/.test(token);
}

export function toOriginal(folded: Folded, index: number): number {
  return folded.map ? folded.map[Math.min(index, folded.map.length - 1)]! : index;
}
