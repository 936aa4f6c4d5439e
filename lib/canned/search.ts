import { allowedTypos, distances } from './fuzzy';
import { foldText, isUnspacedScript, words } from './normalize';

/**
 * Instant search over the canned library, in the page: the index is built once when the library
 * opens (a vocabulary of folded words with posting lists), and each keystroke scans the
 * vocabulary, not the responses. Ranking: the operator's shortcut first, then match quality,
 * then popularity (SalesIQ's usage_count plus uses here, then the most recent use).
 */
export interface SearchDoc {
  id: string;
  content: string;
  categories: readonly { id: string; name: string }[];
  usageCount: number;
  lastUsedTime?: number;
}

export interface LocalUse {
  count: number;
  lastUsedAt: number;
}

export interface CannedIndex {
  readonly docs: readonly SearchDoc[];
  readonly vocab: readonly string[];
  /** The vocabulary as one string, each word after a separator, for native indexOf scans. */
  readonly vocabText: string;
  /** Where each vocabulary word starts in `vocabText`, in vocabulary order. */
  readonly vocabStarts: Int32Array;
  /** Per vocabulary word: doc * 2 + field (0 content, 1 category). */
  readonly postings: readonly Int32Array[];
  /** Vocabulary indices by first and by second character, for the typo scan. */
  readonly byFirst: ReadonlyMap<string, Int32Array>;
  readonly bySecond: ReadonlyMap<string, Int32Array>;
  readonly idToDoc: ReadonlyMap<string, number>;
  /** Docs in popularity order, and each doc's place in it. */
  popOrder: Int32Array;
  popRank: Int32Array;
  readonly tokenCache: Map<string, TokenMatches>;
  readonly categoryCache: Map<string, Uint8Array>;
  /** Per-doc scratch arrays, reused by every search (a keystroke must not allocate them afresh). */
  scratch?: Scratch;
}

/** Vocabulary words one token matches, with a quality in (0, 1]. */
interface TokenMatches {
  words: Int32Array;
  quality: Float32Array;
  /** Whether substring matches were looked for (else prefix and exact ones only). */
  substrings: boolean;
}

interface Scratch {
  sum: Float32Array;
  matched: Uint8Array;
  best: Float32Array;
  /** Docs the current token touched. */
  touched: Int32Array;
  /** Docs any token touched: the ones to zero again after the search. */
  dirty: Int32Array;
}

export interface SearchOptions {
  categoryId?: string;
  /** shortcut → response id (see ./shortcuts). */
  shortcuts?: ReadonlyMap<string, string>;
  limit?: number;
}

export interface SearchHit {
  doc: SearchDoc;
  /** 2: the query is this response's shortcut; 1: it starts one; 0: text match only. */
  shortcut: 0 | 1 | 2;
  quality: number;
}

export interface SearchResult {
  hits: SearchHit[];
  total: number;
  tokens: string[];
}

const CATEGORY_WEIGHT = 0.8;
const QUALITY_STEPS = 20;
const TOKEN_CACHE_SIZE = 200;

function popularity(
  docs: readonly SearchDoc[],
  uses: ReadonlyMap<string, LocalUse>,
): { popOrder: Int32Array; popRank: Int32Array } {
  const n = docs.length;
  const count = new Float64Array(n);
  const last = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const doc = docs[i]!;
    const use = uses.get(doc.id);
    count[i] = doc.usageCount + (use?.count ?? 0);
    last[i] = Math.max(doc.lastUsedTime ?? 0, use?.lastUsedAt ?? 0);
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => count[b]! - count[a]! || last[b]! - last[a]! || (docs[a]!.id < docs[b]!.id ? -1 : 1));
  const popOrder = Int32Array.from(order);
  const popRank = new Int32Array(n);
  for (let rank = 0; rank < n; rank += 1) popRank[popOrder[rank]!] = rank;
  return { popOrder, popRank };
}

