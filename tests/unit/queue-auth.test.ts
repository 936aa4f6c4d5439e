import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { withAuth } from '../../lib/auth/session';
import { saveToken } from '../../lib/auth/token-store';
import { SessionChanged, announceCommittedWrites, db, readMeta, writeMeta } from '../../lib/db';
import { onTablesChanged } from '../../lib/db-changes';
import { pollWaitingChats } from '../../lib/queue/poll';
import { pickUpChat } from '../../lib/queue/pickup';
import { SalesIQError } from '../../lib/salesiq/errors';
import { storedChat, wireConversation } from './records-fixture';
import { ME, routedZoho, signedInWithScriptedZoho, type Route } from './signed-in-fixture';

/**
 * The queue and the session against a scripted SalesIQ (fetch) and Zoho renewal (identity):
 * the races and failure paths a browser test cannot stage precisely.
 */
const OTHER = '466756000000002003';

const { routes, calls, respond } = routedZoho();

// The chime's offscreen document does not exist here; count the chimes instead.
const playChime = vi.hoisted(() => vi.fn(async () => undefined));
vi.mock('../../lib/queue/sound', () => ({ playChime }));

const launchWebAuthFlow = vi.fn();
announceCommittedWrites();

beforeEach(async () => {
  routes.length = 0;
  calls.length = 0;
  await signedInWithScriptedZoho(launchWebAuthFlow, respond);
});

// A failed assertion must not leave the loop's timer running into the next test.
afterEach(async () => {
  await (await import('../../lib/queue/tick')).stopPolling();
  vi.unstubAllGlobals();
});

const waitingList =
  (...items: unknown[]): Route =>
  (url) =>
    url.pathname === '/api/v2/zylker/conversations' && url.searchParams.get('status') === 'waiting'
      ? { body: { data: items } }
      : undefined;

describe('pollWaitingChats', () => {
  it('does not undo a pickup that finished while the poll was under way', async () => {
    const pollStart = Date.now() - 10;
    routes.push(waitingList(wireConversation('c1')));
    // The operator picked c1 up after the poll's list request was sent.
    await db.chats.put(storedChat('c1', { status: 'connected', updatedAt: Date.now(), pickedUpAt: Date.now() }));
    const result = await pollWaitingChats(pollStart);
    expect(result.waiting).toEqual([]);
    expect((await db.chats.get('c1'))?.status).toBe('connected');
  });

  it('closes a chat that left the queue even when SalesIQ will not say what became of it', async () => {
    await db.chats.put(storedChat('gone'));
    routes.push(waitingList(wireConversation('new')));
    routes.push((url) =>
      url.pathname.endsWith('/conversations/gone')
        ? { status: 403, body: { error: { code: 1003, message: 'No permission' } } }
        : undefined,
    );
    const result = await pollWaitingChats();
    expect(result.waiting.map((c) => c.id)).toEqual(['new']);
    expect(result.gone).toMatchObject([{ outcome: 'ended' }]);
    expect((await db.chats.get('gone'))?.status).toBe('ended');
  });

  it('keeps a chat for the next poll when the lookup fails for a while', async () => {
    await db.chats.put(storedChat('gone'));
    routes.push(waitingList());
    routes.push((url) => (url.pathname.endsWith('/conversations/gone') ? { status: 503, body: {} } : undefined));
    const result = await pollWaitingChats();
    expect(result.gone).toEqual([]);
    expect((await db.chats.get('gone'))?.status).toBe('waiting');
  });

  it('rewrites only the chats that changed since the last poll', async () => {
    const c1 = wireConversation('c1');
    const c2 = wireConversation('c2');
    routes.push(waitingList(c1, c2));
    await pollWaitingChats(1_000);
    expect((await db.chats.get('c1'))?.updatedAt).toBe(1_000);

    // Same queue again: both are still waiting, nothing is rewritten, and open pages hear nothing.
    let chatsChanged = false;
    const stop = onTablesChanged(['chats'], () => (chatsChanged = true));
    const again = await pollWaitingChats(2_000);
    await new Promise((resolve) => setTimeout(resolve, 50)); // notices arrive asynchronously
    stop();
    expect(chatsChanged).toBe(false);
    expect(again.waiting.map((c) => c.id).sort()).toEqual(['c1', 'c2']);
    expect((await db.chats.get('c1'))?.updatedAt).toBe(1_000);
    expect((await db.chats.get('c2'))?.updatedAt).toBe(1_000);

    // The visitor edited the question of c2: only c2 is written.
    routes.splice(0, routes.length, waitingList(c1, { ...c2, question: 'Where is my order?' }));
    await pollWaitingChats(3_000);
    expect((await db.chats.get('c1'))?.updatedAt).toBe(1_000);
    expect(await db.chats.get('c2')).toMatchObject({ question: 'Where is my order?', updatedAt: 3_000 });
  });

  it('pages through more than 99 waiting chats', async () => {
    const all = Array.from({ length: 120 }, (_, i) => wireConversation(`c${i}`));
    routes.push((url) => {
      if (!url.pathname.endsWith('/conversations')) return undefined;
      const page = Number(url.searchParams.get('page') ?? '1');
      return { body: { data: all.slice((page - 1) * 99, page * 99) } };
    });
    expect((await pollWaitingChats()).waiting).toHaveLength(120);
  });

  it('writes nothing when the operator signed out while it ran', async () => {
    routes.push((url, init) => {
      if (!url.pathname.endsWith('/conversations')) return undefined;
      void init;
      return { body: { data: [wireConversation('late')] } };
    });
    const fetchMock = vi.mocked(fetch);
    fetchMock.mockImplementationOnce(async (url, init) => {
      await writeMeta('session', { state: 'signed-out', updatedAt: 2 }); // sign-out lands mid-request
      return respond(String(url), init);
    });
    await expect(pollWaitingChats()).rejects.toBeInstanceOf(SessionChanged);
    expect(await db.chats.count()).toBe(0);
  });
});

