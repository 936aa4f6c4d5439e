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

export const CONTROL_STRINGS: readonly string[] = [
  'nul\u0000byte and bell\u0007',
  '\u001b[31mred terminal text\u001b[0m',
  'line\r\nbreaks\n\n\nand\ttabs',
  'zero\u200Bwidth\u200Djoiner\uFEFFbom',
];

export const BIDI_STRINGS: readonly string[] = [
  'invoice\u202Efdp.exe',
  '\u202Bمرحبا\u202C mixed with English',
  'isolate\u2066\u2067nested\u2069',
  'שלום <b>עולם</b> hello',
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
  return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}') as Record<string, unknown>;
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
    { id: 466756000000000001, note: 'numeric id that lost precision' },
    { id: null, status: 7, extra: protoPollution() },
    { id: '466756009999999999', question: { text: INJECTION_STRINGS[1] }, visitor: 'nobody' },
  ];
}
