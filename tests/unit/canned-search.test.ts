import { describe, expect, it } from 'vitest';
import { distances } from '../../lib/canned/fuzzy';
import { matchRanges, segments } from '../../lib/canned/highlight';
import { fold, foldText, words } from '../../lib/canned/normalize';
import { buildIndex, search, updatePopularity, warmSearch, type SearchDoc } from '../../lib/canned/search';

const BILLING = { id: 'c-billing', name: 'Billing' };
const GENERAL = { id: 'c-general', name: 'General' };
const GREETINGS = { id: 'c-greet', name: 'Greetings / Begrüßung' };

function doc(id: string, content: string, patch: Partial<SearchDoc> = {}): SearchDoc {
  return { id, content, categories: [GENERAL], usageCount: 0, lastUsedTime: 0, ...patch };
}

const DOCS: SearchDoc[] = [
  doc('refund', 'Refunds are processed within 5–7 business days.', { categories: [BILLING], usageCount: 10 }),
  doc('password', 'You can reset your password from the sign-in page under "Forgot password".', { usageCount: 50 }),
  doc('hours', 'Our office hours are 9:00–18:00 CET, Monday to Friday.', { usageCount: 5 }),
  doc('transfer', 'I am transferring you to our billing team now.', { usageCount: 1 }),
  doc('resume', 'Your Résumé has been received.', { usageCount: 0 }),
  doc('ja', 'お問い合わせありがとうございます。', { categories: [GREETINGS], usageCount: 2 }),
  doc('order', 'Could you share your order number (ref 1234)?', { usageCount: 3 }),
  doc('html', '<b>Bold</b> claims & <script>alert(1)</script> stay text', { usageCount: 0 }),
];

const ids = (query: string, options = {}) => search(buildIndex(DOCS), query, options).hits.map((h) => h.doc.id);

describe('canned search', () => {
  it('forgives typos, transpositions and unfinished words', () => {
    expect(ids('refnud')[0]).toBe('refund');
    expect(ids('pasword')[0]).toBe('password');
    expect(ids('passowrd')[0]).toBe('password'); // swapped letters
    expect(ids('transfering')[0]).toBe('transfer');
    expect(ids('offic hours')[0]).toBe('hours');
    expect(ids('refu')[0]).toBe('refund');
  });

  it('does not guess at short tokens or numbers', () => {
    expect(ids('xq')).toEqual([]);
    expect(ids('1235')).toEqual([]);
    expect(ids('1234')).toEqual(['order']);
  });

  it('requires every word of the query', () => {
    expect(ids('reset password')).toEqual(['password']);
    expect(ids('reset refunds')).toEqual([]);
  });

  it('matches accents, other scripts, and category names', () => {
    expect(ids('resume')).toEqual(['resume']);
    expect(ids('ありがとう')).toEqual(['ja']);
    expect(ids('begrüßung')).toEqual(['ja']);
    // "Billing" is the refund response's category and a word in the transfer response.
    expect(ids('billing').sort()).toEqual(['refund', 'transfer']);
  });

  it('ranks by match quality first, then popularity', () => {
    const index = buildIndex([
      doc('exact', 'We ship today.', { usageCount: 1 }),
      doc('prefix', 'Shipping is free.', { usageCount: 100 }),
      doc('typo', 'A shop nearby.', { usageCount: 1000 }),
    ]);
    expect(search(index, 'ship').hits.map((h) => h.doc.id)).toEqual(['exact', 'prefix', 'typo']);
  });

  it('breaks ties by usage count, then by the most recent use, counting local uses', () => {
    const docs = [
      doc('a', 'Thanks for waiting', { usageCount: 5, lastUsedTime: 100 }),
      doc('b', 'Thanks for your patience', { usageCount: 5, lastUsedTime: 200 }),
      doc('c', 'Thanks a lot', { usageCount: 9, lastUsedTime: 50 }),
    ];
    const index = buildIndex(docs);
    expect(search(index, 'thanks').hits.map((h) => h.doc.id)).toEqual(['c', 'b', 'a']);
    updatePopularity(index, new Map([['a', { count: 10, lastUsedAt: 300 }]]));
    expect(search(index, 'thanks').hits.map((h) => h.doc.id)).toEqual(['a', 'c', 'b']);
  });

  it('puts the operator’s shortcut first, exact before prefix', () => {
    const shortcuts = new Map([
      ['refund', 'hours'],
      ['refunds-eu', 'order'],
    ]);
    const index = buildIndex(DOCS);
    const hits = search(index, '#refund', { shortcuts }).hits;
    expect(hits.map((h) => h.doc.id).slice(0, 3)).toEqual(['hours', 'order', 'refund']);
    expect(hits[0]!.shortcut).toBe(2);
    expect(hits[1]!.shortcut).toBe(1);
    // Both shortcuts start with "ref": among them, the better text match leads.
    expect(
      search(index, 'ref', { shortcuts })
        .hits.map((h) => h.doc.id)
        .slice(0, 3),
    ).toEqual(['order', 'hours', 'refund']);
    // A shortcut never matches a multi-word query.
    expect(search(index, 'refund policy', { shortcuts }).hits).toEqual([]);
  });

  it('filters by category, with and without a query', () => {
    const index = buildIndex(DOCS);
    expect(search(index, '', { categoryId: BILLING.id }).hits.map((h) => h.doc.id)).toEqual(['refund']);
    expect(search(index, 'team', { categoryId: BILLING.id }).hits).toEqual([]);
    expect(search(index, 'team').hits.map((h) => h.doc.id)).toEqual(['transfer']);
  });

  it('lists everything by popularity for an empty query, with a total beyond the limit', () => {
    const result = search(buildIndex(DOCS), '  ', { limit: 3 });
    expect(result.hits.map((h) => h.doc.id)).toEqual(['password', 'refund', 'hours']);
    expect(result.total).toBe(DOCS.length);
  });
});

