import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtensionSession } from './harness';
import { badgeText, badgeTitle, notificationIds, readRecord, signIn, startWorld, type World } from './world';

/**
 * My chats: reply alerts and the popup's "waiting for your reply", in the store build against the
 * simulator. The quiet world gives Patricia (me) one connected chat in Sales, last answered by her.
 */
interface Shown {
  id: string;
  title: string;
  message: string;
}

/** Records what the extension asks Chrome to show (titles and texts are not readable afterwards). */
async function recordNotifications(ext: ExtensionSession): Promise<void> {
  await ext.worker.evaluate(() => {
    const g = globalThis as unknown as {
      __shown?: unknown[];
      chrome: { notifications: { create: (...args: unknown[]) => unknown } };
    };
    if (g.__shown) return;
    const shown: unknown[] = (g.__shown = []);
    const api = g.chrome.notifications;
    const create = api.create.bind(api);
    api.create = (id: unknown, ...rest: unknown[]) => {
      const options = rest[0] as { title?: string; message?: string } | undefined;
      shown.push({ id, title: options?.title, message: options?.message });
      return create(id, ...rest);
    };
  });
}

async function shown(ext: ExtensionSession, id: string): Promise<Shown[]> {
  const all = (await ext.worker.evaluate(
    () => (globalThis as unknown as { __shown?: Shown[] }).__shown ?? [],
  )) as Shown[];
  return all.filter((n) => n.id === id);
}

function myChat(world: World) {
  const state = world.sim.state();
  const mine = state.conversations.find(
    (c) => c.conversation.status === 'Connected' && c.conversation.attender?.id === state.myOperatorId,
  );
  if (!mine) throw new Error('the quiet world has no connected chat of mine');
  return { id: mine.conversation.id, name: mine.conversation.visitor.name };
}

const myChatRow = (popup: Page, name: string) =>
  popup
    .getByRole('list', { name: /^My chats/ })
    .getByRole('listitem')
    .filter({ hasText: name });

async function setUp(): Promise<{ world: World; popup: Page; chat: { id: string; name: string } }> {
  const world = await startWorld();
  const popup = await signIn(world);
  await recordNotifications(world.ext);
  const chat = myChat(world);
  await expect.poll(() => myChatRow(popup, chat.name).count(), { timeout: 20_000 }).toBe(1);
  return { world, popup, chat };
}