// After every renewal the extension asks /portals who "me" is; here Zoho renewed the same operator.
const samePortals: Route = (url) =>
  url.pathname === '/api/v2/portals'
    ? { body: { data: [{ screenname: 'zylker', name: 'Zylker', operator_id: ME }] } }
    : undefined;

describe('withAuth', () => {
  beforeEach(() => {
    routes.push(samePortals);
  });

  it('renews once and retries; a refused fresh token ends the session instead of minting more', async () => {
    launchWebAuthFlow.mockImplementation(async ({ url }: { url: string }) => {
      const state = new URL(url).searchParams.get('state');
      return `https://abc.chromiumapp.org/#access_token=1000.renewed${launchWebAuthFlow.mock.calls.length}.abc&expires_in=3600&state=${state}`;
    });
    const refuse = () => {
      throw new SalesIQError('auth', 'Invalid authorization header', { code: 1002 });
    };
    const tokensTried: string[] = [];
    await expect(withAuth(async (t) => (tokensTried.push(t.token), refuse()))).rejects.toMatchObject({ kind: 'auth' });
    // Renewed exactly once, and the renewed token was really tried before giving up.
    expect(tokensTried).toEqual(['token-1', '1000.renewed1.abc']);
    expect(launchWebAuthFlow).toHaveBeenCalledTimes(1);
    expect((await readMeta('session'))?.state).toBe('expired');
  });

  it('uses a token another caller already renewed instead of minting a second one', async () => {
    launchWebAuthFlow.mockImplementation(
      async ({ url }: { url: string }) =>
        `https://abc.chromiumapp.org/#access_token=1000.fresh.token&expires_in=3600&state=${new URL(url).searchParams.get('state')}`,
    );
    const seen: string[] = [];
    const call = async (target: { token: string }) => {
      seen.push(target.token);
      if (target.token === 'token-1') throw new SalesIQError('auth', 'expired');
      return target.token;
    };
    await expect(Promise.all([withAuth(call), withAuth(call)])).resolves.toEqual([
      '1000.fresh.token',
      '1000.fresh.token',
    ]);
    expect(launchWebAuthFlow).toHaveBeenCalledTimes(1);
  });

  it('stays signed in when renewal fails only because Zoho cannot be reached', async () => {
    await saveToken({ accessToken: 'old', issuedAt: 0, expiresAt: 1, location: 'us' });
    launchWebAuthFlow.mockRejectedValue(new Error('Authorization page could not be loaded.'));
    await expect(withAuth(async () => 'never')).rejects.toMatchObject({ kind: 'network' });
    expect((await readMeta('session'))?.state).toBe('signed-in');
    launchWebAuthFlow.mockRejectedValue(new Error('User interaction required.'));
    await expect(withAuth(async () => 'never')).rejects.toMatchObject({ kind: 'auth' });
    expect((await readMeta('session'))?.state).toBe('expired');
  });
});

