import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { api, signIn } from './client';
import { startSimulator } from './index';
import type { Simulator } from './types';

/** The simulator's routes behind the side panel's composer, End chat and Transfer. */
const ME = '466756000000002001';
const LUKAS = '466756000000002007'; // Zylker only
const MEI = '466756000000002005'; // Sales and Technical Support
const SUPPORT = '466756000000002017';

let sim: Simulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7 });
  token = await signIn(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset({ keepTokens: true }));

async function myChat() {
  const chat = sim.addChat({ question: 'Hello?' });
  await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${chat.id}/pickup`);
  return chat.id;
}

describe('composer, close and transfer routes', () => {
  it('a line the operator sends is in the chat’s messages, after the visitor’s', async () => {
    const id = await myChat();
    sim.visitorMessage(id, 'Are you there?');
    await api(sim, token, 'POST', `/api/v2/zylker/conversations/${id}/messages`, {
      text: 'Yes, here!\nHow can I help?',
    });
    const list = (await api(sim, token, 'GET', `/api/v2/zylker/conversations/${id}/messages`)).json().data;
    expect(list.map((m: { message: { text: string } }) => m.message.text)).toEqual([
      'Hello?',
      'Are you there?',
      'Yes, here!\nHow can I help?',
    ]);
    expect(list.at(-1).sender.id).toBe(ME);
  });

  it('a transfer’s colleague must be in the target department', async () => {
    const id = await myChat();
    const wrong = (
      await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${id}/transfer`, {
        department_id: SUPPORT,
        operator_id: LUKAS,
      })
    ).json();
    expect(wrong.error).toMatchObject({ code: 1007, json_key: 'operator_id' });
    const unknownDepartment = (
      await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${id}/transfer`, { department_id: '1' })
    ).json();
    expect(unknownDepartment.error.code).toBe(1010);
    const right = (
      await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${id}/transfer`, {
        department_id: SUPPORT,
        operator_id: MEI,
      })
    ).json();
    expect(right.data).toMatchObject({ department: { id: SUPPORT }, attender: { id: MEI } });
  });

  it('faults apply to close and transfer: a lost answer still ends the chat', async () => {
    const id = await myChat();
    sim.setFault({ kind: 'lostAnswer', path: `/conversations/${id}/close`, times: 1 });
    await api(sim, token, 'POST', `/api/v2/zylker/conversations/${id}/close`).catch(() => undefined);
    expect(sim.state().conversations.find((c) => c.conversation.id === id)!.conversation.status).toBe('Ended');
    sim.setFault({ kind: 'http', status: 503, path: '/transfer', times: 1 });
    const other = await myChat();
    const refused = await api(sim, token, 'PUT', `/api/v2/zylker/conversations/${other}/transfer`, {
      department_id: SUPPORT,
    });
    expect(refused.status).toBe(503);
    expect(sim.state().conversations.find((c) => c.conversation.id === other)!.conversation.status).toBe('Connected');
  });
});
