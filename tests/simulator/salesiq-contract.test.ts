/**
 * Contract tests: the SalesIQ stand-in answers in Zoho's documented shapes (seed sample, string
 * ids and times, list envelopes, paging rules, HTTP-200 error envelopes).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, send, signIn } from './client';
import { startSimulator } from './index';
import { SEED_PICKUP_RESPONSE } from './seed-sample';
import type { Simulator } from './types';

const ME = '466756000000002001';
const ZYLKER = '466756000000002013';
const SALES = '466756000000002015';
const SUPPORT = '466756000000002017';
const BIG_ID = /^\d{15,}$/;
const EPOCH_MS = /^\d{13}$/;

/**
 * Zoho's documented sample, read from the vendored copy (tests/fixtures/README.md names the
 * source): an independent file, so comparing it with the simulator's embedded copy means something.
 */
function seedSample(): unknown {
  return JSON.parse(readFileSync(new URL('../fixtures/pickup-chat-sample.json', import.meta.url), 'utf8'));
}

let sim: Simulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7 });
  token = await signIn(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset({ keepTokens: true }));

const get = (path: string) => api(sim, token, 'GET', path).then((r) => ({ status: r.status, body: r.json() }));

describe('seed sample', () => {
  it('picking up the seed chat returns the documented sample verbatim, key order included', async () => {
    const res = await api(sim, token, 'PUT', '/api/v2/zylker/conversations/19000000033103/pickup');
    expect(res.status).toBe(200);
    expect(res.json()).toEqual(seedSample());
    expect(res.text).toBe(JSON.stringify(seedSample()));
    expect(SEED_PICKUP_RESPONSE).toEqual(seedSample());
  });

  it('before pickup the seed chat is listed as Waiting with no attender', async () => {
    const { body } = await get('/api/v2/zylker/conversations?status=waiting');
    const seed = body.data.find((c: { id: string }) => c.id === '19000000033103');
    expect(seed).toMatchObject({ status: 'Waiting', chat_status: { state: 1, label: 'Waiting' }, participants: [] });
    expect(seed.attender).toBeUndefined();
    expect(seed.owner).toBeUndefined();
  });
});