describe('pickUpChat', () => {
  it('succeeds only when SalesIQ names this operator as the attender', async () => {
    routes.push((url, init) =>
      url.pathname.endsWith('/pickup') && init.method === 'PUT'
        ? { body: { data: wireConversation('p1', { status: 'Waiting' }) } }
        : undefined,
    );
    routes.push((url) =>
      url.pathname.endsWith('/conversations/p1')
        ? { body: { data: wireConversation('p1', { status: 'Connected', attender: { id: OTHER, name: 'Arjun' } }) } }
        : undefined,
    );
    await expect(pickUpChat('p1')).rejects.toMatchObject({
      kind: 'taken',
      message: 'Arjun picked up this chat first.',
    });
    routes.unshift((url, init) =>
      url.pathname.endsWith('/pickup') && init.method === 'PUT'
        ? { body: { data: wireConversation('p2', { status: 'Connected', attender: { id: ME, name: 'Patricia' } }) } }
        : undefined,
    );
    await expect(pickUpChat('p2')).resolves.toMatchObject({ id: 'p2', status: 'connected' });
    expect((await db.chats.get('p2'))?.pickedUpAt).toBeGreaterThan(0);
  });

  it('falls back to POST when PUT is the wrong method, and remembers it', async () => {
    routes.push((url, init) =>
      url.pathname.endsWith('/pickup') && init.method === 'PUT'
        ? { body: { error: { code: 1004, message: 'Invalid request type' } } }
        : undefined,
    );
    routes.push((url, init) =>
      url.pathname.endsWith('/pickup') && init.method === 'POST'
        ? {
            body: {
              data: wireConversation(url.pathname.split('/')[5]!, {
                status: 'Connected',
                attender: { id: ME, name: 'Patricia' },
              }),
            },
          }
        : undefined,
    );
    await pickUpChat('m1');
    await pickUpChat('m2');
    expect(calls.filter((c) => c.endsWith('/pickup'))).toEqual([
      'PUT /api/v2/zylker/conversations/m1/pickup',
      'POST /api/v2/zylker/conversations/m1/pickup',
      'POST /api/v2/zylker/conversations/m2/pickup',
    ]);
  });
});

describe('runTick', () => {
  it('shows a chat’s first notification on the next poll when showing it failed', async () => {
    const { runTick } = await import('../../lib/queue/tick');
    routes.push(waitingList(wireConversation('n1')));
    routes.push((url) =>
      url.pathname.endsWith('/operators/' + ME)
        ? {
            body: {
              data: { id: ME, first_name: 'Patricia', status_code: 1, departments: [{ id: 'd1', name: 'Sales' }] },
            },
          }
        : undefined,
    );
    const create = vi
      .spyOn(browser.notifications, 'create')
      .mockRejectedValueOnce(new Error('Notifications are blocked'));
    await runTick('manual');
    expect((await db.alerts.get('n1'))?.notifiedAt).toBeUndefined();
    expect(Object.keys(await browser.notifications.getAll())).toEqual([]);
    await runTick('manual');
    expect(create).toHaveBeenCalledTimes(2);
    expect(Object.keys(await browser.notifications.getAll())).toEqual(['chat:n1']);
    expect((await db.alerts.get('n1'))?.notifiedAt).toBeGreaterThan(0);
    await runTick('manual');
    expect(create).toHaveBeenCalledTimes(2); // once shown, never again
  });

  it('plays one chime for a turn in which several chats escalate, and none for a turn without', async () => {
    const { runTick } = await import('../../lib/queue/tick');
    const longWait = { start_time: String(Date.now() - 45_000) }; // past the 40 s escalation, before 60 s missed
    routes.push(
      waitingList(wireConversation('e1', longWait), wireConversation('e2', longWait), wireConversation('e3', longWait)),
    );
    routes.push((url) =>
      url.pathname.endsWith('/operators/' + ME)
        ? {
            body: {
              data: { id: ME, first_name: 'Patricia', status_code: 1, departments: [{ id: 'd1', name: 'Sales' }] },
            },
          }
        : undefined,
    );
    playChime.mockClear();
    await runTick('manual');
    const shown = await browser.notifications.getAll();
    expect(Object.keys(shown).sort()).toEqual(['chat:e1', 'chat:e2', 'chat:e3']);
    expect(playChime).toHaveBeenCalledTimes(1);
    await runTick('manual');
    expect(playChime).toHaveBeenCalledTimes(1); // already escalated: no second chime
  });

  it('keeps the turn’s chime when a later escalation fails, and plays none with sound off', async () => {
    const { runTick } = await import('../../lib/queue/tick');
    const { updateSettings } = await import('../../lib/settings');
    const longWait = { start_time: String(Date.now() - 45_000) };
    routes.push(waitingList(wireConversation('f1', longWait), wireConversation('f2', longWait)));
    routes.push((url) =>
      url.pathname.endsWith('/operators/' + ME)
        ? {
            body: {
              data: { id: ME, first_name: 'Patricia', status_code: 1, departments: [{ id: 'd1', name: 'Sales' }] },
            },
          }
        : undefined,
    );
    playChime.mockClear();
    const create = vi.spyOn(browser.notifications, 'create');
    create.mockImplementationOnce(async () => 'chat:f1').mockRejectedValueOnce(new Error('Notifications are blocked'));
    await runTick('manual');
    expect((await db.alerts.get('f1'))?.escalatedAt).toBeGreaterThan(0);
    expect((await db.alerts.get('f2'))?.escalatedAt).toBeUndefined();
    expect(playChime).toHaveBeenCalledTimes(1);
    await updateSettings({ sound: false });
    await runTick('manual'); // f2 escalates now, silently
    expect((await db.alerts.get('f2'))?.escalatedAt).toBeGreaterThan(0);
    expect(playChime).toHaveBeenCalledTimes(1);
  });
});

