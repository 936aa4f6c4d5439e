/**
 * My chats in the simulator: unread_chats / last_message_info on connected chats, the operator's
 * own messages (API or console) counting as the answer, visitors who write and leave by themselves,
 * and faults on the routes the extension reads them with.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator } from './index';
import { api, signIn } from './client';
import type { Simulator } from './types';
import { World } from './world';
import { DEFAULT_CONFIG } from './config';
import { VisitorActivity } from './visitor-activity';
import type { SimulatorConfig } from './types';

let sim: Simulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7, seedChat: false });
  token = await signIn(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset({ keepTokens: true }));

const PATRICIA = '466756000000002001';
const get = (path: string) => api(sim, token, 'GET', path).then((r) => r.json());

async function myConnectedChat() {
  const chat = sim.addChat({ visitor: { name: 'Ines' }, question: 'Hello?' });
  await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${chat.id}/pickup`);
  return chat.id;
}

describe('unread_chats and last_message_info', () => {
  it('count the visitor lines since the operator last spoke, and name the last line', async () => {
    const id = await myConnectedChat();
    let chat = (await get(`/api/v2/zylker/conversations/${id}`)).data;
    expect(chat.unread_chats).toBe(false);
    expect(chat.last_message_info).toBeUndefined(); // nobody spoke since the pickup
    sim.visitorMessage(id, 'Are you there?');
    sim.visitorMessage(id, 'Hello??');
    chat = (await get(`/api/v2/zylker/conversations/${id}`)).data;
    expect(chat.unread_chats).toBe(2);
    expect(chat.last_message_info).toMatchObject({
      sender: { type: 'visitor', name: 'Ines' },
      message: { text: 'Hello??' },
    });
    expect(typeof chat.last_message_info.time).toBe('string');

    // The operator's message through the API (the canned Send) is the answer.
    await api(sim, token, 'POST', `/api/v2/zylker/conversations/${id}/messages`, { text: 'Yes, here.' });
    chat = (await get(`/api/v2/zylker/conversations/${id}`)).data;
    expect(chat.unread_chats).toBe(false);
    expect(chat.last_message_info).toMatchObject({
      sender: { id: PATRICIA, type: 'operator' },
      message: { text: 'Yes, here.' },
    });

    sim.visitorMessage(id); // a generated follow-up
    sim.consoleReply(id, 'Answered in the console');
    chat = (await get(`/api/v2/zylker/conversations/${id}`)).data;
    expect(chat.unread_chats).toBe(false);
    expect(chat.last_message_info.message.text).toBe('Answered in the console');
  });

  it('lists my connected chats by attender, per department', async () => {
    const id = await myConnectedChat();
    const mine = (await get(`/api/v2/zylker/conversations?status=connected&attender_id=${PATRICIA}`)).data;
    expect(mine.map((c: { id: string }) => c.id)).toContain(id);
    expect(mine.every((c: { attender: { id: string } }) => c.attender.id === PATRICIA)).toBe(true);
    const sales = (
      await get(
        `/api/v2/zylker/conversations?status=connected&attender_id=${PATRICIA}&department_id=466756000000002015`,
      )
    ).data;
    expect(sales.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('the control API makes a visitor write now and the operator answer in the console', async () => {
    const id = await myConnectedChat();
    const control = (path: string, body: unknown) => api(sim, undefined, 'POST', `/__sim/chats/${id}/${path}`, body);
    const line = (await control('messages', {})).json();
    expect(line.message.text.length).toBeGreaterThan(0);
    expect((await control('console-reply', { text: 'On it' })).json().message.text).toBe('On it');
    expect((await control('console-reply', {})).status).toBe(400);
    const chat = (await get(`/api/v2/zylker/conversations/${id}`)).data;
    expect(chat.unread_chats).toBe(false);
  });

  it('faults apply to the messages read like any other route', async () => {
    const id = await myConnectedChat();
    sim.setFault({ kind: 'http', status: 503, path: /\/messages$/, method: 'GET', times: 1 });
    expect((await api(sim, token, 'GET', `/api/v2/zylker/conversations/${id}/messages`)).status).toBe(503);
    expect((await api(sim, token, 'GET', `/api/v2/zylker/conversations/${id}/messages`)).status).toBe(200);
  });
});

describe('visitors who write and leave by themselves', () => {
  function world(patch: Partial<SimulatorConfig>) {
    const config: SimulatorConfig = {
      ...DEFAULT_CONFIG,
      portals: [...DEFAULT_CONFIG.portals],
      seedChat: false,
      ...patch,
    };
    const w = new World(3, () => config, 1_000_000);
    const chat = w.addChat({}, 1_000_000);
    w.pickUp(chat, w.myId, 1_001_000);
    return {
      w,
      chat,
      activity: new VisitorActivity(
        () => w,
        () => config,
        3,
      ),
    };
  }

  it('write follow-ups at the configured rate, the same lines for the same seed', () => {
    const run = () => {
      const { w, chat, activity } = world({ visitorWritesPerMin: 6 });
      for (let s = 0; s < 600; s++) activity.tick(1_002_000 + s * 1000);
      return w.chat(chat.id, 1_700_000).messages.map((m) => `${m.time}:${m.text}`);
    };
    const first = run();
    // 10 minutes at 6 a minute per connected chat: dozens of lines, not zero and not one a second.
    expect(first.length).toBeGreaterThan(20);
    expect(first.length).toBeLessThan(200);
    expect(run()).toEqual(first);
  });

  it('leave when nobody answers within the configured time, and never when answered', () => {
    const { w, chat, activity } = world({ visitorLeavesAfterMs: 30_000, visitorLeaveChance: 1 });
    w.visitorMessage(chat.id, 'Hello?', 1_002_000);
    activity.tick(1_020_000);
    expect(w.chat(chat.id, 1_020_000).state).toBe('connected');
    activity.tick(1_033_000);
    expect(w.chat(chat.id, 1_033_000).state).toBe('ended');

    const answered = world({ visitorLeavesAfterMs: 30_000, visitorLeaveChance: 1 });
    answered.w.visitorMessage(answered.chat.id, 'Hello?', 1_002_000);
    answered.w.operatorMessage(answered.chat, answered.w.me, 'Hi!', 1_010_000);
    answered.activity.tick(1_100_000);
    expect(answered.w.chat(answered.chat.id, 1_100_000).state).toBe('connected');
  });
});
