import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../simulator/types';
import { workerStopper } from './worker-stop';
import { notificationIds, openPopup, signIn, startWorld, waitFor, type World } from './world';

/**
 * "Unknown outcome is not failure", one fault each, in the store build against the simulator: a
 * pickup or a Send whose answer never came is read back from SalesIQ before the operator is told
 * anything, and one click never reaches SalesIQ twice.
 *
 * The simulator's lost answers are cut after the head (`lostAnswer`). A connection that closes
 * before any header, on a reused keep-alive socket, is re-sent by Chromium's network stack on its
 * own, whatever the method (measured: a second PUT 7 ms after the first, with no answer in
 * between): the extension never sees that loss and cannot stop that resend.
 */
const ME = '466756000000002001';
const ARJUN = '466756000000002003';

const pickUpButton = (page: Page, name: string) => page.getByRole('button', { name: `Pick up chat from ${name}` });
const pickupsOf = (sim: Simulator, chatId: string) =>
  sim.requests().filter((r) => r.path.endsWith(`/conversations/${chatId}/pickup`));
const conversationOf = (sim: Simulator, chatId: string) =>
  sim.state().conversations.find((c) => c.conversation.id === chatId)!;

/** What the background noted as sent and not yet settled, read by an extension page. */
function inFlightPickups(page: Page): Promise<Record<string, number>> {
  type Session = { get(key: string): Promise<Record<string, Record<string, number> | undefined>> };
  return page.evaluate(async () => {
    const session = (globalThis as unknown as { chrome: { storage: { session: Session } } }).chrome.storage.session;
    return (await session.get('pickupsInFlight')).pickupsInFlight ?? {};
  });
}

/** The notification's "Pick up" button, pressed: Chromium's own dispatch runs the listener. */
async function pressNotificationPickUp(world: World, chatId: string): Promise<void> {
  // The worker running now: after a stop, a new one (the first one's handle is closed).
  const worker = await waitFor(
    () => world.ext.context.serviceWorkers().at(-1),
    (w) => w !== undefined,
    { what: 'a running worker' },
  );
  await worker!.evaluate(
    (id) =>
      (browser.notifications.onButtonClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
        `chat:${id}`,
        0,
      ),
    chatId,
  );
}