describe('shapes', () => {
  it('portals, operators and departments', async () => {
    const portals = await get('/api/v2/portals');
    expect(portals.body).toMatchObject({ url: '/api/v2/portals', object: 'list' });
    expect(portals.body.data).toEqual([
      expect.objectContaining({
        screenname: 'zylker',
        name: 'Zylker',
        operator_id: ME,
        owner_zuid: expect.any(String),
        logo: expect.any(String),
        created_time: expect.stringMatching(EPOCH_MS),
      }),
    ]);

    const operators = (await get('/api/v2/zylker/operators')).body.data;
    expect(operators.length).toBeGreaterThanOrEqual(3);
    expect(operators[0]).toMatchObject({
      id: ME,
      email_id: 'patricia@zylker.com',
      first_name: 'Patricia',
      status_code: 1,
      is_chat_enabled: true,
    });
    for (const op of operators) {
      expect(op.id).toMatch(BIG_ID);
      expect(typeof op.maximum_concurrent_chat).toBe('number');
      expect(op.departments.every((d: { id: string; name: string }) => BIG_ID.test(d.id) && d.name)).toBe(true);
    }
    expect((await get(`/api/v2/zylker/operators/${ME}`)).body).toMatchObject({ object: 'operators', data: { id: ME } });

    const departments = (await get('/api/v2/zylker/departments')).body.data;
    expect(departments.map((d: { id: string }) => d.id)).toEqual([ZYLKER, SALES, SUPPORT]);
    expect(departments[0]).toEqual({
      id: ZYLKER,
      name: 'Zylker',
      display_name: 'Zylker',
      is_enabled: true,
      is_public: true,
    });
    expect(operators[0].departments.map((d: { id: string }) => d.id)).toEqual([ZYLKER, SALES]);
  });

  it('every id is a string above 2^53 and every time an epoch-ms string', async () => {
    const chat = sim.addChat();
    expect(BigInt(chat.id) > 2n ** 53n).toBe(true);
    const { body } = await get('/api/v2/zylker/conversations?status=closed&limit=99');
    expect(body.data.length).toBeGreaterThan(3);
    for (const c of body.data) {
      expect(c.id).toMatch(BIG_ID);
      expect(c.visitor.id).toMatch(BIG_ID);
      expect(c.department.id).toMatch(BIG_ID);
      for (const key of ['start_time', 'last_modified_time']) expect(c[key]).toMatch(EPOCH_MS);
      expect(c.end_time ?? c.missed_time).toMatch(EPOCH_MS);
    }
    const messages = (await get(`/api/v2/zylker/conversations/${body.data[0].id}/messages`)).body.data;
    expect(messages[0]).toEqual({
      id: expect.stringMatching(BIG_ID),
      sequence_id: '1',
      sender: { id: expect.any(String), name: expect.any(String) },
      type: 'text',
      message: { text: expect.any(String) },
      time: expect.stringMatching(EPOCH_MS),
    });
  });

  it('conversation details, statuses and attender of connected chats', async () => {
    const waiting = sim.addChat();
    const taken = sim.addChat();
    sim.takeByOther(taken.id, '466756000000002003');
    const details = (await get(`/api/v2/zylker/conversations/${waiting.id}`)).body;
    expect(details).toMatchObject({
      object: 'conversations',
      data: { id: waiting.id, status: 'Waiting', type: 'chat' },
    });
    const connected = (await get(`/api/v2/zylker/conversations/${taken.id}`)).body.data;
    expect(connected).toMatchObject({
      status: 'Connected',
      chat_status: { state: 2, label: 'Connected' },
      attender: { id: '466756000000002003' },
    });
    expect(connected.attended_time).toMatch(EPOCH_MS);
    const missed = (await get('/api/v2/zylker/conversations?status=missed')).body.data;
    expect(missed.length).toBeGreaterThan(0);
    expect(
      missed.every(
        (c: { status: string; chat_status: { label: string } }) =>
          c.status === 'Missed' && c.chat_status.label === 'Missed',
      ),
    ).toBe(true);
    const ended = (await get('/api/v2/zylker/conversations?status=end')).body.data;
    expect(ended.every((c: { status: string }) => c.status === 'Ended')).toBe(true);
  });
});

describe('conversation list parameters', () => {
  it('defaults to the current department; department_id selects another', async () => {
    const inSales = sim.addChat({ department_id: SALES });
    const inZylker = sim.addChat();
    const byDefault = (await get('/api/v2/zylker/conversations?status=waiting')).body.data.map(
      (c: { id: string }) => c.id,
    );
    expect(byDefault).toContain(inZylker.id);
    expect(byDefault).not.toContain(inSales.id);
    const sales = (await get(`/api/v2/zylker/conversations?status=waiting&department_id=${SALES}`)).body.data;
    expect(sales.map((c: { id: string }) => c.id)).toEqual([inSales.id]);
    expect(sales[0].department).toEqual({ id: SALES, name: 'Sales' });
  });

  it('limit above 99 or below 1 is an error envelope; page walks the list', async () => {
    for (const limit of ['100', '0', 'ten']) {
      const res = await get(`/api/v2/zylker/conversations?limit=${limit}`);
      expect(res.status).toBe(200);
      expect(res.body.error).toMatchObject({ code: 1008, param: 'limit' });
    }
    for (let i = 0; i < 5; i += 1) sim.addChat();
    const all = (await get('/api/v2/zylker/conversations?status=waiting&limit=99')).body.data.map(
      (c: { id: string }) => c.id,
    );
    const page1 = (await get('/api/v2/zylker/conversations?status=waiting&limit=2&page=1')).body.data.map(
      (c: { id: string }) => c.id,
    );
    const page2 = (await get('/api/v2/zylker/conversations?status=waiting&limit=2&page=2')).body.data.map(
      (c: { id: string }) => c.id,
    );
    expect([...page1, ...page2]).toEqual(all.slice(0, 4));
  });

  it('filters by email (earlier conversations), attender and time', async () => {
    const returning = sim
      .state()
      .conversations.find((c) => c.conversation.status === 'Ended' && c.conversation.visitor.email);
    const email = returning!.conversation.visitor.email!;
    const history = (
      await get(
        `/api/v2/zylker/conversations?email=${encodeURIComponent(email)}&department_id=${returning!.conversation.department.id}`,
      )
    ).body.data;
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((c: { visitor: { email: string } }) => c.visitor.email === email)).toBe(true);

    const mine = (await get(`/api/v2/zylker/conversations?attender_id=${ME}&department_id=${SALES}&status=connected`))
      .body.data;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c: { attender: { id: string } }) => c.attender.id === ME)).toBe(true);

    const now = Date.now();
    sim.addChat();
    const recent = (await get(`/api/v2/zylker/conversations?from_time=${now - 1}`)).body.data;
    expect(recent.length).toBe(1);
  });
});