describe('highlighting', () => {
  it('marks the matched part of each word, in original offsets', () => {
    const text = 'Your Résumé has been received.';
    const ranges = matchRanges(text, ['resume', 're']);
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Résumé', 're']);
  });

  it('marks the same text afresh for each query (its folding is reused), offsets kept', () => {
    // Decomposed accents: folding changes the length, so offsets go through the map.
    const text = 'Cafe\u0301 menu, cafe\u0301 hours';
    const marked = (tokens: string[]) => matchRanges(text, tokens).map(([s, e]) => text.slice(s, e));
    expect(marked(['cafe'])).toEqual(['Cafe\u0301', 'cafe\u0301']);
    expect(marked(['hou'])).toEqual(['hou']);
    expect(marked(['menu', 'ca'])).toEqual(['Ca', 'menu', 'ca']);
  });

  it('marks whole words matched with a typo', () => {
    const text = 'Refunds are processed';
    expect(matchRanges(text, ['refnuds']).map(([s, e]) => text.slice(s, e))).toEqual(['Refunds']);
  });

  it('keeps markup as plain text segments', () => {
    const text = DOCS.find((d) => d.id === 'html')!.content;
    const parts = segments(text, matchRanges(text, ['bold']));
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['Bold']);
  });

  it('cuts long texts to a window around the first match', () => {
    const text = `${'lorem ipsum '.repeat(100)}refund here ${'dolor '.repeat(100)}`;
    const parts = segments(text, matchRanges(text, ['refund'], 100), 100);
    const shown = parts.map((p) => p.text).join('');
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(102);
    expect(parts.find((p) => p.mark)?.text).toBe('refund');
  });
});

