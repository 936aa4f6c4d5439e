/**
 * Input an attacker or a broken server could send. The extension renders visitor-controlled text
 * in privileged pages, so injection strings must come out inert; and its schemas must survive
 * wrong types, missing and unknown fields without crashing a whole list.
 */
import type { Prng } from './prng';

export const INJECTION_STRINGS: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("xss")</script>',
  '"><svg onload=alert(document.domain)>',
  'javascript:alert(1)',
  '<a href="javascript:alert(1)">click me</a>',
  "'; DROP TABLE chats; --",
  '{{constructor.constructor("alert(1)")()}}',
  '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>',
  '<style>*{display:none}</style>',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
];

const CONTROL_STRINGS: readonly string[] = [
  'nul\u0000byte and bell\u0007',
  '\u001b[31mred terminal text\u001b[0m',
  'line\r\nbreaks\n\n\nand\ttabs',
  'zero\u200Bwidth\u200Djoiner\uFEFFbom',
];

const BIDI_STRINGS: readonly string[] = [
  'invoice\u202Efdp.exe',
  '\u202Bمرحبا\u202C mixed with English',
  'isolate\u2066\u2067nested\u2069',
  'שלום <b>עולם</b> hello',
];

/**
 * The hostile-input corpus that browser tests drive through every surface (popup, side panel,
 * notifications, canned insertion). Each entry that could run script tries to set
 * `window.__hostileRan` (or call `__hostileCall()`), so a test can watch for it; none may.
 */
export interface HostileInput {
  label: string;
  text: string;
}

const TEN_THOUSAND = 10_000;

export const HOSTILE_CORPUS: readonly HostileInput[] = [
  // Markup and event handlers.
  { label: 'img onerror', text: '<img src=x onerror="window.__hostileRan=1">' },
  { label: 'script tag', text: '<script>window.__hostileRan=1</script>' },
  { label: 'svg onload', text: '"><svg onload="window.__hostileRan=1">' },
  { label: 'iframe srcdoc', text: '<iframe srcdoc="<script>parent.__hostileRan=1</script>"></iframe>' },
  { label: 'details ontoggle', text: '<details open ontoggle="__hostileCall()">x</details>' },
  { label: 'attribute breakout', text: '" autofocus onfocus="window.__hostileRan=1" x="' },
  { label: 'style injection', text: '<style>*{display:none!important}</style>hidden?' },
  { label: 'template literal', text: '${__hostileCall()} `${window.__hostileRan=1}`' },
  { label: 'angular-style template', text: '{{constructor.constructor("window.__hostileRan=1")()}}' },
  { label: 'html entities', text: '&lt;img src=x onerror=__hostileCall()&gt; &amp;amp;' },
  { label: 'math/mglyph mutation XSS', text: '<math><mtext><table><mglyph><style><img src=x onerror=__hostileCall()>' },
  { label: 'url-encoded script', text: '%3Cscript%3E__hostileCall()%3C%2Fscript%3E' },
  // javascript: URLs.
  { label: 'javascript url', text: 'javascript:window.__hostileRan=1' },
  { label: 'javascript link', text: '<a href="javascript:__hostileCall()">click me</a>' },
  { label: 'obfuscated javascript url', text: 'jav&#x09;ascript:__hostileCall()' },
  { label: 'data url', text: 'data:text/html,<script>parent.__hostileRan=1</script>' },
  // Bidi overrides and isolates.
  { label: 'RLO file name', text: 'invoice\u202Efdp.exe' },
  { label: 'RLE/PDF embedding', text: '\u202Bمرحبا\u202C mixed with English' },
  { label: 'isolates', text: 'isolate\u2066\u2067nested\u2069 \u2068first strong\u2069' },
  { label: 'LRM/RLM/ALM marks', text: 'marks\u200E\u200F\u061C here' },
  { label: 'unterminated override', text: '\u202Ethis never ends' },
  // Zero-width characters.
  { label: 'zero-width space/joiners/BOM', text: 'zero\u200Bwidth\u200Cnon\u200Djoiner\uFEFFbom' },
  { label: 'word joiner and invisible operators', text: 'a\u2060b\u2061c\u2062d\u2063e\u2064' },
  { label: 'only zero-width', text: '\u200B\u200B\u200B' },
  // Very long.
  { label: '10,000-character name', text: 'N'.repeat(TEN_THOUSAND) },
  { label: '10,000-character question, no spaces', text: 'question'.repeat(TEN_THOUSAND / 8) },
  { label: '10,000-character mixed text', text: 'Lorem ipsum 🚀 日本語 العربية '.repeat(500).slice(0, TEN_THOUSAND) },
  // NUL and control characters.
  { label: 'NUL and bell', text: 'nul\u0000byte and bell\u0007' },
  { label: 'ANSI escapes', text: '\u001b[31mred terminal text\u001b[0m' },
  { label: 'line breaks and tabs', text: 'line\r\nbreaks\n\n\nand\ttabs' },
  { label: 'C1 controls and DEL', text: 'c1\u0085\u009b\u007f controls' },
  { label: 'line/paragraph separators', text: 'one\u2028two\u2029three' },
  // Emoji sequences.
  { label: 'ZWJ family and flags', text: '👨‍👩‍👧‍👦 🏳️‍🌈 🇩🇪🇯🇵 👍🏽' },
  { label: 'combining marks (zalgo)', text: 'Z̷̡̛̟a̶̢͎͑l̵̠̈́g̸̰̓ǒ̶̬ text' },
  { label: 'emoji-only name', text: '🦄🦄🦄' },
  // RTL text.
  { label: 'Arabic', text: 'مرحبا، أحتاج مساعدة في طلبي رقم ١٢٣' },
  { label: 'Hebrew with markup', text: 'שלום <b>עולם</b> hello' },
  // Lone surrogates.
  { label: 'lone high surrogate', text: 'broken \uD83D here' },
  { label: 'lone low surrogate', text: 'broken \uDE00 there' },
  // Looks like a placeholder or a shortcut.
  { label: 'placeholder-like', text: '{visitor.name}' },
  { label: 'placeholder with fallback', text: 'Hi {visitor.email|x} {operator.name} {department}' },
  { label: 'shortcut-like', text: '#refund' },
  { label: 'shortcut then space', text: '#refund #thx ' },
  // Others that broke renderers elsewhere.
  { label: 'SQL-ish', text: "'; DROP TABLE chats; --" },
  { label: 'prototype keys', text: '__proto__ constructor prototype toString' },
  { label: 'whitespace only', text: '   \t  ' },
];