describe('messages', () => {
  it('lists, then sends only on a chat connected to me (scope CREATE)', async () => {
    const chat = sim.addChat({ question: 'Wie kann ich mein Passwort zurücksetzen?' });
    sim.visitorMessage(chat.id, 'Hallo?');
    const list = (await get(`/api/v2/zylker/conversations/${chat.id}/messages`)).body.data;
    expect(list.map((m: { message: { text: string } }) => m.message.text)).toEqual([
      'Wie kann ich mein Passwort zurücksetzen?',
      'Hallo?',
    ]);
    expect((await get(`/api/v2/zylker/conversations/${chat.id}/messages?limit=1`)).body.data).toHaveLength(1);

    const early = await api(sim, token, 'POST', `/api/v2/zylker/conversations/${chat.id}/messages`, { text: 'hi' });
    expect(early.json().error.code).toBe(1019);
    await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${chat.id}/pickup`);
    const sent = await api(sim, token, 'POST', `/api/v2/zylker/conversations/${chat.id}/messages`, { text: 'Gern!' });
    expect(sent.json()).toMatchObject({
      object: 'messages',
      data: { sender: { id: ME }, message: { text: 'Gern!' }, type: 'text' },
    });
    const missingText = await api(sim, token, 'POST', `/api/v2/zylker/conversations/${chat.id}/messages`, {});
    expect(missingText.json().error).toMatchObject({ code: 1007, json_key: 'text' });
  });
});

describe('pickup', () => {
  it('accepts PUT and POST by default; the switch rejects the other method with 1004 or 405', async () => {
    const a = sim.addChat();
    const b = sim.addChat();
    expect((await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${a.id}/pickup`)).json().data.attender.id).toBe(
      ME,
    );
    expect((await api(sim, token, 'POST', `/api/v2/zylker/conversations/${b.id}/pickup`)).json().data.status).toBe(
      'Connected',
    );

    const c = sim.addChat();
    sim.configure({ pickupMethod: 'put-only' });
    const wrong = await api(sim, token, 'POST', `/api/v2/zylker/conversations/${c.id}/pickup`);
    expect(wrong.status).toBe(200);
    expect(wrong.json()).toEqual({ error: { code: 1004, message: 'Invalid request type' } });
    sim.configure({ pickupMethod: 'post-only', wrongMethodAnswer: 'http405' });
    const put = await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${c.id}/pickup`);
    expect(put.status).toBe(405);
    expect(put.headers.allow).toBe('POST');
    expect((await api(sim, token, 'POST', `/api/v2/zylker/conversations/${c.id}/pickup`)).json().data.attender.id).toBe(
      ME,
    );
  });

  it('a chat taken by another operator answers "taken" in both configured ways', async () => {
    const chat = sim.addChat();
    sim.takeByOther(chat.id, '466756000000002005');
    const envelope = (await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${chat.id}/pickup`)).json();
    expect(envelope).toEqual({ error: { code: 1018, message: 'Chat already picked up by another operator' } });
    sim.configure({ takenAnswer: 'attender-not-me' });
    const body = (await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${chat.id}/pickup`)).json();
    expect(body.data).toMatchObject({ status: 'Connected', attender: { id: '466756000000002005' } });
  });

  it('missed and ended chats cannot be picked up', async () => {
    const missed = sim.addChat();
    sim.missChat(missed.id);
    const ended = sim.addChat();
    sim.endChat(ended.id);
    for (const id of [missed.id, ended.id]) {
      expect((await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${id}/pickup`)).json().error.code).toBe(1019);
    }
    expect(
      (await api(sim, token, 'PUT', '/api/v2/zylker/conversations/466756000099999999/pickup')).json().error.code,
    ).toBe(1010);
  });
});