describe('canned search at scale', () => {
  // Many docs, so a query matches more than the limit; the words repeat with numbers mixed in.
  const WORDS = [
    'refund',
    'password',
    'office',
    'hours',
    'billing',
    'transfer',
    'shipping',
    'order',
    'address',
    'reset',
  ];
  const many = Array.from({ length: 600 }, (_, i) =>
    doc(`d${i}`, `${WORDS[i % 10]} ${WORDS[(i * 7) % 10]} ${WORDS[(i * 3 + 1) % 10]} ref ${i}`, {
      usageCount: (i * 37) % 101,
    }),
  );
  const view = (result: ReturnType<typeof search>) => ({
    ids: result.hits.map((h) => `${h.doc.id}:${h.shortcut}:${h.quality}`),
    total: result.total,
  });

  it('gives the same results keystroke by keystroke as a fresh index, several queries in a row', () => {
    const typed = buildIndex(many);
    for (const query of ['refund hours', 'res', 'pasword reset', 'ofice', 'ref 42', 'billing transfer order', 'r']) {
      for (let k = 1; k <= query.length; k += 1) {
        const prefix = query.slice(0, k);
        expect(view(search(typed, prefix, { limit: 20 })), prefix).toEqual(
          view(search(buildIndex(many), prefix, { limit: 20 })),
        );
      }
    }
  });

  it('warms up without changing what a search finds or what the token cache holds', () => {
    const warmed = buildIndex(many);
    search(warmed, 'billing');
    const cached = [...warmed.tokenCache.keys()];
    warmSearch(warmed);
    expect([...warmed.tokenCache.keys()]).toEqual(cached);
    for (const query of ['refund', 'rfeund', 'ref 4', 'o'])
      expect(view(search(warmed, query))).toEqual(view(search(buildIndex(many), query)));
  });

  it('finds every doc with a word that starts with, or (3+ characters) contains, the token', () => {
    // The vocabulary scan (one indexOf over the joined words) against a word-by-word check. Short
    // tokens and numbers allow no typos, so the reference is exact; first and last words included.
    const letters = 'abcé1あ';
    let seed = 7;
    const random = (below: number) => {
      seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
      return ((seed ^ (seed >>> 13)) >>> 0) % below;
    };
    const word = () => Array.from({ length: 1 + random(4) }, () => letters[random(letters.length)]).join('');
    const docs = Array.from({ length: 300 }, (_, i) =>
      doc(`w${i}`, `${word()} ${word()}-${word()}`, { categories: [] }),
    );
    // The vocabulary's last two words, sharing a prefix, in one doc each.
    docs.push(doc('second-last', 'zqx', { categories: [] }), doc('last', 'zqy', { categories: [] }));
    const index = buildIndex(docs);
    const tokens = [
      ...new Set([...index.vocab, ...index.vocab.map((w) => w.slice(1)), 'a', 'é', 'ab', 'zq', 'zz', '1']),
    ]
      .filter((t) => t && t.length <= 3)
      .map(foldText);
    for (const token of tokens) {
      const substrings = token.length >= 3 || /[\u3040-\u30ff]/.test(token);
      const expected = docs
        .filter((d) => words(foldText(d.content)).some((w) => w.startsWith(token) || (substrings && w.includes(token))))
        .map((d) => d.id)
        .sort();
      // A fresh index each time: no shorter token's cached matches narrow the scan.
      const result = search(buildIndex(docs), token, { limit: 1000 });
      expect(result.hits.map((h) => h.doc.id).sort(), token).toEqual(expected);
      expect(result.total, token).toBe(expected.length);
    }
  });

  it('ranks a one-word query as the general path does (the word twice: same qualities, same docs)', () => {
    const index = buildIndex(many);
    for (const categoryId of [undefined, 'c-general'])
      for (const word of ['r', 're', 'ref', 'refnud', 'o', 'ofice', '4', '42', 'shipping']) {
        const once = view(search(index, word, { limit: 25, categoryId }));
        expect(once, word).toEqual(view(search(index, `${word} ${word}`, { limit: 25, categoryId })));
        expect(once.total, word).toBeGreaterThan(0);
      }
  });

  it('keeps the best hits past the limit, in rank order, and counts them all', () => {
    const all = search(buildIndex(many), 'refund', { limit: 1000 });
    const first = search(buildIndex(many), 'refund', { limit: 10 });
    expect(all.total).toBeGreaterThan(10);
    expect(first.total).toBe(all.total);
    expect(first.hits.map((h) => h.doc.id)).toEqual(all.hits.slice(0, 10).map((h) => h.doc.id));
  });
});

describe('text folding', () => {
  it('lower-cases and drops Latin accents only', () => {
    expect(foldText('Crème BRÛLÉE')).toBe('creme brulee');
    expect(foldText('ありがとう')).toBe('ありがとう');
    expect(words(foldText('नमस्ते! Hello, world — 24/7'))).toEqual(['नमस्ते', 'hello', 'world', '24', '7']);
  });

  it('maps folded offsets back when folding changes length', () => {
    const decomposed = 'Cafe\u0301 open';
    const folded = fold(decomposed);
    expect(folded.text).toBe('cafe open');
    expect(folded.map?.[5]).toBe(6);
  });
});

describe('edit distance', () => {
  it('measures the whole word and the best prefix within the bound', () => {
    expect(distances('refnud', 'refund', 1)).toEqual({ whole: 1, prefix: 1 });
    expect(distances('refun', 'refunds', 1).prefix).toBe(0);
    expect(distances('abcdef', 'uvwxyz', 2)).toEqual({ whole: Infinity, prefix: Infinity });
  });
});
