/**
 * Bounded edit distance (Levenshtein plus adjacent transpositions) between a query token and a
 * word, computed once for both questions search asks: "is the word the token with a typo?" and
 * "does the word start with the token, typo included?" (the operator is still typing).
 */
export interface Distances {
  /** Distance to the whole word, or Infinity beyond `max`. */
  whole: number;
  /** Smallest distance to any prefix of the word, or Infinity beyond `max`. */
  prefix: number;
}

const MAX_LEN = 64;
let rowA = new Int32Array(MAX_LEN + 1);
let rowB = new Int32Array(MAX_LEN + 1);
let rowC = new Int32Array(MAX_LEN + 1);

/**
 * Typos allowed in a query token: none below 4 characters, 1 up to 7, then 2. None in numbers:
 * "order 1235" must not find "order 1234".
 */
export function allowedTypos(token: string): number {
  if (/^\d+$/.test(token)) return 0;
  return token.length < 4 ? 0 : token.length < 8 ? 1 : 2;
}

export function distances(token: string, word: string, max: number): Distances {
  const m = token.length;
  const none = { whole: Infinity, prefix: Infinity };
  if (m > MAX_LEN || max <= 0) return none;
  // Columns beyond m + max cannot lower a prefix distance; the whole word needs all of them.
  const n = Math.min(word.length, m + max);
  const wholeReachable = word.length <= m + max && Math.abs(word.length - m) <= max;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j += 1) prev[j] = j;
  for (let i = 1; i <= m; i += 1) {
    cur[0] = i;
    let rowMin = i;
    const ti = token.charCodeAt(i - 1);
    for (let j = 1; j <= n; j += 1) {
      const wj = word.charCodeAt(j - 1);
      const cost = ti === wj ? 0 : 1;
      let best = prev[j - 1]! + cost;
      const del = prev[j]! + 1;
      if (del < best) best = del;
      const ins = cur[j - 1]! + 1;
      if (ins < best) best = ins;
      if (i > 1 && j > 1 && ti === word.charCodeAt(j - 2) && token.charCodeAt(i - 2) === wj) {
        const swap = prev2[j - 2]! + 1;
        if (swap < best) best = swap;
      }
      cur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > max) return none;
    const recycled = prev2;
    prev2 = prev;
    prev = cur;
    cur = recycled;
  }
  let prefix = Infinity;
  for (let j = Math.max(0, m - max); j <= n; j += 1) if (prev[j]! < prefix) prefix = prev[j]!;
  const whole = wholeReachable ? prev[word.length]! : Infinity;
  // Keep the module rows in a fixed order for the next call.
  rowA = prev2;
  rowB = prev;
  rowC = cur;
  return { whole: whole <= max ? whole : Infinity, prefix: prefix <= max ? prefix : Infinity };
}
