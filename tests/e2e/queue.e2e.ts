import { afterEach, describe, expect, it } from 'vitest';
import {
  badgeText,
  badgeTitle,
  notificationIds,
  readRecord,
  salesiqRequests,
  signIn,
  startWorld,
  type World,
} from './world';

const listCalls = (world: World) =>
  salesiqRequests(world.sim).filter((r) => r.path.endsWith('/conversations') && r.query.status === 'waiting');

describe('the live queue', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });
  it('withdraws the notification when another operator takes the chat, or it goes missed', async () => {
    world = await startWorld({ missedAfterMs: 8_000 });
    await signIn(world);
    const taken = world.sim.addChat({ question: 'Taken soon' });
    const missed = world.sim.addChat({ question: 'Nobody answers' });
    await expect.poll(async () => (await notificationIds(world!.ext)).length, { timeout: 15_000 }).toBe(2);
    world.sim.takeByOther(taken.id);
    await expect.poll(() => notificationIds(world!.ext), { timeout: 15_000 }).toEqual([`chat:${missed.id}`]);
    await expect.poll(() => badgeText(world!.ext)).toBe('1');
    await expect.poll(() => notificationIds(world!.ext), { timeout: 20_000 }).toEqual([]);
    await expect.poll(() => badgeText(world!.ext)).toBe('');
  });

  it('waits for Retry-After before asking again after a 429', async () => {
    world = await startWorld();
    await signIn(world);
    const faultAt = Date.now();
    // The waiting list's call, not My chats' (the same path, status=connected): this test follows
    // the list calls. A 429 on any call blocks the host for the background (lib/salesiq/rate-limit.ts).
    world.sim.setFault({ kind: 'http', status: 429, retryAfterSec: 12, path: 'status=waiting', times: 1 });
    await expect.poll(() => badgeText(world!.ext), { timeout: 15_000 }).toContain('!');
    const limited = listCalls(world).find((r) => r.t >= faultAt && r.status === 429)!;
    expect(limited).toBeDefined();
    await expect.poll(() => badgeText(world!.ext), { timeout: 30_000 }).toBe('');
    const next = listCalls(world).find((r) => r.t > limited.t)!;
    expect(next.t - limited.t).toBeGreaterThanOrEqual(12_000);
  });

  it('backs off on server errors and recovers by itself', async () => {
    world = await startWorld();
    await signIn(world);
    const faultAt = Date.now();
    world.sim.setFault({ kind: 'http', status: 503, path: '/conversations' });
    await expect.poll(() => badgeText(world!.ext), { timeout: 15_000 }).toBe('!');
    expect(await badgeTitle(world.ext)).toMatch(/SalesIQ is having trouble/);
    // Long enough for four tries at 2 s × 2ⁿ (jitter 50–100 %): waits ≤ 2 + 4 + 8 s.
    await new Promise((r) => setTimeout(r, 16_000));
    const failed = listCalls(world).filter((r) => r.t >= faultAt && r.status === 503);
    const gaps = failed.slice(1).map((r, i) => r.t - failed[i]!.t);
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    // Exponential: the third wait is at least 4 s, the first at most 2 s (plus a request). A fixed
    // cadence (e.g. the open popup's 2 s) or a single gap fails here.
    expect(gaps[2]!).toBeGreaterThanOrEqual(gaps[0]! * 1.5);
    expect(gaps[2]!).toBeGreaterThanOrEqual(3_500);
    world.sim.clearFaults();
    const chat = world.sim.addChat({ question: 'Back again?' });
    await expect.poll(() => notificationIds(world!.ext), { timeout: 60_000 }).toEqual([`chat:${chat.id}`]);
    await expect.poll(() => badgeText(world!.ext)).toBe('1');
  });

  it('shows an offline marker and recovers when the network is back', async () => {
    world = await startWorld();
    await signIn(world);
    world.sim.setFault({ kind: 'reset', path: '/conversations' });
    await expect.poll(() => badgeText(world!.ext), { timeout: 15_000 }).toBe('off');
    expect(await badgeTitle(world.ext)).toMatch(/cannot be reached/);
    world.sim.clearFaults();
    await expect.poll(() => badgeText(world!.ext), { timeout: 30_000 }).toBe('');
  });
  it('picks the chat up from the notification’s "Pick up" button', async () => {
    world = await startWorld();
    await signIn(world);
    const chat = world.sim.addChat({ visitor: { name: 'Noor' }, question: 'Is the sale still on?' });
    await expect.poll(() => notificationIds(world!.ext), { timeout: 15_000 }).toEqual([`chat:${chat.id}`]);
    // Chromium's own event dispatch runs the listener exactly as a click on the button would.
    await world.ext.worker.evaluate(
      (id) =>
        (browser.notifications.onButtonClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
          `chat:${id}`,
          0,
        ),
      chat.id,
    );
    await expect
      .poll(() => world!.sim.state().conversations.find((c) => c.conversation.id === chat.id)?.conversation.status, {
        timeout: 15_000,
      })
      .toBe('Connected');
    const attender = world.sim.state().conversations.find((c) => c.conversation.id === chat.id)?.conversation.attender;
    expect(attender?.id).toBe(world.sim.state().myOperatorId);
    await expect.poll(() => notificationIds(world!.ext)).toEqual([]);
    await expect.poll(() => badgeText(world!.ext)).toBe('');
    expect(
      (await readRecord<{ pickedUpAt?: number; clickedAt?: number }>(world.ext, 'alerts', chat.id))?.pickedUpAt,
    ).toBeGreaterThan(0);
  });
});
