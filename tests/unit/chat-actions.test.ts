import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endChat, transferChat } from '../../lib/chat/chat-actions';
import { actionRefusal, closeOutcome, refusalWords, transferOutcome } from '../../lib/chat/action-outcome';
import { composeBlock, composeBlockText } from '../../lib/chat/compose-rule';
import { sendComposed } from '../../lib/chat/compose';
import { db } from '../../lib/db';
import { SalesIQError } from '../../lib/salesiq/errors';
import type { Conversation } from '../../lib/salesiq/types';
import { storedChat, wireConversation } from './records-fixture';
import { ME, routedZoho, signedInWithScriptedZoho, type RouteAnswer } from './signed-in-fixture';

/**
 * End chat, Transfer and the composer's send rule, against a scripted SalesIQ: a lost answer is
 * read back (never sent again for one press), a refusal is said in words.
 */
const MEI = '466756000000002005';
const SUPPORT = '466756000000002017';

let script: (method: string, path: string) => RouteAnswer | undefined;
const { routes, calls, respond } = routedZoho();
routes.push((url, init) => script(init.method ?? 'GET', url.pathname));

const person = (id: string, name: string) => ({ id, name });
/** c1, Patricia's chat, as SalesIQ sends it. */
const wire = (extra: Record<string, unknown> = {}) =>
  wireConversation('c1', { status: 'Connected', start_time: '1000', attender: person(ME, 'Patricia'), ...extra });

beforeEach(async () => {
  calls.length = 0;
  script = () => undefined;
  await signedInWithScriptedZoho(vi.fn(), respond);
  await db.chats.put(
    storedChat('c1', {
      status: 'connected',
      department: { id: 'd1', name: 'Sales' },
      attender: { id: ME, name: 'Patricia', isBot: false },
      startTime: 1000,
      pickedUpAt: 1,
    }),
  );
});

afterEach(() => vi.unstubAllGlobals());

const closes = () => calls.filter((c) => c.endsWith('/close'));
const transfers = () => calls.filter((c) => c.endsWith('/transfer'));

describe('End chat', () => {
  it('ends the chat and saves it as ended (the chooser drops it)', async () => {
    script = (method, path) =>
      path.endsWith('/close') ? { body: { data: wire({ status: 'Ended', end_time: '2000' }) } } : undefined;
    await expect(endChat('c1')).resolves.toMatchObject({ status: 'ended' });
    expect((await db.chats.get('c1'))?.status).toBe('ended');
    expect(closes()).toEqual(['PUT /api/v2/zylker/conversations/c1/close']);
  });

  it('a lost answer is read back: ended counts as done, and a second press while it runs sends nothing more', async () => {
    let ended = false;
    script = (method, path) => {
      if (path.endsWith('/close')) {
        ended = true;
        return 'reset';
      }
      if (method === 'GET' && path.endsWith('/conversations/c1'))
        return { body: { data: wire(ended ? { status: 'Ended' } : {}) } };
      return undefined;
    };
    const [first, second] = await Promise.all([endChat('c1'), endChat('c1')]);
    expect(first.status).toBe('ended');
    expect(second).toBe(first);
    expect(closes()).toHaveLength(1);
  });

  it('a lost answer with the chat still mine says it was not ended; the read failing too says "not clear" and the next press reads first', async () => {
    let readFails = true;
    script = (method, path) => {
      if (path.endsWith('/close')) return 'reset';
      if (method === 'GET' && path.endsWith('/conversations/c1'))
        return readFails ? 'reset' : { body: { data: wire({ status: 'Ended' }) } };
      return undefined;
    };
    await expect(endChat('c1')).rejects.toMatchObject({
      message: expect.stringMatching(
        /^SalesIQ did not answer, so it is not clear whether the chat was ended\. Press End chat again/,
      ),
    });
    readFails = false;
    // SalesIQ had ended it: the second press finds that out and does not close again.
    await expect(endChat('c1')).resolves.toMatchObject({ status: 'ended' });
    expect(closes()).toHaveLength(1);
  });

  it('a refusal SalesIQ answered is said in words, and nothing is read back', async () => {
    script = (method, path) =>
      path.endsWith('/close') ? { body: { error: { code: 1003, message: 'no scope' } } } : undefined;
    await expect(endChat('c1')).rejects.toMatchObject({
      kind: 'permission',
      message: 'Your SalesIQ role does not allow this. Ask a SalesIQ admin for access. The chat was not ended.',
    });
    expect(calls.filter((c) => c.startsWith('GET'))).toEqual([]);
  });
});