describe('runTick, a stuck turn and a long outage', () => {
  const operatorRoute: Route = (url) =>
    url.pathname.endsWith('/operators/' + ME)
      ? {
          body: {
            data: { id: ME, first_name: 'Patricia', status_code: 1, departments: [{ id: 'd1', name: 'Sales' }] },
          },
        }
      : undefined;

  it('lets a turn overtaken past the deadline neither alert nor overwrite the newer turn’s poll state', async () => {
    const { runTick, TURN_DEADLINE_MS } = await import('../../lib/queue/tick');
    routes.push(waitingList(wireConversation('o1')), operatorRoute);
    // The first list request hangs until released, then answers 500.
    let release!: () => void;
    const hung = new Promise<Response>((resolve) => {
      release = () => resolve(new Response(JSON.stringify({ error: { code: 500, message: 'Down' } }), { status: 500 }));
    });
    let first = true;
    vi.mocked(fetch).mockImplementation(async (url, init) => {
      if (first && String(url).includes('/conversations?')) {
        first = false;
        return hung;
      }
      return respond(String(url), init);
    });
    const oldTurn = runTick('manual');
    await vi.waitFor(() => expect(first).toBe(false));
    const realNow = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + TURN_DEADLINE_MS + 1_000);
    await runTick('manual'); // a new turn: polls, notifies o1, writes a success
    expect((await readMeta('poll'))?.error).toBeUndefined();
    const create = vi.spyOn(browser.notifications, 'create');
    release();
    await oldTurn;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await readMeta('poll'))?.error).toBeUndefined();
    expect((await readMeta('poll'))?.failures).toBe(0);
    expect(create).not.toHaveBeenCalled();
    vi.mocked(Date.now).mockRestore();
  });

  it('polls for a popup opened or Retry now while a turn that found nothing due is still running', async () => {
    const { runTick } = await import('../../lib/queue/tick');
    routes.push(operatorRoute);
    routes.push((url) =>
      url.pathname.endsWith('/conversations')
        ? { status: 500, body: { error: { code: 500, message: 'Down' } } }
        : undefined,
    );
    const listCalls = () => calls.filter((c) => c === 'GET /api/v2/zylker/conversations').length;
    for (const reason of ['visible', 'manual'] as const) {
      const failingSince = Date.now() - 90_000;
      await writeMeta('poll', {
        failures: 8,
        failingSince,
        nextPollAt: Date.now() + 50_000,
        error: { kind: 'server', message: 'Down', at: failingSince },
      });
      const before = listCalls();
      // A worker start (or alarm) inside the backoff is running when the popup's message arrives.
      const startup = runTick('startup');
      await runTick(reason);
      await startup;
      expect(listCalls(), reason).toBe(before + 1);
    }
  });

  it('stores SalesIQ’s clock offset with the chats it applies to, so a page never measures them without it', async () => {
    const { resetServerClock } = await import('../../lib/salesiq/server-clock');
    resetServerClock();
    routes.push(waitingList(wireConversation('clock1', { start_time: String(Date.now() + 90_000 - 1_000) })));
    // SalesIQ's clock runs 90 s ahead of this machine.
    vi.mocked(fetch).mockImplementation(async (url, init) => {
      const answer = respond(String(url), init);
      const headers = new Headers(answer.headers);
      headers.set('Date', new Date(Date.now() + 90_000).toUTCString());
      return new Response(await answer.text(), { status: answer.status, headers });
    });
    const seen: (number | undefined)[] = [];
    const stop = onTablesChanged(['chats'], () => void readMeta('poll').then((p) => seen.push(p?.clockOffsetMs)));
    await pollWaitingChats();
    // As a page reads it the moment the chat appears, before the turn writes its outcome.
    const offset = (await readMeta('poll'))?.clockOffsetMs;
    expect(Math.abs((offset ?? 0) - 90_000)).toBeLessThan(1_500);
    await vi.waitFor(() => expect(seen.length).toBeGreaterThan(0));
    expect(seen.every((o) => o !== undefined && Math.abs(o - 90_000) < 1_500)).toBe(true);
    stop();
    resetServerClock();
  });

  it('gives up a hung waiting-list request after about 5 s, not the default 15 s', async () => {
    vi.mocked(fetch).mockImplementation(
      (_url, init) =>
        new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        }),
    );
    const started = Date.now();
    await expect(pollWaitingChats()).rejects.toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 12_000);

  it('tells the operator SalesIQ is failing 30 s after the first failure, even inside a long 5xx backoff', async () => {
    const { runTick } = await import('../../lib/queue/tick');
    const { SERVICE_NOTICE_ID } = await import('../../lib/queue/notifications');
    routes.push(operatorRoute);
    routes.push((url) =>
      url.pathname.endsWith('/conversations')
        ? { status: 500, body: { error: { code: 500, message: 'Down' } } }
        : undefined,
    );
    const failingSince = Date.now() - 29_300;
    await writeMeta('poll', {
      failures: 6,
      failingSince,
      lastAttemptAt: failingSince,
      error: { kind: 'server', message: 'Down', at: failingSince },
    });
    await runTick('manual'); // fails again; the 5xx backoff is now 30-60 s
    expect(Object.keys(await browser.notifications.getAll())).not.toContain(SERVICE_NOTICE_ID);
    expect((await readMeta('poll'))!.nextPollAt! - Date.now()).toBeGreaterThan(20_000);
    await vi.waitFor(
      async () => expect(Object.keys(await browser.notifications.getAll())).toContain(SERVICE_NOTICE_ID),
      { timeout: 2_000, interval: 100 },
    );
  });
});

