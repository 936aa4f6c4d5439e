import { allowedTypos, distances } from './fuzzy';
import { fold, forEachWord, isUnspacedScript, toOriginal, type Folded } from './normalize';

/**
 * Which parts of a text the query matched, as [start, end) offsets into the original string.
 * The page turns them into text nodes and <mark> elements; no HTML is ever built from strings.
 */
export type Range = [start: number, end: number];

/** A query token with what the search allows it (./search), worked out once per highlight, not per word. */
interface TokenRule {
  token: string;
  substrings: boolean;
  maxTypos: number;
}

function tokenRule(token: string): TokenRule {
  return { token, substrings: token.length >= 3 || isUnspacedScript(token), maxTypos: allowedTypos(token) };
}

function tokenRangeInWord({ token, substrings, maxTypos: max }: TokenRule, word: string): Range | undefined {
  if (word.startsWith(token)) return [0, token.length];
  const at = substrings ? word.indexOf(token) : -1;
  if (at >= 0) return [at, at + token.length];
  // The same first-letters rule as the search's typo scan (./search), at a fraction of the cost.
  if (!max || (word[0] !== token[0] && word[0] !== token[1] && word[1] !== token[0])) return undefined;
  const d = distances(token, word, max);
  if (d.whole <= max) return [0, word.length];
  if (d.prefix <= max) return [0, Math.min(word.length, token.length)];
  return undefined;
}

// The visible rows' texts folded: the same rows stay on screen over several keystrokes, and
// folding a long response is most of what highlighting it costs. Cleared when full.
const FOLD_CACHE_SIZE = 200;
const folds = new Map<string, Folded>();

function foldCached(text: string): Folded {
  let folded = folds.get(text);
  if (!folded) {
    if (folds.size >= FOLD_CACHE_SIZE) folds.clear();
    folded = fold(text);
    folds.set(text, folded);
  }
  return folded;
}

/**
 * Match ranges in `text`. With `window`, scanning stops about `window` characters after the
 * first match: a 2,000-character response shows a snippet, not everything.
 */
export function matchRanges(text: string, tokens: readonly string[], window = Infinity): Range[] {
  if (!tokens.length || !text) return [];
  const folded = foldCached(text);
  const rules = tokens.map(tokenRule);
  const ranges: Range[] = [];
  let stopAt = Infinity;
  forEachWord(folded.text, (word, start) => {
    if (start > stopAt) return false;
    let from = Infinity;
    let to = -1;
    for (const rule of rules) {
      const range = tokenRangeInWord(rule, word);
      if (!range) continue;
      from = Math.min(from, range[0]);
      to = Math.max(to, range[1]);
    }
    if (to > from) {
      ranges.push([toOriginal(folded, start + from), toOriginal(folded, start + to)]);
      if (stopAt === Infinity) stopAt = start + window;
    }
    return true;
  });
  return ranges;
}

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * The text cut into plain and marked segments. Long texts are cut down to about `max`
 * characters around the first match, with an ellipsis where something was left out.
 */
export function segments(text: string, ranges: readonly Range[], max = Infinity): Segment[] {
  let from = 0;
  let to = text.length;
  if (text.length > max) {
    const first = ranges[0]?.[0] ?? 0;
    from = first > max * 0.6 ? Math.max(0, first - Math.floor(max * 0.3)) : 0;
    to = Math.min(text.length, from + max);
    // Never cut an emoji (a surrogate pair) in half.
    if (/[\udc00-\udfff]/.test(text[from] ?? '')) from -= 1;
    if (/[\ud800-\udbff]/.test(text[to - 1] ?? '')) to -= 1;
  }
  const out: Segment[] = [];
  const push = (part: string, mark: boolean) => {
    if (part) out.push({ text: part, mark });
  };
  if (from > 0) push('…', false);
  let cursor = from;
  for (const [start, end] of ranges) {
    if (end <= cursor || start >= to) continue;
    push(text.slice(cursor, Math.max(cursor, start)), false);
    push(text.slice(Math.max(cursor, start), Math.min(end, to)), true);
    cursor = Math.min(end, to);
  }
  push(text.slice(cursor, to), false);
  if (to < text.length) push('…', false);
  return out;
}
