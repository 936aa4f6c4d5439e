import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseCannedResponse,
  parseConversation,
  parseList,
  parseOperator,
  parsePortal,
  text,
} from '../../lib/salesiq/schemas';

// Zoho's documented "Pick up Chat" sample (tests/fixtures/README.md names the source).
function seedSample(): unknown {
  const sample = readFileSync(new URL('../fixtures/pickup-chat-sample.json', import.meta.url), 'utf8');
  return (JSON.parse(sample) as { data: unknown }).data;
}

describe('parseConversation', () => {
  it('reads the documented pickup sample', () => {
    const chat = parseConversation(seedSample());
    expect(chat).toMatchObject({
      id: '19000000033103',
      referenceId: '151',
      question: 'Can you help me with the payment process?',
      status: 'connected',
      startTime: 1612943653720,
      attendedTime: 1612943681060,
      department: { id: '466756000000002013', name: 'Zylker' },
      attender: { id: '466756000000002001', name: 'Patricia', isBot: false },
      visitor: { name: 'James', email: 'james@zyker.com', countryCode: 'IN', kind: 'contact', channel: 'website' },
    });
  });

  it('keeps hostile visitor text as inert text and drops controls and bidi overrides', () => {
    const chat = parseConversation({
      id: '466756000000969001',
      status: 'Waiting',
      question: '<img src=x onerror=alert(1)>\u0007\u202Egnp.exe',
      visitor: { name: '<script>alert(1)</script>', country_code: 'javascript:x', email: 42, type: 'admin' },
      start_time: 'yesterday',
    });
    expect(chat.question).toBe('<img src=x onerror=alert(1)>gnp.exe');
    expect(chat.visitor.name).toBe('<script>alert(1)</script>');
    expect(chat.visitor.countryCode).toBeUndefined();
    expect(chat.visitor.email).toBeUndefined();
    expect(chat.visitor.kind).toBeUndefined();
    expect(chat.status).toBe('waiting');
    expect(chat.startTime).toBeGreaterThan(0);
  });

  it('caps huge strings', () => {
    const chat = parseConversation({ id: '1', question: 'x'.repeat(100_000), visitor: {} });
    expect(chat.question.length).toBe(5_000);
  });

  it('rejects ids that are not strings or that lost precision', () => {
    expect(() => parseConversation({ id: 19000000033103000000, visitor: {} })).toThrow(/conversation id/);
    expect(() => parseConversation({ id: { $gt: '' }, visitor: {} })).toThrow();
    expect(() => parseConversation(null)).toThrow();
  });
});

describe('parseList', () => {
  it('skips bad items and keeps the good ones', () => {
    const result = parseList([{ id: '1', visitor: {} }, 'junk', { id: null }, { id: '2' }], parseConversation);
    expect(result.items.map((c) => c.id)).toEqual(['1', '2']);
    expect(result.skipped).toBe(2);
  });

  it('refuses a non-list', () => {
    expect(() => parseList({ id: '1' }, parseConversation)).toThrow(/Expected a list/);
  });
});

describe('other resources', () => {
  it('reads portals and refuses odd screen names', () => {
    expect(parsePortal({ screenname: 'zylker', name: 'Zylker', operator_id: '466756000000002001' })).toEqual({
      screen: 'zylker',
      name: 'Zylker',
      operatorId: '466756000000002001',
    });
    expect(() => parsePortal({ screenname: '../evil', operator_id: '1' })).toThrow();
  });

  it('maps operator status codes', () => {
    expect(
      parseOperator({ id: '5', first_name: 'Pat', status_code: 1, departments: [{ id: '9', name: 'Sales' }] }),
    ).toMatchObject({
      status: 'available',
      departments: [{ id: '9', name: 'Sales' }],
    });
    expect(parseOperator({ id: '5', status_code: '3' }).status).toBe('busy');
  });

  it('reads canned responses and requires content', () => {
    expect(
      parseCannedResponse({
        id: '7',
        content: 'Hi!',
        enabled: false,
        usage_count: '12',
        categories: [{ id: '3', name: 'Billing' }],
      }),
    ).toMatchObject({
      id: '7',
      enabled: false,
      usageCount: 12,
      categories: [{ id: '3', name: 'Billing' }],
    });
    expect(() => parseCannedResponse({ id: '7' })).toThrow();
  });

  it('text() ignores non-strings', () => {
    expect(text(5)).toBeUndefined();
    expect(text('   ')).toBeUndefined();
  });
});