export function buildIndex(docs: readonly SearchDoc[], uses: ReadonlyMap<string, LocalUse> = new Map()): CannedIndex {
  const wordIds = new Map<string, number>();
  const vocab: string[] = [];
  const lists: number[][] = [];
  const lastEntry: number[] = [];
  const add = (word: string, entry: number) => {
    let id = wordIds.get(word);
    if (id === undefined) {
      id = vocab.length;
      wordIds.set(word, id);
      vocab.push(word);
      lists.push([]);
      lastEntry.push(-1);
    }
    // A word repeated within one field of one doc is posted once.
    if (lastEntry[id] !== entry) {
      lists[id]!.push(entry);
      lastEntry[id] = entry;
    }
  };
  const categoryWords = new Map<string, string[]>();
  docs.forEach((doc, index) => {
    for (const word of words(foldText(doc.content))) add(word, index * 2);
    for (const category of doc.categories) {
      let folded = categoryWords.get(category.name);
      if (!folded) categoryWords.set(category.name, (folded = words(foldText(category.name))));
      for (const word of folded) add(word, index * 2 + 1);
    }
  });
  const bucket = (position: number) => {
    const groups = new Map<string, number[]>();
    vocab.forEach((word, id) => {
      const ch = word[position];
      if (ch === undefined) return;
      const group = groups.get(ch);
      if (group) group.push(id);
      else groups.set(ch, [id]);
    });
    return new Map([...groups].map(([ch, ids]) => [ch, Int32Array.from(ids)]));
  };
  return {
    docs,
    vocab,
    ...joinVocabulary(vocab),
    postings: lists.map((list) => Int32Array.from(list)),
    byFirst: bucket(0),
    bySecond: bucket(1),
    idToDoc: new Map(docs.map((doc, index) => [doc.id, index])),
    ...popularity(docs, uses),
    tokenCache: new Map(),
    categoryCache: new Map(),
  };
}

/** Local uses changed: re-rank without rebuilding the vocabulary. */
export function updatePopularity(index: CannedIndex, uses: ReadonlyMap<string, LocalUse>): void {
  Object.assign(index, popularity(index.docs, uses));
}

/** Never a word character (see ./normalize), so a token's occurrence lies inside one word. */
const WORD_SEPARATOR = ' ';

function joinVocabulary(vocab: readonly string[]): { vocabText: string; vocabStarts: Int32Array } {
  const vocabStarts = new Int32Array(vocab.length);
  let offset = 0;
  for (let id = 0; id < vocab.length; id += 1) {
    vocabStarts[id] = offset + 1;
    offset += vocab[id]!.length + 1;
  }
  return { vocabText: WORD_SEPARATOR + vocab.join(WORD_SEPARATOR), vocabStarts };
}