let hugeString: string | undefined;

/** About 100 kB of mixed text (built once: it is large). */
export function hugeText(): string {
  if (!hugeString) {
    const chunk = 'Lorem ipsum 🚀 日本語 العربية עברית <b>bold</b> ';
    hugeString = chunk.repeat(Math.ceil(100_000 / chunk.length)).slice(0, 100_000);
  }
  return hugeString;
}

/** Every hostile string, for transcripts that should exercise them all. */
export function allHostileStrings(): string[] {
  return [...INJECTION_STRINGS, ...CONTROL_STRINGS, ...BIDI_STRINGS];
}

export function hostileString(prng: Prng): string {
  return prng.pick(allHostileStrings());
}

/** An own "__proto__" key (only JSON.parse creates one) to catch naive object merges. */
function protoPollution(): Record<string, unknown> {
  return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as Record<
    string,
    unknown
  >;
}

/**
 * Overrides layered over a normal conversation: wrong types, null, arrays, extra unknown fields.
 * The id stays a valid string so the chat can still be picked up.
 */
export function hostileConversationOverrides(prng: Prng): Record<string, unknown> {
  return {
    reference_id: 151,
    unread_chats: 'yes',
    notes: null,
    uvid: ['not', 'a', 'string'],
    extra_unknown_field: { nested: [1, 'two', null], html: INJECTION_STRINGS[0] },
    __sim_prototype_probe: protoPollution(),
    department: { name: prng.pick(INJECTION_STRINGS) },
    visitor: {
      phone: 4915112345678,
      country_code: null,
      supported_operations: null,
      ip: 12345,
      unknown_visitor_field: true,
    },
  };
}

/** Keys removed from the hostile conversation (missing fields). Dotted paths reach inside. */
export const HOSTILE_OMITTED_KEYS: readonly string[] = ['chat_id', 'visitor.user_id', 'visitor.channel_name'];

/** Items mixed into list responses in malformed mode: none of them is a usable object. */
export function malformedListItems(): unknown[] {
  return [
    null,
    'just a string',
    42,
    [],
    {},
    // eslint-disable-next-line no-loss-of-precision -- the lost precision is the hostile input
    { id: 466756000000000001, note: 'numeric id that lost precision' },
    { id: null, status: 7, extra: protoPollution() },
    { id: '466756009999999999', question: { text: INJECTION_STRINGS[1] }, visitor: 'nobody' },
  ];
}