describe('an action whose answer never came', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('a pickup SalesIQ did before the connection dropped shows as picked up, and is sent once however often it is clicked', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    const chat = world.sim.addChat({ visitor: { name: 'Lost Lena' }, question: 'Is my order shipped?' });
    world.sim.setFault({ kind: 'lostAnswer', path: '/pickup', times: 1 });
    await pickUpButton(popup, 'Lost Lena').click({ timeout: 15_000 });
    await expect.poll(() => popup.getByText('Just picked up').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect(popup.getByRole('button', { name: 'Open in SalesIQ: chat with Lost Lena' }).isVisible()).resolves.toBe(
      true,
    );
    expect(await popup.getByText(/Could not pick up/).count()).toBe(0);
    const lost = pickupsOf(world.sim, chat.id);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.fault).toBe('lostAnswer');
    expect(conversationOf(world.sim, chat.id).conversation.attender?.id).toBe(ME);

    // The operator, unsure, also presses the notification's Pick up: it opens SalesIQ, sends nothing.
    await pressNotificationPickUp(world, chat.id);
    await expect
      .poll(() => world!.ext.context.pages().some((p) => p.url().includes(`/mychats/${chat.id}`)), { timeout: 15_000 })
      .toBe(true);
    expect(pickupsOf(world.sim, chat.id)).toHaveLength(1);
  });

  it('a pickup that times out while a colleague takes the chat says who took it', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    const chat = world.sim.addChat({ visitor: { name: 'Hung Hana' } });
    world.sim.setFault({ kind: 'hang', path: '/pickup', times: 1 });
    await pickUpButton(popup, 'Hung Hana').click({ timeout: 15_000 });
    await expect.poll(() => pickupsOf(world!.sim, chat.id).length, { timeout: 15_000 }).toBe(1);
    world.sim.takeByOther(chat.id, ARJUN);
    const arjun = conversationOf(world.sim, chat.id).conversation.attender!.name;
    // The request gives up after 15 s; the read-back tells what happened meanwhile.
    await expect
      .poll(() => popup.getByText(`${arjun} picked up this chat first.`).first().isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect.poll(() => pickUpButton(popup, 'Hung Hana').count(), { timeout: 15_000 }).toBe(0);
    expect(pickupsOf(world.sim, chat.id)).toHaveLength(1);
  });

  it('a worker stopped mid-pickup is settled by reading the chat back, not by a second pickup', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    const chat = world.sim.addChat({ visitor: { name: 'Stopped Stan' } });
    // SalesIQ holds the pickup 8 s, then assigns the chat. Not a `hang` fault: a hung request
    // whose client is gone (the stop cancels the worker's fetch) is dropped when the fault is
    // cleared, so SalesIQ would never act (measured).
    world.sim.setFault({ kind: 'latency', ms: 8_000, path: '/pickup', times: 1 });
    await pickUpButton(popup, 'Stopped Stan').click({ timeout: 15_000 });
    await expect.poll(() => pickupsOf(world!.sim, chat.id).length, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => inFlightPickups(popup), { timeout: 5_000 }).toHaveProperty(chat.id);

    // Chrome stops the worker mid-request (as it may after 30 s idle); DevTools confirms the stop.
    const stopper = await workerStopper(await world.ext.context.newCDPSession(popup), world.ext.extensionId);
    await stopper.stopAll();
    // The stop came first: SalesIQ has not acted yet, and the stopped worker left the pickup noted.
    expect(conversationOf(world.sim, chat.id).conversation.attender).toBeUndefined();
    expect(await inFlightPickups(popup)).toHaveProperty(chat.id);
    // Then SalesIQ assigns the chat; the worker that asked never hears the answer.
    await expect
      .poll(() => conversationOf(world!.sim, chat.id).conversation.attender?.id, { timeout: 15_000 })
      .toBe(ME);

    // Reopening the popup wakes a new worker, which reads the chat back instead of picking it up again.
    await popup.close();
    const again = await openPopup(world.ext);
    await expect.poll(() => again.getByText('Just picked up').isVisible(), { timeout: 20_000 }).toBe(true);
    await expect(
      again.getByRole('button', { name: 'Open in SalesIQ: chat with Stopped Stan' }).isVisible(),
    ).resolves.toBe(true);
    await expect.poll(() => inFlightPickups(again), { timeout: 15_000 }).toEqual({});
    expect(pickupsOf(world.sim, chat.id)).toHaveLength(1);
  });

  it('a worker stopped mid-pickup while the popup waits: the popup checks with SalesIQ and shows the chat picked up', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    const chat = world.sim.addChat({ visitor: { name: 'Waiting Wanda' } });
    // SalesIQ holds the pickup 6 s, then assigns the chat (a latency fault: see the test above).
    world.sim.setFault({ kind: 'latency', ms: 6_000, path: '/pickup', times: 1 });
    await pickUpButton(popup, 'Waiting Wanda').click({ timeout: 15_000 });
    await expect.poll(() => pickupsOf(world!.sim, chat.id).length, { timeout: 15_000 }).toBe(1);
    const stopper = await workerStopper(await world.ext.context.newCDPSession(popup), world.ext.extensionId);
    await stopper.stopAll();
    expect(conversationOf(world.sim, chat.id).conversation.attender).toBeUndefined();

    // The popup stays open: its answer was lost with the worker, which is not a failure.
    const row = popup.locator(`.chat-row[data-chat-id="${chat.id}"]`);
    await expect
      .poll(() => row.getByRole('button', { name: 'Checking with SalesIQ… chat from Waiting Wanda' }).isVisible(), {
        timeout: 5_000,
      })
      .toBe(true);
    await expect
      .poll(() => popup.locator(`.picked-row[data-chat-id="${chat.id}"]`).isVisible(), { timeout: 25_000 })
      .toBe(true);
    expect(conversationOf(world.sim, chat.id).conversation.attender?.id).toBe(ME);
    expect(await popup.getByText(/Could not pick up|message channel closed|restarted before/).count()).toBe(0);
    expect(await popup.locator('.row-error, .banner--error').count()).toBe(0);
    expect(pickupsOf(world.sim, chat.id)).toHaveLength(1);
  });

  it('a worker stopped mid-pickup of a chat a colleague then takes: the popup says who took it, in words', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    const chat = world.sim.addChat({ visitor: { name: 'Taken Tom' } });
    // The pickup request never completes at SalesIQ: the colleague is first.
    world.sim.setFault({ kind: 'hang', path: '/pickup', times: 1 });
    await pickUpButton(popup, 'Taken Tom').click({ timeout: 15_000 });
    await expect.poll(() => pickupsOf(world!.sim, chat.id).length, { timeout: 15_000 }).toBe(1);
    world.sim.takeByOther(chat.id, ARJUN);
    const arjun = conversationOf(world.sim, chat.id).conversation.attender!.name;
    const stopper = await workerStopper(await world.ext.context.newCDPSession(popup), world.ext.extensionId);
    await stopper.stopAll();

    await expect
      .poll(() => popup.getByText(`Taken Tom: ${arjun} picked up this chat first.`).isVisible(), { timeout: 20_000 })
      .toBe(true);
    expect(await popup.getByText(/message channel closed/).count()).toBe(0);
    expect(pickupsOf(world.sim, chat.id)).toHaveLength(1);
  });

  it('a Send whose answer is lost after SalesIQ posted it reaches the visitor once, even when Send is pressed again', async () => {
    world = await startWorld();
    const popup = await signIn(world);
    const chat = world.sim.addChat({ visitorKind: 'new', visitor: { name: 'Mara Quist' }, question: 'Refund?' });
    await pickUpButton(popup, 'Mara Quist').click({ timeout: 20_000 });
    await expect
      .poll(() => conversationOf(world!.sim, chat.id).conversation.status, { timeout: 15_000 })
      .toBe('Connected');
    await popup.close();

    const panel = await world.ext.openPage('sidepanel', `?conversation=${chat.id}`);
    await panel.getByRole('tab', { name: 'Canned responses' }).click({ timeout: 15_000 });
    const box = panel.getByRole('searchbox', { name: 'Search canned responses' });
    await box.waitFor({ timeout: 15_000 });
    await box.pressSequentially('refunds');
    const first = panel.getByRole('list', { name: 'Matching responses' }).getByRole('listitem').first();
    await first.waitFor({ timeout: 30_000 });
    const text = (await panel.locator('.canned-results .canned-row__text').first().textContent())!;
    const sentLines = () =>
      conversationOf(world!.sim, chat.id).messages.filter((m) => m.message.text === text.trim()).length;

    world.sim.setFault({ kind: 'lostAnswer', method: 'POST', path: `/conversations/${chat.id}/messages`, times: 1 });
    const sendOnce = async () => {
      await first.getByRole('button', { name: 'Send' }).click();
      await panel.getByRole('group', { name: 'Confirm sending' }).getByRole('button', { name: 'Send now' }).click();
    };
    await sendOnce();
    await expect
      .poll(() => panel.getByRole('status').filter({ hasText: 'Sent to the chat.' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(sentLines()).toBe(1);
    const posts = () =>
      world!.sim.requests().filter((r) => r.method === 'POST' && r.path.endsWith(`/conversations/${chat.id}/messages`));
    expect(posts().map((r) => r.fault)).toEqual(['lostAnswer']);

    await sendOnce();
    await expect
      .poll(() => panel.getByRole('status').filter({ hasText: 'Already in the chat' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(sentLines()).toBe(1);
    expect(posts()).toHaveLength(1);
  });
});

describe('"Was I notified?"', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('the side panel’s Alerts tab shows a missed chat with a working SalesIQ link, and a chat a colleague took, by name', async () => {
    world = await startWorld({ missedAfterMs: 8_000 });
    const popup = await signIn(world);
    const missed = world.sim.addChat({ visitor: { name: 'Missy Moss' }, question: 'Anyone there?' });
    const taken = world.sim.addChat({ visitor: { name: 'Carl Cole' }, question: 'Quick pricing question' });
    await expect.poll(async () => (await notificationIds(world!.ext)).length, { timeout: 15_000 }).toBe(2);
    world.sim.takeByOther(taken.id, ARJUN);
    const arjun = conversationOf(world.sim, taken.id).conversation.attender!.name;
    // Missed after 8 s; the queue learns both endings from SalesIQ and withdraws both notifications.
    await expect.poll(() => notificationIds(world!.ext), { timeout: 30_000 }).toEqual([]);
    await popup.close();

    const panel = await world.ext.openPage('sidepanel');
    await panel.getByRole('tab', { name: 'Alerts' }).click({ timeout: 15_000 });
    const alerts = panel.getByRole('tabpanel', { name: 'Alerts' });
    const row = (name: string) => alerts.getByRole('listitem', { name });
    await expect
      .poll(() => row('Missy Moss').textContent(), { timeout: 15_000 })
      .toMatch(/Missed at .*Anyone there\?.*Notified /);
    await expect
      .poll(() => row('Carl Cole').textContent())
      .toMatch(new RegExp(`Taken by ${arjun} at .*Quick pricing question.*Notified `));
    expect(await row('Carl Cole').getByRole('link').count()).toBe(0);

    const link = row('Missy Moss').getByRole('link', { name: 'Open the missed chat with Missy Moss in SalesIQ' });
    expect(await link.getAttribute('href')).toBe(`https://salesiq.zoho.com/zylker/mychats/${missed.id}`);
    // From the keyboard: the link is in the Tab order, Enter follows it.
    await link.focus();
    const [opened] = await Promise.all([world.ext.context.waitForEvent('page'), panel.keyboard.press('Enter')]);
    await opened!.waitForLoadState();
    expect(opened!.url()).toBe(`https://salesiq.zoho.com/zylker/mychats/${missed.id}`);
    await expect.poll(() => opened!.getByRole('heading', { level: 1 }).textContent()).toContain(missed.id);

    // Dark mode follows the system: the missed ending keeps a readable contrast there too.
    await panel.emulateMedia({ colorScheme: 'dark' });
    const colours = await row('Missy Moss')
      .locator('.alerts__ending')
      .evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.body).backgroundColor]);
    expect(colours).toEqual(['rgb(255, 123, 114)', 'rgb(22, 25, 29)']);
  });
});