/** The vocabulary word that holds offset `at` of `vocabText`. */
function wordAt(starts: Int32Array, at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Ids of the words that contain `token` (or, with `prefixOnly`, start with it), in vocabulary
 * order. One native indexOf scan over the joined vocabulary instead of a string test per word.
 */
function scanVocabulary(index: CannedIndex, token: string, prefixOnly: boolean, visit: (id: number) => void): void {
  const { vocabText, vocabStarts } = index;
  const needle = prefixOnly ? WORD_SEPARATOR + token : token;
  const skip = prefixOnly ? 1 : 0;
  let from = 0;
  for (;;) {
    const at = vocabText.indexOf(needle, from);
    if (at < 0) return;
    const id = wordAt(vocabStarts, at + skip);
    visit(id);
    // The next word: one word is listed once, however often the token occurs in it.
    if (id + 1 >= vocabStarts.length) return;
    from = vocabStarts[id + 1]! - skip;
  }
}

function queryTokens(query: string): string[] {
  return words(foldText(query));
}

function quality(token: string, word: string, maxTypos: number, substringOk: boolean): number {
  if (word === token) return 1;
  if (word.startsWith(token)) return 0.8 + 0.15 * (token.length / word.length);
  if (substringOk && word.includes(token)) return 0.6;
  if (maxTypos === 0) return 0;
  const d = distances(token, word, maxTypos);
  if (d.whole <= maxTypos) return d.whole === 1 ? 0.55 : 0.4;
  if (d.prefix <= maxTypos) return d.prefix === 1 ? 0.45 : 0.3;
  return 0;
}

function matchToken(index: CannedIndex, token: string): TokenMatches {
  const cached = index.tokenCache.get(token);
  if (cached) return cached;
  const { vocab } = index;
  const maxTypos = allowedTypos(token);
  const substringOk = token.length >= 3 || isUnspacedScript(token);
  const ids: number[] = [];
  const qualities: number[] = [];
  const seen = maxTypos ? new Uint8Array(vocab.length) : undefined;
  // Exact, prefix and substring matches can be anywhere in the vocabulary: scan it all, unless the
  // token is the previous keystroke's token plus a character. Then every word containing it
  // contains that shorter token, so that token's matches (a superset) are the only candidates.
  const shorter = index.tokenCache.get(token.slice(0, -1));
  const candidates = shorter && (shorter.substrings || !substringOk) ? shorter.words : undefined;
  const take = (id: number) => {
    ids.push(id);
    qualities.push(quality(token, vocab[id]!, 0, substringOk));
    if (seen) seen[id] = 1;
  };
  if (candidates) {
    for (let k = 0; k < candidates.length; k += 1) {
      const word = vocab[candidates[k]!]!;
      if (word === token || word.startsWith(token) || (substringOk && word.includes(token))) take(candidates[k]!);
    }
  } else {
    // Every word equal to or starting with the token contains it: with substrings, one scan.
    scanVocabulary(index, token, !substringOk, take);
  }
  // Typos: only words that share the first letter, or whose first two letters are swapped or
  // lost one. A typo in the very first letter is rare, and this keeps the scan small.
  if (seen) {
    const groups = [index.byFirst.get(token[0]!), index.byFirst.get(token[1]!), index.bySecond.get(token[0]!)];
    for (const group of groups) {
      if (!group) continue;
      for (let k = 0; k < group.length; k += 1) {
        const id = group[k]!;
        if (seen[id]) continue;
        seen[id] = 1;
        const q = quality(token, vocab[id]!, maxTypos, false);
        if (q > 0) {
          ids.push(id);
          qualities.push(q);
        }
      }
    }
  }
  const matches = { words: Int32Array.from(ids), quality: Float32Array.from(qualities), substrings: substringOk };
  if (index.tokenCache.size >= TOKEN_CACHE_SIZE) index.tokenCache.clear();
  index.tokenCache.set(token, matches);
  return matches;
}

function categoryMask(index: CannedIndex, categoryId: string): Uint8Array {
  let mask = index.categoryCache.get(categoryId);
  if (!mask) {
    mask = new Uint8Array(index.docs.length);
    index.docs.forEach((doc, i) => {
      if (doc.categories.some((c) => c.id === categoryId)) mask![i] = 1;
    });
    index.categoryCache.set(categoryId, mask);
  }
  return mask;
}

function shortcutTiers(
  index: CannedIndex,
  query: string,
  shortcuts: ReadonlyMap<string, string> | undefined,
): Map<number, 1 | 2> {
  const tiers = new Map<number, 1 | 2>();
  const typed = query.trim().replace(/^#/, '').toLowerCase();
  if (!shortcuts || !typed || /\s/.test(typed)) return tiers;
  for (const [shortcut, id] of shortcuts) {
    const doc = index.idToDoc.get(id);
    if (doc === undefined) continue;
    if (shortcut === typed) tiers.set(doc, 2);
    else if (shortcut.startsWith(typed)) tiers.set(doc, 1);
  }
  return tiers;
}

function scratchFor(index: CannedIndex): Scratch {
  const n = index.docs.length;
  index.scratch ??= {
    sum: new Float32Array(n),
    matched: new Uint8Array(n),
    best: new Float32Array(n),
    touched: new Int32Array(n),
    dirty: new Int32Array(n),
  };
  return index.scratch;
}

/** The largest `limit` of the keys offered (a min-heap), and how many were offered. */
class TopKeys {
  private readonly heap: number[] = [];
  offered = 0;

  constructor(private readonly limit: number) {}

  offer(key: number): void {
    this.offered += 1;
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push(key);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent]! <= key) break;
        heap[i] = heap[parent]!;
        i = parent;
      }
      heap[i] = key;
      return;
    }
    if (!(key > heap[0]!)) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && heap[right]! < heap[left]! ? right : left;
      if (heap[child]! >= key) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = key;
  }

  sortedDescending(): number[] {
    return [...this.heap].sort((a, b) => b - a);
  }
}