describe('Transfer', () => {
  it('sends department and colleague, and a transfer to a colleague is done when they have it', async () => {
    script = (method, path) =>
      path.endsWith('/transfer')
        ? {
            body: {
              data: wire({ department: { id: SUPPORT, name: 'Technical Support' }, attender: person(MEI, 'Mei') }),
            },
          }
        : undefined;
    const fetchMock = vi.mocked(globalThis.fetch);
    await expect(transferChat('c1', { departmentId: SUPPORT, operatorId: MEI, note: ' VIP ' })).resolves.toMatchObject({
      department: { id: SUPPORT },
    });
    const body: unknown = JSON.parse(
      String(fetchMock.mock.calls.find(([url]) => String(url).endsWith('/transfer'))![1]!.body),
    );
    expect(body).toEqual({ department_id: SUPPORT, operator_id: MEI, note: 'VIP' });
    expect(transfers()).toEqual(['PUT /api/v2/zylker/conversations/c1/transfer']);
  });

  it('refuses bad ids before anything is sent', async () => {
    await expect(transferChat('c1', { departmentId: '../x' })).rejects.toThrow('That department is not valid.');
    await expect(transferChat('c1', { departmentId: SUPPORT, operatorId: 42 })).rejects.toThrow(
      'That colleague is not valid.',
    );
    expect(calls).toEqual([]);
  });

  it('a lost answer is read back: in the new department without me counts as transferred, once', async () => {
    let moved = false;
    script = (method, path) => {
      if (path.endsWith('/transfer')) {
        moved = true;
        return 'reset';
      }
      if (method === 'GET')
        return {
          body: {
            data: moved
              ? wire({ status: 'Waiting', department: { id: SUPPORT, name: 'Technical Support' }, attender: undefined })
              : wire(),
          },
        };
      return undefined;
    };
    await expect(transferChat('c1', { departmentId: SUPPORT })).resolves.toMatchObject({ status: 'waiting' });
    expect(transfers()).toHaveLength(1);
  });
});

describe('outcomes and words', () => {
  const chat = (extra: Partial<Conversation>) =>
    ({ id: 'c', status: 'connected', question: '', startTime: 0, visitor: {}, ...extra }) as Conversation;
  const mine = { id: ME, name: 'Patricia', isBot: false };
  const mei = { id: MEI, name: 'Mei', isBot: false };

  it('closeOutcome and transferOutcome read the chat', () => {
    expect(closeOutcome(chat({ status: 'ended' }), ME)).toEqual({ kind: 'done' });
    expect(closeOutcome(chat({ attender: mine }), ME)).toEqual({ kind: 'unchanged' });
    expect(closeOutcome(chat({ attender: mei }), ME)).toEqual({ kind: 'not-mine', by: 'Mei' });
    const target = { departmentId: SUPPORT };
    expect(transferOutcome(chat({ department: { id: SUPPORT, name: 'S' } }), target, ME)).toEqual({ kind: 'done' });
    expect(transferOutcome(chat({ department: { id: SUPPORT, name: 'S' }, attender: mine }), target, ME)).toEqual({
      kind: 'unchanged',
    });
    expect(
      transferOutcome(
        chat({ department: { id: SUPPORT, name: 'S' }, attender: mei }),
        { ...target, operatorId: MEI },
        ME,
      ),
    ).toEqual({ kind: 'done' });
    expect(transferOutcome(chat({ department: { id: 'd1', name: 'S' }, attender: mei }), target, ME)).toEqual({
      kind: 'not-mine',
      by: 'Mei',
    });
    expect(transferOutcome(chat({ status: 'ended' }), target, ME)).toEqual({ kind: 'ended' });
  });

  it('says what did not happen in plain words', () => {
    expect(actionRefusal('transfer', { kind: 'not-mine', by: 'Mei' }).message).toBe(
      'Mei has this chat now, so it was not transferred.',
    );
    expect(actionRefusal('close', { kind: 'unchanged' }, { unanswered: true }).message).toBe(
      'SalesIQ did not answer, and the chat is still yours: it was not ended. Try again.',
    );
    expect(refusalWords('close', new SalesIQError('offline', 'x')).message).toBe(
      'You are offline: the chat was not ended. Try again when the connection is back.',
    );
    expect(refusalWords('transfer', new SalesIQError('method', 'HTTP 405')).message).not.toContain('HTTP');
  });

  it('the composer is open only in a connected chat of mine, and says why not', () => {
    expect(composeBlock(chat({ attender: mine }), ME)).toBeUndefined();
    expect(composeBlockText(composeBlock(chat({ status: 'ended' }), ME)!)).toBe(
      'This chat has ended, so no more messages can be sent to it.',
    );
    expect(composeBlockText(composeBlock(chat({ attender: mei }), ME)!)).toMatch(
      /^Mei is in this chat: only they can reply\./,
    );
    expect(composeBlock(chat({ status: 'waiting' }), ME)).toEqual({ kind: 'waiting' });
  });

  it('sendComposed says a refusal in words', async () => {
    script = (method, path) =>
      method === 'POST' && path.endsWith('/messages')
        ? { body: { error: { code: 1003, message: 'no scope' } } }
        : undefined;
    await expect(sendComposed('c1', 'Hello')).rejects.toThrow(
      'Not sent. Your SalesIQ role does not allow this. Ask a SalesIQ admin for access.',
    );
  });

  it('sendComposed refuses an ended chat at the boundary, without a request', async () => {
    await db.chats.update('c1', { status: 'ended' });
    await expect(sendComposed('c1', 'Hello')).rejects.toThrow(
      'This chat has ended, so no more messages can be sent to it.',
    );
    await expect(sendComposed('../c1', 'Hello')).rejects.toThrow('That chat is not valid.');
    expect(calls).toEqual([]);
  });
});