describe('My chats', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('a visitor line raises one reply alert and starts the chat’s timer; a reply in the console withdraws it', async () => {
    const setup = await setUp();
    world = setup.world;
    const { popup, chat } = setup;
    const row = myChatRow(popup, chat.name);
    await expect(row.getByText('Waiting for your reply').count()).resolves.toBe(0);

    world.sim.visitorMessage(chat.id, 'Do you ship to Norway?');
    await expect.poll(() => notificationIds(world!.ext), { timeout: 15_000 }).toContain(`reply:${chat.id}`);
    const alerts = await shown(world.ext, `reply:${chat.id}`);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.title).toContain(`${chat.name} is waiting for your reply`);
    expect(alerts[0]!.message).toBe('Do you ship to Norway?');

    // The popup: the line, the unread count, and a live timer.
    await expect.poll(() => row.getByText('Waiting for your reply').isVisible(), { timeout: 10_000 }).toBe(true);
    await expect(row.getByText('Do you ship to Norway?').isVisible()).resolves.toBe(true);
    await expect(row.getByText('1 unread message').count()).resolves.toBe(1);
    const timer = row.locator('.wait__time');
    const first = await timer.textContent();
    expect(first).toMatch(/^\d+:\d\d$/);
    await expect.poll(() => timer.textContent(), { timeout: 5_000 }).not.toBe(first);
    // The badge: no chat waits in the queue, one visitor waits for a reply.
    await expect.poll(() => badgeText(world!.ext), { timeout: 10_000 }).toBe('↩1');
    expect(await badgeTitle(world.ext)).toMatch(/no chats waiting\. 1 visitor is waiting for your reply/);

    // Later polls do not raise it again for the same line.
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await shown(world.ext, `reply:${chat.id}`)).toHaveLength(1);

    world.sim.consoleReply(chat.id, 'Yes, we do.');
    await expect.poll(() => notificationIds(world!.ext), { timeout: 15_000 }).not.toContain(`reply:${chat.id}`);
    await expect.poll(() => row.getByText(/You replied/).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => badgeText(world!.ext), { timeout: 10_000 }).toBe('');
  });

  it('withdraws the alert when the chat ends, and the row leaves the popup', async () => {
    const setup = await setUp();
    world = setup.world;
    const { popup, chat } = setup;
    world.sim.visitorMessage(chat.id, 'Hello? Anyone?');
    await expect.poll(() => notificationIds(world!.ext), { timeout: 15_000 }).toContain(`reply:${chat.id}`);
    world.sim.endChat(chat.id);
    await expect.poll(() => notificationIds(world!.ext), { timeout: 20_000 }).not.toContain(`reply:${chat.id}`);
    await expect.poll(() => myChatRow(popup, chat.name).count(), { timeout: 10_000 }).toBe(0);
    await expect(popup.getByText('No open chats.').isVisible()).resolves.toBe(true);
  });

  it('Reply on the alert opens the side panel on that chat to write in, and the alert goes', async () => {
    const setup = await setUp();
    world = setup.world;
    const { chat } = setup;
    world.sim.visitorMessage(chat.id, 'Still there?');
    await expect.poll(() => notificationIds(world!.ext), { timeout: 15_000 }).toContain(`reply:${chat.id}`);
    await world.ext.worker.evaluate(
      (id) =>
        (browser.notifications.onButtonClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
          `reply:${id}`,
          1,
        ),
      chat.id,
    );
    await expect
      .poll(
        async () =>
          (await readRecord<{ value: { conversationId: string; source: string } }>(world!.ext, 'meta', 'focus'))?.value,
        { timeout: 10_000 },
      )
      .toMatchObject({
        conversationId: chat.id,
        source: 'reply',
      });
    await expect.poll(() => notificationIds(world!.ext), { timeout: 10_000 }).not.toContain(`reply:${chat.id}`);
  });

  it('privacy mode hides the visitor’s name and line', async () => {
    const setup = await setUp();
    world = setup.world;
    const { chat } = setup;
    const options = await world.ext.openPage('options');
    await options.getByRole('checkbox', { name: 'Hide visitor names and questions in notifications' }).check();
    await expect
      .poll(() =>
        options.getByRole('checkbox', { name: 'Hide visitor names and questions in notifications' }).isChecked(),
      )
      .toBe(true);
    await new Promise((r) => setTimeout(r, 1_000)); // the save lands in storage
    world.sim.visitorMessage(chat.id, 'My card number is 4111');
    await expect.poll(() => notificationIds(world!.ext), { timeout: 15_000 }).toContain(`reply:${chat.id}`);
    const [alert] = await shown(world.ext, `reply:${chat.id}`);
    expect(alert!.title).toContain('A visitor is waiting for your reply');
    expect(JSON.stringify(alert)).not.toContain('4111');
    expect(JSON.stringify(alert)).not.toContain(chat.name);
  });

  it('with Reply alerts off, a visitor line raises no notification but still shows in the popup', async () => {
    const setup = await setUp();
    world = setup.world;
    const { popup, chat } = setup;
    const options = await world.ext.openPage('options');
    const toggle = options.getByRole('checkbox', { name: /Reply alerts/ });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await new Promise((r) => setTimeout(r, 1_000));
    world.sim.visitorMessage(chat.id, 'Quiet please');
    const row = myChatRow(popup, chat.name);
    await expect.poll(() => row.getByText('Waiting for your reply').isVisible(), { timeout: 15_000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 5_000)); // a couple more turns
    expect(await notificationIds(world.ext)).not.toContain(`reply:${chat.id}`);
    expect(await shown(world.ext, `reply:${chat.id}`)).toHaveLength(0);
  });
});