describe('pollWaitingChats, settling chats that left the list', () => {
  it('keeps a chat that SalesIQ still shows as waiting, and closes one missing for a minute without asking', async () => {
    await db.chats.bulkPut([storedChat('lagging'), storedChat('long-gone', { missingSince: Date.now() - 61_000 })]);
    routes.push(waitingList());
    routes.push((url) =>
      url.pathname.endsWith('/conversations/lagging') ? { body: { data: wireConversation('lagging') } } : undefined,
    );
    const result = await pollWaitingChats();
    expect(result.gone.map((g) => [g.chat.id, g.outcome])).toEqual([['long-gone', 'ended']]);
    expect((await db.chats.get('lagging'))?.status).toBe('waiting');
    expect((await db.chats.get('lagging'))?.missingSince).toBeGreaterThan(0);
    expect(calls.filter((c) => c.includes('/conversations/long-gone'))).toEqual([]);
  });

  it('ignores a fresh pickup still listed as waiting, but takes back a chat picked up long ago', async () => {
    const now = Date.now();
    await db.chats.bulkPut([
      storedChat('just-picked', { status: 'connected', pickedUpAt: now - 5_000, updatedAt: now - 5_000 }),
      storedChat('transferred-back', { status: 'connected', pickedUpAt: now - 600_000, updatedAt: now - 600_000 }),
    ]);
    routes.push(waitingList(wireConversation('just-picked'), wireConversation('transferred-back')));
    const result = await pollWaitingChats(now);
    expect(result.waiting.map((c) => c.id)).toEqual(['transferred-back']);
    expect((await db.chats.get('transferred-back'))?.pickedUpAt).toBeUndefined();
    expect((await db.chats.get('just-picked'))?.status).toBe('connected');
  });
});

