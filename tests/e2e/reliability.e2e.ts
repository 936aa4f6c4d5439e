import { afterEach, describe, expect, it } from 'vitest';
import {
  badgeText,
  badgeTitle,
  notificationIds,
  openPopup,
  readRecord,
  salesiqRequests,
  signIn,
  startWorld,
  type World,
} from './world';

/**
 * One focused test per fault the queue loop must survive (issue 13). The timings asserted here are
 * generous correctness bounds; the shift benchmark measures the figures.
 */
const NOTICE = 'companion:cannot-deliver';
const listCalls = (world: World) =>
  salesiqRequests(world.sim).filter((r) => r.path.endsWith('/conversations') && r.query.status === 'waiting');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Time from `since` to the first successful list call that started after it. */
async function nextSuccessfulPollAfter(world: World, since: number, timeout = 30_000): Promise<number> {
  await expect
    .poll(() => listCalls(world).some((r) => r.t >= since && r.status === 200), { timeout, interval: 100 })
    .toBe(true);
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
    await expect
      .poll(() => listCalls(world!).filter((r) => r.status === 200).length, { timeout: 15_000 })
      .toBeGreaterThan(1);
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
    world.sim.setFault({ kind: 'http', status: 503, path: 'status=waiting', times: 4 });
    await expect.poll(() => badgeText(world!.ext), { timeout: 15_000 }).toBe('!');
    await expect.poll(() => badgeText(world!.ext), { timeout: 30_000 }).toBe('');
  });

  it('polls at once when the popup opens during a long 5xx outage, and again on "Retry now"', async () => {
    // Chrome itself refuses an extension's requests to a URL (query ignored) after 3 or more 500/503
    // answers in a row, for 0.7 s × 1.4^(errors − 3), ±40 %, up to 15 min: "Anti-DDoS HTTP Throttling
    // of Extension-Originated Requests" (Chromium's extensions/renderer/extension_throttle_entry.cc).
    // The refused fetch fails at once without reaching SalesIQ, so with it on, a click here reached
    // SalesIQ only when Chrome let it (measured 5–8 s). This test decides what the extension does
    // with the click, so it turns that off; how the queue copes with Chrome's throttle is not
    // measured here.
    world = await startWorld({}, { args: ['--disable-extensions-http-throttling'] });
    const first = await signIn(world);
    await first.close();
    world.sim.setFault({ kind: 'http', status: 503, path: '/conversations' });
    const failures = () => listCalls(world!).filter((r) => r.status === 503);
    // Over a minute of failures: the backoff is long now (tens of seconds between tries).
    await sleep(65_000);
    expect(failures().length).toBeGreaterThanOrEqual(4);
    const openedAt = Date.now();
    const popup = await openPopup(world.ext);
    await expect.poll(() => failures().some((r) => r.t >= openedAt), { timeout: 5_000, interval: 100 }).toBe(true);
    console.log(
      `popup opened in a 5xx outage → list request after ${failures().find((r) => r.t >= openedAt)!.t - openedAt} ms`,
    );
    const retry = popup.getByRole('button', { name: 'Retry now' });
    await retry.waitFor({ timeout: 5_000 });
    await sleep(1_000);
    const clickedAt = Date.now();
    await retry.click();
    // Within 3 s (measured under 0.1 s): after a minute of failures the next scheduled try is
    // ≥ 30 s away, so only the click explains the request.
    await expect.poll(() => failures().some((r) => r.t >= clickedAt), { timeout: 3_000, interval: 100 }).toBe(true);
    console.log(
      `Retry now in a 5xx outage → list request after ${failures().find((r) => r.t >= clickedAt)!.t - clickedAt} ms`,
    );
    // SalesIQ back: "Retry now" brings a new chat at once.
    world.sim.clearFaults();
    const chat = world.sim.addChat({ question: 'Are you back?' });
    const againAt = Date.now();
    await retry.click();
    await expect.poll(() => notificationIds(world!.ext), { timeout: 3_000 }).toContain(`chat:${chat.id}`);
    console.log(`Retry now after the outage → notification after ${Date.now() - againAt} ms`);
  }, 180_000); // sleeps through a minute of failures on purpose

  it('measures waits on SalesIQ’s clock: a fresh chat shows a few seconds and is not escalated, whichever way the clocks differ', async () => {
    for (const clockOffsetMs of [90_000, -90_000]) {
      world = await startWorld({ clockOffsetMs });
      // Added before sign-in: the popup shows it right after signing in, from the very first poll.
      const chat = world.sim.addChat({ visitor: { name: `Clock ${clockOffsetMs}` }, question: 'What time is it?' });
      const popup = await signIn(world);
      const row = popup.getByRole('listitem').filter({ hasText: `Clock ${clockOffsetMs}` });
      await row.waitFor({ timeout: 15_000 });
      // "0:02", not "1:32" (nor stuck at 0:00 for a minute and a half): small from the first paint, and counting.
      const shownWait = async () => {
        const match = /(?<!\d)(\d+):(\d\d)(?!\d)/.exec((await row.textContent()) ?? '');
        return match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
      };
      const first = await shownWait();
      expect(first).toBeLessThan(15);
      await sleep(3_000);
      const later = await shownWait();
      expect(later).toBeGreaterThanOrEqual(first + 2);
      expect(later).toBeLessThan(20);
      await expect.poll(() => notificationIds(world!.ext), { timeout: 15_000 }).toContain(`chat:${chat.id}`);
      const alert = await readRecord<{ notifiedAt?: number; escalatedAt?: number }>(world.ext, 'alerts', chat.id);
      expect(alert?.notifiedAt).toBeGreaterThan(0);
      expect(alert?.escalatedAt).toBeUndefined();
      expect(await badgeTitle(world.ext)).toMatch(/the oldest for \d{1,2} s\./);
      await world.close();
      world = undefined;
    }
  });

  it('keeps polling after a request that never answers, once the request times out', async () => {
    world = await startWorld();
    await signIn(world);
    const hungAt = Date.now();
    // Only the waiting list: a My chats list (also `/conversations`) could take the one hang, and
    // then no waiting-list call would hang at all.
    world.sim.setFault({ kind: 'hang', path: 'status=waiting', times: 1 });
    await expect
      .poll(() => listCalls(world!).some((r) => r.t >= hungAt && r.fault === 'hang'), { timeout: 15_000 })
      .toBe(true);
    const hung = listCalls(world).find((r) => r.t >= hungAt && r.fault === 'hang')!;
    // A waiting-list call times out after 5 s; the next try follows within the network retry (≤ 8 s).
    const afterMs = await nextSuccessfulPollAfter(world, hung.t + 1, 40_000);
    console.log(`next successful poll after a hung request: ${afterMs} ms`);
    expect(afterMs).toBeLessThan(5_000 + 8_000 + 2_000);
  });

  it('never leaves a notification on screen for a chat picked up while a poll was under way', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    const chats = [];
    for (let i = 0; i < 4; i++) {
      const chat = world.sim.addChat({ question: `Race ${i}` });
      chats.push(chat);
      // Pick it up the moment the background has stored it: the same turn is about to alert.
      await expect
        .poll(async () => (await readRecord(world!.ext, 'chats', chat.id)) !== undefined, {
          timeout: 15_000,
          interval: 50,
        })
        .toBe(true);
      await popup.evaluate((id) => browser.runtime.sendMessage({ type: 'pickUp', conversationId: id }), chat.id);
    }
    for (const chat of chats) {
      await expect
        .poll(() => world!.sim.state().conversations.find((c) => c.conversation.id === chat.id)?.conversation.status, {
          timeout: 10_000,
        })
        .toBe('Connected');
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
    await world.ext.worker.evaluate(
      (id) =>
        (browser.notifications.onButtonClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(id, 0),
      NOTICE,
    );
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
    await world.ext.worker.evaluate(
      (id) =>
        (browser.notifications.onButtonClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(id, 0),
      NOTICE,
    );
    await expect.poll(() => notificationIds(world!.ext), { timeout: 10_000 }).not.toContain(NOTICE);
    await expect.poll(() => popup.getByText(/New chats are not reaching you/).count(), { timeout: 5_000 }).toBe(0);
  }, 150_000); // 30 s of failures on purpose
});
