/**
 * The live world: missed deadline, other operators winning the race, the lively scenario, and a
 * generator that is deterministic per seed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { api, signIn } from './client';
import { startSimulator } from './index';
import type { Simulator, SimulatorOptions } from './types';

const started: Simulator[] = [];
async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator({ port: 0, ...options });
  started.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((sim) => sim.close()));
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything about the world except wall-clock times. */
function timeless(sim: Simulator) {
  return sim.state().conversations.map(({ portal, conversation: c, messages }) => ({
    portal,
    id: c.id,
    status: c.status,
    question: c.question,
    visitor: c.visitor,
    department: c.department,
    attender: c.attender?.id,
    messages: messages.map((m) => [m.id, m.sender.name, m.message.text]),
  }));
}

describe('missed deadline', () => {
  it('an unanswered waiting chat turns Missed after missedAfterMs, with an exact missed_time', async () => {
    const sim = await start({ missedAfterMs: 300 });
    const token = await signIn(sim);
    const chat = sim.addChat();
    const waiting = (await api(sim, token, 'GET', `/api/v2/zylker/conversations/${chat.id}`)).json().data;
    expect(waiting.status).toBe('Waiting');
    await sleep(350);
    const missed = (await api(sim, token, 'GET', `/api/v2/zylker/conversations/${chat.id}`)).json().data;
    expect(missed).toMatchObject({ status: 'Missed', chat_status: { label: 'Missed' } });
    expect(Number(missed.missed_time) - Number(missed.start_time)).toBe(300);
    expect((await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${chat.id}/pickup`)).json().error.code).toBe(
      1019,
    );
  });

  it('startedAgoMs moves the deadline closer; missedAfterMs 0 never misses', async () => {
    const sim = await start({ missedAfterMs: 60_000 });
    const late = sim.addChat({ startedAgoMs: 59_900 });
    await sleep(150);
    expect(sim.state().conversations.find((c) => c.conversation.id === late.id)!.conversation.status).toBe('Missed');
    sim.configure({ missedAfterMs: 0 });
    const forever = sim.addChat({ startedAgoMs: 10 * 60_000 });
    expect(sim.state().conversations.find((c) => c.conversation.id === forever.id)!.conversation.status).toBe(
      'Waiting',
    );
  });
});

describe('other operators', () => {
  it('takeByOther makes my pickup fail as taken and the list show their attender', async () => {
    const sim = await start();
    const token = await signIn(sim);
    const chat = sim.addChat();
    const taken = sim.takeByOther(chat.id);
    expect(taken.attender!.id).not.toBe(sim.state().myOperatorId);
    const pickup = (await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${chat.id}/pickup`)).json();
    expect(pickup.error.code).toBe(1018);
    const waiting = (await api(sim, token, 'GET', '/api/v2/zylker/conversations?status=waiting')).json().data;
    expect(waiting.map((c: { id: string }) => c.id)).not.toContain(chat.id);
    expect(() => sim.takeByOther(chat.id)).toThrow(/connected/);
  });
});

describe('generator', () => {
  it('is deterministic per seed, including chats added later', async () => {
    const a = await start({ seed: 42 });
    const b = await start({ seed: 42 });
    const c = await start({ seed: 43 });
    for (const sim of [a, b, c]) for (let i = 0; i < 5; i += 1) sim.addChat();
    expect(timeless(a)).toEqual(timeless(b));
    expect(timeless(a)).not.toEqual(timeless(c));
    const token = await signIn(a);
    const tokenB = await signIn(b);
    const canned = (await api(a, token, 'GET', '/api/v2/zylker/cannedresponses?limit=99')).json().data;
    const cannedB = (await api(b, tokenB, 'GET', '/api/v2/zylker/cannedresponses?limit=99')).json().data;
    expect(canned.map((x: { content: string }) => x.content)).toEqual(
      cannedB.map((x: { content: string }) => x.content),
    );
    a.reset();
    expect(timeless(a)).toEqual(timeless(await start({ seed: 42 })));
  });

  it('has returning visitors with history, anonymous visitors, and many scripts', async () => {
    const sim = await start({ seed: 3 });
    for (let i = 0; i < 30; i += 1) sim.addChat();
    const conversations = sim.state().conversations.map((c) => c.conversation);
    const byEmail = new Map<string, number>();
    for (const c of conversations)
      if (c.visitor.email) byEmail.set(c.visitor.email, (byEmail.get(c.visitor.email) ?? 0) + 1);
    expect([...byEmail.values()].some((n) => n >= 2)).toBe(true);
    const anonymous = conversations.filter((c) => /^Visitor \d+$/.test(c.visitor.name));
    expect(anonymous.length).toBeGreaterThan(0);
    expect(anonymous.every((c) => c.visitor.email === undefined)).toBe(true);
    const text = conversations.map((c) => `${c.visitor.name} ${c.question}`).join(' ');
    for (const script of [
      /[\u0590-\u05FF]/,
      /[\u0600-\u06FF]/,
      /[\u3040-\u30FF\u4E00-\u9FFF]/,
      /[\u0900-\u097F]/,
      /[äöüßñé]/,
      /\p{Extended_Pictographic}/u,
    ]) {
      expect(text).toMatch(script);
    }
    expect(conversations.some((c) => c.visitor.phone === undefined)).toBe(true);
  });

  it('visitor-kind and explicit visitor fields are honoured; a known email reuses that visitor', async () => {
    const sim = await start();
    const ana = sim.addChat({ visitor: { name: 'Ana Lima', email: 'ana@example.com' } });
    expect(ana.visitor).toMatchObject({ name: 'Ana Lima', email: 'ana@example.com' });
    const again = sim.addChat({ visitor: { email: 'ana@example.com' } });
    expect(again.visitor.id).toBe(ana.visitor.id);
    expect(sim.addChat({ visitorKind: 'anonymous' }).visitor.email).toBeUndefined();
  });
});

describe('lively scenario', () => {
  it('creates waiting chats on a schedule, and stops when switched back to quiet', async () => {
    const sim = await start({ scenario: 'lively', liveSpeed: 100, seed: 5 });
    const waiting = () => sim.state().conversations.filter((c) => c.conversation.status === 'Waiting').length;
    const initial = sim.state().conversations.length;
    expect(waiting()).toBeGreaterThanOrEqual(3); // seed chat + two starters
    await sleep(700); // 70 simulated seconds: at least 2 arrivals
    expect(sim.state().conversations.length).toBeGreaterThanOrEqual(initial + 2);
    sim.configure({ scenario: 'quiet' });
    const frozen = sim.state().conversations.length;
    await sleep(300);
    expect(sim.state().conversations.length).toBe(frozen);
  });
});

describe('my status', () => {
  it('setMyStatus shows in state and the operator API', async () => {
    const sim = await start();
    sim.setMyStatus('Busy');
    expect(sim.state().myStatus).toBe('Busy');
    const token = await signIn(sim);
    const me = (await api(sim, token, 'GET', `/api/v2/zylker/operators/${sim.state().myOperatorId}`)).json().data;
    expect(me.status_code).toBe(3);
  });
});
