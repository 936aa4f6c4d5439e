import { afterEach, describe, expect, it } from 'vitest';
import { badgeText, badgeTitle, notificationIds, readRecord, salesiqRequests, signIn, startWorld, type World } from './world';

/**
 * One focused test per fault the queue loop must survive (issue 13). The timings asserted here are
 * generous correctness bounds; the shift benchmark measures the figures.
 */
const NOTICE = 'companion:cannot-deliver';
const listCalls = (world: World) => salesiqRequests(world.sim).filter((r) => r.path.endsWith('/conversations') && r.query.status === 'waiting');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Time from `since` to the first successful list call that started after it. */
async function nextSuccessfulPollAfter(world: World, since: number, timeout = 30_000): Promise<number> {
  await expect.poll(() => listCalls(world).some((r) => r.t >= since && r.status === 200), { timeout, interval: 100 }).toBe(true);
  return listCalls(world).find((r) => r.t >= since && r.status === 200)!.t - since;
}

describe('the queue under faults', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('polls again within seconds of a 20 s network outage ending, without the browser noticing', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    await popup.close(); // no open page: only the loop's own cadence brings it back
    await expect.poll(() => listCalls(world!).filter((r) => r.status === 200).length, { timeout: 15_000 }).toBeGreaterThan(1);
    world.sim.setOutage(true);
    await expect.poll(() => badgeText(world!.ext), { timeout: 20_000 }).toBe('off');
    await sleep(20_000);
    const backAt = Date.now();
    world.sim.setOutage(false);
    const recoveryMs = await nextSuccessfulPollAfter(world, backAt);
    console.log(`recovery after a 20 s outage: ${recoveryMs} ms`);
    expect(recoveryMs).toBeLessThan(15_000);
    await expect.poll(() => badgeText(world!.ext), { timeout: 10_000 }).toBe('');
  });

  it('recovers from a burst of 5xx by itself', async () => {
    world = await startWorld();
    await signIn(world);
    world.sim.setFault({ kind: 'http', status: 503, path: '/conversations', times: 4 });
    await expect.poll(() => badgeText(world!.ext), { timeout: 15_000 }).toBe('!');
    await expect.poll(() => badgeText(world!.ext), { timeout: 30_000 }).toBe('');
  });

  it('keeps polling after a request that never answers, once the request times out', async () => {
    world = await startWorld();
    await signIn(world);
    const hungAt = Date.now();
    world.sim.setFault({ kind: 'hang', path: '/conversations', times: 1 });
    await expect.poll(() => listCalls(world!).some((r) => r.t >= hungAt && r.fault === 'hang'), { timeout: 15_000 }).toBe(true);
    const hung = listCalls(world).find((r) => r.t >= hungAt && r.fault === 'hang')!;
    // The request timeout is 15 s; the next try follows within the network retry (≤ 8 s).
    const afterMs = await nextSuccessfulPollAfter(world, hung.t + 1, 40_000);
    console.log(`next successful poll after a hung request: ${afterMs} ms`);
    expect(afterMs).toBeLessThan(15_000 + 8_000 + 2_000);
  });

  it('never leaves a notification on screen for a chat picked up while a poll was under way', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    const chats = [];
    for (let i = 0; i < 4; i++) {
      const chat = world.sim.addChat({ question: `Race ${i}` });
      chats.push(chat);
      // Pick it up the moment the background has stored it: the same turn is about to alert.
      await expect.poll(async () => (await readRecord(world!.ext, 'chats', chat.id)) !== undefined, { timeout: 15_000, interval: 50 }).toBe(true);
      await popup.evaluate((id) => browser.runtime.sendMessage({ type: 'pickUp', conversationId: id }), chat.id);
    }
    for (const chat of chats) {
      await expect.poll(() => world!.sim.state().conversations.find((c) => c.conversation.id === chat.id)?.conversation.status, { timeout: 10_000 }).toBe('Connected');
    }
    // Two more turns: nothing may come back, and nothing may stay.
    const seen = listCalls(world).length;
    await expect.poll(() => listCalls(world!).length, { timeout: 15_000 }).toBeGreaterThan(seen + 2);
    expect((await notificationIds(world.ext)).filter((id) => id.startsWith('chat:'))).toEqual([]);
  });

  it('tells the operator on the desktop and in the popup when the silent renewal is refused, and signs in from the notice', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    world.sim.configure({ refresh: 'prompt_required' });
    const revokedAt = Date.now();
    world.sim.setFault({ kind: 'revokeAll', path: '/conversations', times: 1 });
    await expect.poll(() => notificationIds(world!.ext), { timeout: 20_000, interval: 200 }).toContain(NOTICE);
    console.log(`renewal refused → desktop notice: ${Date.now() - revokedAt} ms`);
    expect(Date.now() - revokedAt).toBeLessThan(15_000);
    const expired = { name: 'Your Zoho sign-in has expired.' };
    await expect.poll(() => popup.getByRole('heading', expired).count(), { timeout: 5_000 }).toBe(1);
    const sidepanel = await world.ext.openPage('sidepanel');
    await expect.poll(() => sidepanel.getByRole('heading', expired).count(), { timeout: 5_000 }).toBe(1);
    // Not repeated while the problem lasts.
    await sleep(3_000);
    expect((await notificationIds(world.ext)).filter((id) => id === NOTICE)).toHaveLength(1);

    // The notice's "Sign in" button signs in (an interactive flow may start from a notification click).
    await world.ext.worker.evaluate((id) => (browser.notifications.onButtonClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(id, 0), NOTICE);
    await expect.poll(() => notificationIds(world!.ext), { timeout: 20_000 }).not.toContain(NOTICE);
    await expect.poll(() => badgeTitle(world!.ext), { timeout: 15_000 }).toMatch(/no chats waiting/);
  });

  it('tells the operator once when SalesIQ has failed for more than 30 s, and withdraws it when fixed', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    world.sim.setFault({ kind: 'http', status: 500, path: '/conversations' });
    await expect.poll(() => notificationIds(world!.ext), { timeout: 60_000, interval: 500 }).toContain(NOTICE);
    await expect.poll(() => popup.getByText(/New chats are not reaching you/).count(), { timeout: 5_000 }).toBe(1);
    world.sim.clearFaults();
    // The notice's "Retry" polls at once, inside the backoff.
    await world.ext.worker.evaluate((id) => (browser.notifications.onButtonClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(id, 0), NOTICE);
    await expect.poll(() => notificationIds(world!.ext), { timeout: 10_000 }).not.toContain(NOTICE);
    await expect.poll(() => popup.getByText(/New chats are not reaching you/).count(), { timeout: 5_000 }).toBe(0);
  });
});