describe('transfer, close, feedback', () => {
  it('transfers to a department (back to waiting) or an operator, then closes', async () => {
    const chat = sim.addChat();
    await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${chat.id}/pickup`);
    const noDept = await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${chat.id}/transfer`, { note: 'x' });
    expect(noDept.json().error).toMatchObject({ code: 1007, json_key: 'department_id' });
    const toSales = (
      await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${chat.id}/transfer`, { department_id: SALES })
    ).json();
    expect(toSales.data).toMatchObject({ status: 'Waiting', department: { id: SALES } });
    const toMei = (
      await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${chat.id}/transfer`, {
        department_id: SALES,
        operator_id: '466756000000002005',
        note: 'VIP',
      })
    ).json();
    expect(toMei.data.attender.id).toBe('466756000000002005');
    expect(
      (
        await api(sim, token, 'POST', `/api/v2/zylker/conversations/${chat.id}/transfer`, { department_id: SALES })
      ).json().error.code,
    ).toBe(1004);

    const closed = (await api(sim, token, 'POST', `/api/v2/zylker/conversations/${chat.id}/close`)).json();
    expect(closed.data).toMatchObject({ status: 'Ended', end_time: expect.stringMatching(EPOCH_MS) });
    expect((await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${chat.id}/close`)).json().error.code).toBe(
      1019,
    );
  });

  it('feedback exists for some ended chats and is an error otherwise', async () => {
    const ended = sim.state().conversations.filter((c) => c.conversation.status === 'Ended');
    const answers = await Promise.all(
      ended.map((c) => get(`/api/v2/zylker/conversations/${c.conversation.id}/feedback`)),
    );
    const rated = answers.filter((a) => a.body.data);
    expect(rated.length).toBeGreaterThan(0);
    expect(rated[0]!.body.data).toMatchObject({
      rating: expect.any(String),
      feedback: expect.any(String),
      submitted_time: expect.stringMatching(EPOCH_MS),
    });
    expect(answers.some((a) => a.body.error?.code === 1022)).toBe(true);
  });
});

describe('canned responses', () => {
  it('pages hold limit+1 items while more exist, across at least 3 pages', async () => {
    sim.configure({ cannedCount: 25 });
    const pages: string[][] = [];
    for (let page = 1; page <= 3; page += 1) {
      const { body } = await get(`/api/v2/zylker/cannedresponses?limit=10&page=${page}`);
      pages.push(body.data.map((c: { id: string }) => c.id));
    }
    expect(pages.map((p) => p.length)).toEqual([11, 11, 5]);
    expect(pages[0]![10]).toBe(pages[1]![0]);
    expect(pages[1]![10]).toBe(pages[2]![0]);
    const unique = new Set([...pages[0]!.slice(0, 10), ...pages[1]!.slice(0, 10), ...pages[2]!]);
    expect(unique.size).toBe(25);
    expect((await get('/api/v2/zylker/cannedresponses')).body.data).toHaveLength(11); // default limit 10
    expect((await get('/api/v2/zylker/cannedresponses?limit=100')).body.error.code).toBe(1008);
  });

  it('objects carry the documented fields; some are disabled', async () => {
    const { body } = await get('/api/v2/zylker/cannedresponses?limit=99&sort_by=usage_count&order=descending');
    const item = body.data[0];
    expect(Object.keys(item)).toEqual(
      expect.arrayContaining([
        'id',
        'content',
        'public',
        'enabled',
        'usage_count',
        'last_used_time',
        'created_time',
        'modified_time',
        'associate_with_all_departments',
        'categories',
        'creator',
        'modifier',
      ]),
    );
    const counts = body.data.map((c: { usage_count: number }) => c.usage_count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(body.data.some((c: { enabled: boolean }) => !c.enabled)).toBe(true);
    const categories = (await get('/api/v2/zylker/cannedresponsecategories?limit=99')).body.data;
    expect(categories.filter((c: { is_default: boolean }) => c.is_default)).toHaveLength(1);
    expect(categories[0]).toEqual({
      id: expect.stringMatching(BIG_ID),
      name: expect.any(String),
      is_default: expect.any(Boolean),
    });
  });

  it('walks 10,000 responses quickly with no overlap', async () => {
    const started = Date.now();
    sim.configure({ cannedCount: 10_000 });
    const seen = new Set<string>();
    for (let page = 1; ; page += 1) {
      const data = (await get(`/api/v2/zylker/cannedresponses?limit=99&page=${page}&sort_by=last_used_time`)).body
        .data as { id: string }[];
      data.slice(0, 99).forEach((c) => seen.add(c.id));
      if (data.length <= 99) break;
    }
    expect(seen.size).toBe(10_000);
    expect(Date.now() - started).toBeLessThan(8000);
  });
});

describe('visitors v3', () => {
  it('pages with next_key, or answers the plan error when disabled', async () => {
    const first = (await get('/api/v3/zylker/visitors?limit=20')).body;
    expect(first.data).toHaveLength(20);
    expect(first.data[0]).toEqual({
      name: expect.any(String),
      id: expect.stringMatching(BIG_ID),
      country: expect.any(String),
      lead_score: expect.any(Number),
      visit_count: expect.any(Number),
      first_accessed_time: expect.stringMatching(EPOCH_MS),
      last_accessed_time: expect.stringMatching(EPOCH_MS),
      visit_source: expect.any(String),
    });
    const second = (await get(`/api/v3/zylker/visitors?limit=20&next_key=${first.next_key}`)).body;
    expect(second.data[0].id).not.toBe(first.data[0].id);
    expect((await get('/api/v3/zylker/visitors?limit=201')).body.error.code).toBe(1008);
    sim.configure({ visitorsApi: 'disabled' });
    expect((await get('/api/v3/zylker/visitors')).body.error.message).toBe('Visitor Feature not enabled in this plan');
  });
});

describe('error envelopes (HTTP 200)', () => {
  it('1002 for a missing, malformed or unknown token; http401 switch makes it a real 401', async () => {
    const variants: Record<string, string>[] = [
      {},
      { Authorization: `Bearer ${token}` },
      { Authorization: 'Zoho-oauthtoken 1000.nope.nope' },
    ];
    for (const headers of variants) {
      const res = await send(sim.port, { host: 'salesiq.zoho.com', path: '/api/v2/zylker/departments', headers });
      expect(res.status).toBe(200);
      expect(res.json().error.code).toBe(1002);
    }
    sim.configure({ authErrorsAs: 'http401' });
    const res = await api(sim, undefined, 'GET', '/api/v2/zylker/departments');
    expect(res.status).toBe(401);
    expect(res.json().error.code).toBe(1002);
    expect(sim.requests().at(-1)).toMatchObject({ status: 401, authorized: false, kind: 'salesiq' });
  });

  it('1004 wrong method, 1005 bad screen, 1006 bad URL, 1003 missing scope', async () => {
    expect((await api(sim, token, 'DELETE', '/api/v2/zylker/departments')).json().error).toEqual({
      code: 1004,
      message: 'Invalid request type',
    });
    expect((await get('/api/v2/zylkr/departments')).body.error.code).toBe(1005);
    expect((await get('/api/v2/zylker/departmentz')).body.error).toEqual({ code: 1006, message: 'Invalid URL' });
    expect((await get('/api/v9/zylker/departments')).body.error.code).toBe(1006);
    const readOnly = await signIn(sim, { scopes: ['SalesIQ.conversations.READ'] });
    const chat = sim.addChat();
    const res = await api(sim, readOnly, 'PUT', `/api/v2/zylker/conversations/${chat.id}/pickup`);
    expect(res.status).toBe(200);
    expect(res.json().error.code).toBe(1003);
    expect((await api(sim, readOnly, 'GET', `/api/v2/zylker/conversations/${chat.id}`)).json().data.id).toBe(chat.id);
    const all = await signIn(sim, { scopes: ['SalesIQ.conversations.ALL'] });
    expect((await api(sim, all, 'PUT', `/api/v2/zylker/conversations/${chat.id}/pickup`)).json().data.status).toBe(
      'Connected',
    );
  });
});

describe('operator status', () => {
  it('PUT and POST set my status; the control API changes it behind my back', async () => {
    const put = (await api(sim, token, 'PUT', `/api/v2/zylker/operators/${ME}/status`, { status: 'Busy' })).json();
    expect(put.data).toMatchObject({ id: ME, status_code: 3 });
    const post = (
      await api(sim, token, 'POST', `/api/v2/zylker/operators/${ME}/status`, { status: 'Available' })
    ).json();
    expect(post.data.status_code).toBe(1);
    sim.setMyStatus('Busy');
    expect((await get(`/api/v2/zylker/operators/${ME}`)).body.data.status_code).toBe(3);
    expect(
      (await api(sim, token, 'PUT', `/api/v2/zylker/operators/${ME}/status`, { status: 'Away' })).json().error.code,
    ).toBe(1007);
    expect(
      (await api(sim, token, 'PUT', '/api/v2/zylker/operators/466756000000002003/status', { status: 'Busy' })).json()
        .error.code,
    ).toBe(1003);
  });
});

describe('portals and console', () => {
  it('several portals; chats belong to one', async () => {
    sim.configure({ portals: ['zylker', 'zylker-eu-brand'] });
    const portals = (await get('/api/v2/portals')).body.data.map((p: { screenname: string }) => p.screenname);
    expect(portals).toEqual(['zylker', 'zylker-eu-brand']);
    const chat = sim.addChat({ portal: 'zylker-eu-brand' });
    expect((await get(`/api/v2/zylker-eu-brand/conversations/${chat.id}`)).body.data.id).toBe(chat.id);
    expect((await get(`/api/v2/zylker/conversations/${chat.id}`)).body.error.code).toBe(1010);
  });

  it('serves a SalesIQ console page with a composer on non-API paths', async () => {
    const res = await send(sim.port, { host: 'salesiq.zoho.eu', path: '/zylker/mychats/19000000033103' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.text).toContain('<title>Zoho SalesIQ</title>');
    expect(res.text).toContain('19000000033103');
    expect(res.text).toMatch(/<form[^>]*>[\s\S]*<textarea[^>]*placeholder="Type a message"[\s\S]*<\/form>/);
  });
});

describe('hostile data', () => {
  it('a hostile chat is listed with injection strings, wrong types and unknown fields, all inert JSON', async () => {
    const chat = sim.addChat({ hostile: true });
    const details = (await get(`/api/v2/zylker/conversations/${chat.id}`)).body.data;
    expect(details.id).toBe(chat.id);
    expect(typeof details.visitor.phone).toBe('number');
    expect(details.visitor.country_code).toBeNull();
    expect(details.extra_unknown_field).toBeDefined();
    expect(details.chat_id).toBeUndefined();
    const texts = (await get(`/api/v2/zylker/conversations/${chat.id}/messages?limit=99`)).body.data.map(
      (m: { message: { text: string } }) => m.message.text,
    );
    expect(texts).toContain('<img src=x onerror=alert(1)>');
    expect(texts.some((t: string) => t.includes('\u202E'))).toBe(true);
    expect(Math.max(...texts.map((t: string) => t.length))).toBeGreaterThanOrEqual(100_000);
    // The console page escapes it.
    const page = await send(sim.port, { host: 'salesiq.zoho.com', path: `/zylker/mychats/${chat.id}` });
    expect(page.text).not.toContain('<img src=x onerror');
    expect(page.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('malformed mode mixes unusable items into lists', async () => {
    sim.configure({ malformedItems: true });
    const data = (await get('/api/v2/zylker/departments')).body.data as unknown[];
    expect(data).toContain(null);
    expect(data).toContain(42);
    expect(
      data.filter((d) => typeof d === 'object' && d !== null && (d as { name?: string }).name === 'Zylker'),
    ).toHaveLength(1);
  });
});