export function search(index: CannedIndex, query: string, options: SearchOptions = {}): SearchResult {
  const limit = options.limit ?? 50;
  const n = index.docs.length;
  const mask = options.categoryId ? categoryMask(index, options.categoryId) : undefined;
  const tokens = queryTokens(query);
  const tiers = shortcutTiers(index, query, options.shortcuts);

  if (tokens.length === 0 && tiers.size === 0) {
    const hits: SearchHit[] = [];
    let total = 0;
    for (let rank = 0; rank < n; rank += 1) {
      const doc = index.popOrder[rank]!;
      if (mask && !mask[doc]) continue;
      total += 1;
      if (hits.length < limit) hits.push({ doc: index.docs[doc]!, shortcut: 0, quality: 0 });
    }
    return { hits, total, tokens };
  }

  // Per doc: the sum of each token's best quality, and how many tokens matched at all.
  const scratch = scratchFor(index);
  const { sum, matched, best, touched, dirty } = scratch;
  const need = tokens.length;
  // One token and no shortcut (the first keystrokes, which touch the most docs): a doc's
  // quality is its best word's, kept in `best` until offered; no sums or counts to keep.
  const single = need === 1 && tiers.size === 0;
  // A doc matching every token is among those the last token touched.
  let touchedCount = 0;
  let dirtyCount = 0;
  for (const token of tokens) {
    const { words: ids, quality: q } = matchToken(index, token);
    touchedCount = 0;
    for (let k = 0; k < ids.length; k += 1) {
      const list = index.postings[ids[k]!]!;
      const wordQuality = q[k]!;
      for (let p = 0; p < list.length; p += 1) {
        const entry = list[p]!;
        const doc = entry >> 1;
        const value = entry & 1 ? wordQuality * CATEGORY_WEIGHT : wordQuality;
        if (best[doc] === 0) touched[touchedCount++] = doc;
        if (value > best[doc]!) best[doc] = value;
      }
    }
    if (single) break;
    for (let t = 0; t < touchedCount; t += 1) {
      const doc = touched[t]!;
      if (matched[doc] === 0) dirty[dirtyCount++] = doc;
      sum[doc] = sum[doc]! + best[doc]!;
      matched[doc] = matched[doc]! + 1;
      best[doc] = 0;
    }
  }

  // Sort keys pack (shortcut tier, quality step, popularity) into one number per candidate; only
  // the best `limit` are kept (a heap), the rest are counted.
  const top = new TopKeys(limit);
  const popRank = index.popRank;
  const offer = (doc: number, tier: number, steps: number) => {
    if (mask && !mask[doc]) return;
    top.offer((tier * (QUALITY_STEPS + 1) + steps) * n + (n - 1 - popRank[doc]!));
  };
  if (single) {
    for (let t = 0; t < touchedCount; t += 1) {
      const doc = touched[t]!;
      const steps = Math.max(1, Math.round(best[doc]! * QUALITY_STEPS));
      best[doc] = 0;
      offer(doc, 0, steps);
    }
  }
  for (const [doc, tier] of tiers) {
    const steps = need && matched[doc] === need ? Math.round((sum[doc]! / need) * QUALITY_STEPS) : 0;
    offer(doc, tier, steps);
  }
  if (need && !single) {
    const anyTier = tiers.size > 0;
    for (let t = 0; t < touchedCount; t += 1) {
      const doc = touched[t]!;
      if (matched[doc] !== need || (anyTier && tiers.has(doc))) continue;
      offer(doc, 0, Math.max(1, Math.round((sum[doc]! / need) * QUALITY_STEPS)));
    }
  }
  // Leave the scratch arrays zeroed for the next search: only docs some token touched were set.
  for (let t = 0; t < dirtyCount; t += 1) {
    sum[dirty[t]!] = 0;
    matched[dirty[t]!] = 0;
  }
  const hits: SearchHit[] = [];
  for (const key of top.sortedDescending()) {
    const doc = index.popOrder[n - 1 - (key % n)]!;
    const primary = Math.floor(key / n);
    const tier = Math.floor(primary / (QUALITY_STEPS + 1)) as 0 | 1 | 2;
    hits.push({ doc: index.docs[doc]!, shortcut: tier, quality: (primary % (QUALITY_STEPS + 1)) / QUALITY_STEPS });
  }
  return { hits, total: top.offered, tokens };
}

/**
 * Runs a few searches over the library's most common word, its prefixes and a typo, so the
 * operator's first keystrokes do not run in the cold, unoptimised JavaScript engine (the first
 * calls were the slowest keystrokes of all). Call it off the keystroke path, after the index is
 * shown; it leaves the index's token cache as it found it.
 */
export function warmSearch(index: CannedIndex): void {
  let common = -1;
  for (let id = 0; id < index.postings.length; id += 1) {
    if (index.vocab[id]!.length >= 4 && (common < 0 || index.postings[id]!.length > index.postings[common]!.length))
      common = id;
  }
  if (common < 0) return;
  const word = index.vocab[common]!;
  const typo = `${word[0]}${word[2]}${word[1]}${word.slice(3)}`;
  const queries = [word.slice(0, 1), word.slice(0, 2), word.slice(0, 3), word, typo, `${word} ${word.slice(0, 2)}`];
  const before = new Set(index.tokenCache.keys());
  for (let round = 0; round < 3; round += 1) for (const query of queries) search(index, query);
  for (const token of [...index.tokenCache.keys()]) if (!before.has(token)) index.tokenCache.delete(token);
}