describe('rate limits', () => {
  it('waits for Retry-After, but never more than five minutes', async () => {
    const { blockedUntil, noteRateLimit } = await import('../../lib/salesiq/rate-limit');
    const now = 1_000_000;
    await noteRateLimit('salesiq.zoho.com', 86_400_000, now);
    expect(await blockedUntil('salesiq.zoho.com', now)).toBe(now + 300_000);
    expect(await blockedUntil('salesiq.zoho.com', now + 300_001)).toBeUndefined();
  });
});

describe('signIn', () => {
  it('keeps an expired session expired when the new sign-in is cancelled', async () => {
    const { signIn } = await import('../../lib/auth/session');
    await writeMeta('session', { ...(await readMeta('session'))!, state: 'expired' });
    launchWebAuthFlow.mockRejectedValue(new Error('The user did not approve access.'));
    const session = await signIn();
    expect(session).toMatchObject({ state: 'expired', error: 'Sign-in was cancelled.' });
  });

  it('forgets the previous account’s chats when another person signs in', async () => {
    const { signIn } = await import('../../lib/auth/session');
    await db.chats.put(
      storedChat('old', { status: 'connected', question: 'Private', visitor: { name: 'Old visitor' }, pickedUpAt: 1 }),
    );
    await writeMeta('session', { ...(await readMeta('session'))!, state: 'expired' });
    launchWebAuthFlow.mockImplementation(
      async ({ url }: { url: string }) =>
        `https://abc.chromiumapp.org/#access_token=1000.other.person&expires_in=3600&state=${new URL(url).searchParams.get('state')}`,
    );
    const someoneElse = '466756000000002099';
    routes.push((url) =>
      url.pathname === '/api/v2/portals'
        ? { body: { data: [{ screenname: 'zylker', name: 'Zylker', operator_id: someoneElse }] } }
        : undefined,
    );
    routes.push((url) =>
      url.pathname.endsWith(`/operators/${someoneElse}`)
        ? {
            body: {
              data: { id: someoneElse, first_name: 'Mei', email_id: 'mei@zylker.com', status_code: 1, departments: [] },
            },
          }
        : undefined,
    );
    const session = await signIn();
    expect(session).toMatchObject({ state: 'signed-in', operatorName: 'Mei' });
    expect(await db.chats.count()).toBe(0);
  });
});

describe('refreshOperatorStatus', () => {
  const operatorAnswer =
    (data: Record<string, unknown>, beforeAnswer?: () => Promise<void>): Route =>
    (url) => {
      if (!url.pathname.endsWith('/operators/' + ME)) return undefined;
      void beforeAnswer?.();
      return { body: { data: { id: ME, first_name: 'Patricia', ...data } } };
    };

  it('keeps the known departments when the operator record names none', async () => {
    const { refreshOperatorStatus } = await import('../../lib/queue/operator-status');
    await writeMeta('session', {
      ...(await readMeta('session'))!,
      departments: [
        { id: 'd1', name: 'Sales' },
        { id: 'd2', name: 'Support' },
      ],
    });
    routes.push(operatorAnswer({ status_code: 1 }));
    await refreshOperatorStatus();
    expect((await readMeta('session'))?.departments?.map((d) => d.id)).toEqual(['d1', 'd2']);
  });

  it('does not overwrite a status the operator chose while the read was under way', async () => {
    const { refreshOperatorStatus } = await import('../../lib/queue/operator-status');
    await writeMeta('operator', { status: 'available', updatedAt: 1 });
    let chosen: Promise<void> | undefined;
    // SalesIQ answers "Available" (read before the change), but Busy was chosen meanwhile.
    routes.push(
      operatorAnswer(
        { status_code: 1 },
        () => (chosen = writeMeta('operator', { status: 'busy', updatedAt: Date.now() })),
      ),
    );
    await refreshOperatorStatus();
    await chosen;
    expect((await readMeta('operator'))?.status).toBe('busy');
  });
});
