import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPopup, sessionState, startWorld, waitFor, type World } from './world';

/**
 * Replying, ending and transferring from the side panel, in the store build against the
 * simulator. The panel is opened as a tab (sidepanel.html), the page Chrome shows in its side
 * panel. One browser for the file; each test picks up its own chat.
 */
const TECH_SUPPORT = '466756000000002017';

let world: World;

beforeAll(async () => {
  world = await startWorld();
  const popup = await openPopup(world.ext);
  await popup.getByRole('button', { name: 'Sign in with Zoho' }).click();
  await waitFor(
    () => sessionState(world.ext),
    (state) => state === 'signed-in',
    { what: 'signed in' },
  );
  await popup.close();
});

afterAll(async () => {
  await world?.close();
});

const chatOf = (id: string) => world.sim.state().conversations.find((c) => c.conversation.id === id)!;
const linesOf = (id: string, text: string) => chatOf(id).messages.filter((m) => m.message.text === text).length;
const postsOf = (id: string) =>
  world.sim.requests().filter((r) => r.method === 'POST' && r.path.endsWith(`/conversations/${id}/messages`));

/** A chat of mine: picked up as the notification's "Pick up" button does. */
async function myChat(name: string): Promise<string> {
  const chat = world.sim.addChat({ visitorKind: 'new', visitor: { name }, question: 'Hello?' });
  await expect
    .poll(async () => Object.keys(await world.ext.worker.evaluate(() => browser.notifications.getAll())), {
      timeout: 15_000,
    })
    .toContain(`chat:${chat.id}`);
  await world.ext.worker.evaluate(
    (id) =>
      (browser.notifications.onButtonClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
        `chat:${id}`,
        0,
      ),
    chat.id,
  );
  await expect.poll(() => chatOf(chat.id).conversation.status, { timeout: 15_000 }).toBe('Connected');
  return chat.id;
}

async function openPanel(query: string): Promise<Page> {
  const page = await world.ext.openPage('sidepanel', query);
  await page.getByRole('heading', { level: 1, name: 'Visitor history' }).waitFor();
  return page;
}

const replyBox = (page: Page, name: string) => page.getByRole('textbox', { name: `Reply to ${name}` });
const transcript = (page: Page) => page.getByRole('list', { name: "This conversation's messages" });
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('replying from the side panel', () => {
  it('opened with compose=1 the reply box has the keyboard; Enter sends once, Shift+Enter is a new line, the line is confirmed', async () => {
    const id = await myChat('Rita Reply');
    const panel = await openPanel(`?conversation=${id}&compose=1`);
    const box = replyBox(panel, 'Rita Reply');
    await box.waitFor({ timeout: 15_000 });
    await expect.poll(() => focusedId(panel), { timeout: 10_000 }).toBe('composer-box');

    await panel.keyboard.type('Hello Rita');
    await panel.keyboard.press('Shift+Enter');
    await panel.keyboard.type('Second line');
    expect(await box.inputValue()).toBe('Hello Rita\nSecond line');
    // Two Enters in a row: one message.
    await panel.keyboard.press('Enter');
    await panel.keyboard.press('Enter');
    expect(await box.inputValue()).toBe('');

    const text = 'Hello Rita\nSecond line';
    await expect.poll(() => linesOf(id, text), { timeout: 15_000 }).toBe(1);
    // Confirmed: the saved transcript has it, and no "Sending…" or "Not sent" is left.
    const line = transcript(panel).getByRole('listitem').filter({ hasText: 'Second line' });
    await expect.poll(() => line.count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(
        () =>
          transcript(panel)
            .getByText(/Sending…|Not sent/)
            .count(),
        { timeout: 15_000 },
      )
      .toBe(0);
    expect(linesOf(id, text)).toBe(1);
    expect(postsOf(id)).toHaveLength(1);

    // The visitor answers: the line shows while the panel is on screen, within a refresh.
    world.sim.visitorMessage(id, 'Thanks, that helps');
    await expect.poll(() => transcript(panel).getByText('Thanks, that helps').count(), { timeout: 10_000 }).toBe(1);
    await panel.close();
  });

  it('a Reply recorded while the panel is open (focus source "reply") brings the Visitor tab and puts the keyboard in the reply box', async () => {
    const id = await myChat('Paula Panel');
    const panel = await openPanel(`?conversation=${id}`);
    await replyBox(panel, 'Paula Panel').waitFor({ timeout: 15_000 });
    await panel.getByRole('tab', { name: 'Canned responses' }).click();
    expect(await focusedId(panel)).not.toBe('composer-box');
    // What setFocus(id, 'reply') writes (the notification's Reply button, in the background),
    // announced to open pages the way the background announces its committed writes.
    await world.ext.worker.evaluate(async (conversationId) => {
      const open = indexedDB.open('operator-companion');
      const database = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
      const tx = database.transaction('meta', 'readwrite');
      tx.objectStore('meta').put({ key: 'focus', value: { conversationId, source: 'reply', at: Date.now() } });
      await new Promise((resolve) => (tx.oncomplete = resolve));
      database.close();
      new BroadcastChannel('operator-companion:db-changes').postMessage({ tables: ['meta'] });
    }, id);
    await expect.poll(() => focusedId(panel), { timeout: 10_000 }).toBe('composer-box');
    expect(await panel.getByRole('tab', { name: 'Visitor' }).getAttribute('aria-selected')).toBe('true');
    await panel.close();
  });

  it('a send whose answer is lost is confirmed by reading the chat back, and is not sent twice', async () => {
    const id = await myChat('Lars Lost');
    const panel = await openPanel(`?conversation=${id}`);
    const box = replyBox(panel, 'Lars Lost');
    await box.waitFor({ timeout: 15_000 });
    world.sim.setFault({ kind: 'lostAnswer', method: 'POST', path: `/conversations/${id}/messages`, times: 1 });
    await box.fill('Your order left the warehouse');
    await box.press('Enter');
    await expect
      .poll(
        () => transcript(panel).getByRole('listitem').filter({ hasText: 'Your order left the warehouse' }).count(),
        { timeout: 15_000 },
      )
      .toBe(1);
    await expect
      .poll(
        () =>
          transcript(panel)
            .getByText(/Sending…|Not sent/)
            .count(),
        { timeout: 15_000 },
      )
      .toBe(0);
    expect(linesOf(id, 'Your order left the warehouse')).toBe(1);
    expect(postsOf(id).map((r) => r.fault)).toEqual(['lostAnswer']);
    await panel.close();
  });

  it('a send SalesIQ failed says so in words, and Send again sends it once', async () => {
    const id = await myChat('Fran Fail');
    const panel = await openPanel(`?conversation=${id}`);
    const box = replyBox(panel, 'Fran Fail');
    await box.waitFor({ timeout: 15_000 });
    world.sim.setFault({ kind: 'http', status: 503, method: 'POST', path: `/conversations/${id}/messages`, times: 1 });
    await box.fill('Checking that for you');
    await box.press('Enter');
    const failed = transcript(panel).getByRole('listitem').filter({ hasText: 'Not sent' });
    await expect.poll(() => failed.count(), { timeout: 15_000 }).toBe(1);
    expect(await failed.getByRole('alert').textContent()).toContain(
      'SalesIQ did not answer and the chat does not show the message',
    );
    expect(linesOf(id, 'Checking that for you')).toBe(0);
    await failed.getByRole('button', { name: 'Send again' }).click();
    await expect.poll(() => linesOf(id, 'Checking that for you'), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(
        () =>
          transcript(panel)
            .getByText(/Sending…|Not sent/)
            .count(),
        { timeout: 15_000 },
      )
      .toBe(0);
    expect(linesOf(id, 'Checking that for you')).toBe(1);
    await panel.close();
  });

  it('a #shortcut expands in the reply box', async () => {
    const id = await myChat('Sam Short');
    // A synced response without placeholders gets the shortcut #thx, as the library's editor stores it.
    const readPlain = () =>
      world.ext.worker.evaluate(async () => {
        const open = indexedDB.open('operator-companion');
        const database = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
        const request = database.transaction('canned').objectStore('canned').getAll();
        const rows = await new Promise<{ id: string; content: string }[]>(
          (resolve) => (request.onsuccess = () => resolve(request.result)),
        );
        database.close();
        return rows.find((r) => !r.content.includes('{')) ?? null;
      });
    await expect.poll(readPlain, { timeout: 30_000 }).not.toBeNull();
    const plain = (await readPlain())!;
    await world.ext.worker.evaluate(
      (responseId) => browser.storage.local.set({ cannedShortcuts: { zylker: { [responseId]: 'thx' } } }),
      plain.id,
    );
    const panel = await openPanel(`?conversation=${id}`);
    const box = replyBox(panel, 'Sam Short');
    await box.waitFor({ timeout: 15_000 });
    await box.focus();
    await panel.keyboard.type('Hi #thx');
    await panel.keyboard.press('Space');
    await expect.poll(() => box.inputValue(), { timeout: 10_000 }).toBe(`Hi ${plain.content} `);
    // Nothing was sent by expanding.
    expect(postsOf(id)).toHaveLength(0);
    await panel.close();
  });

  it('End chat asks first (Escape cancels), then ends the chat; the composer then says why it is closed', async () => {
    const id = await myChat('Eve End');
    const panel = await openPanel(`?conversation=${id}`);
    const end = panel.getByRole('button', { name: 'End chat' });
    await end.click({ timeout: 15_000 });
    const confirm = panel.getByRole('group', { name: /End the chat with Eve End\?/ });
    await confirm.waitFor();
    const focusInConfirm = () => panel.evaluate(() => !!document.activeElement?.closest('[role="group"]'));
    await expect.poll(focusInConfirm).toBe(true);
    expect(await panel.evaluate(() => document.activeElement?.textContent)).toBe('End chat');
    await panel.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    await expect.poll(() => panel.evaluate(() => document.activeElement?.textContent)).toBe('End chat');
    expect(await focusInConfirm()).toBe(false);
    expect(chatOf(id).conversation.status).toBe('Connected');

    // A failure SalesIQ answered is said in words; nothing ended.
    world.sim.setFault({ kind: 'http', status: 403, path: `/conversations/${id}/close`, times: 1 });
    await end.click();
    await confirm.getByRole('button', { name: 'End chat' }).click();
    await expect
      .poll(() => confirm.getByRole('alert').textContent(), { timeout: 15_000 })
      .toBe('Your SalesIQ role does not allow this. Ask a SalesIQ admin for access. The chat was not ended.');
    expect(chatOf(id).conversation.status).toBe('Connected');

    // The answer lost: read back, and it counts as ended.
    world.sim.setFault({ kind: 'lostAnswer', path: `/conversations/${id}/close`, times: 1 });
    await confirm.getByRole('button', { name: 'End chat' }).click();
    await expect.poll(() => chatOf(id).conversation.status, { timeout: 15_000 }).toBe('Ended');
    await expect
      .poll(() => panel.getByText('This chat has ended, so no more messages can be sent to it.').isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(await panel.getByRole('status').filter({ hasText: 'The chat has ended.' }).count()).toBe(1);
    expect(await replyBox(panel, 'Eve End').count()).toBe(0);
    await panel.close();
  });

  it('Transfer asks for a department (and optionally a colleague), says a refusal in words, then transfers', async () => {
    const id = await myChat('Tom Transfer');
    const panel = await openPanel(`?conversation=${id}`);
    await panel.getByRole('button', { name: 'Transfer…' }).click({ timeout: 15_000 });
    const form = panel.getByRole('group', { name: 'Transfer the chat with Tom Transfer' });
    const department = form.getByRole('combobox', { name: 'Department' });
    await department.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => panel.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.tagName))
      .toBe('SELECT');
    await department.selectOption({ label: 'Technical Support' });

    world.sim.setFault({
      kind: 'envelope',
      code: 1003,
      message: 'No permission',
      path: `/conversations/${id}/transfer`,
      times: 1,
    });
    await form.getByRole('button', { name: 'Transfer', exact: true }).click();
    await expect
      .poll(() => form.getByRole('alert').textContent(), { timeout: 15_000 })
      .toBe('Your SalesIQ role does not allow this. Ask a SalesIQ admin for access. The chat was not transferred.');
    expect(chatOf(id).conversation.department?.id).not.toBe(TECH_SUPPORT);

    await form.getByRole('button', { name: 'Transfer', exact: true }).click();
    await expect.poll(() => chatOf(id).conversation.department?.id, { timeout: 15_000 }).toBe(TECH_SUPPORT);
    expect(chatOf(id).conversation.status).toBe('Waiting');
    await expect
      .poll(() => panel.getByRole('status').filter({ hasText: 'Transferred to Technical Support.' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expect
      .poll(
        () =>
          panel
            .getByText('This chat is waiting for an operator: only the operator who picks it up can reply.')
            .isVisible(),
        { timeout: 15_000 },
      )
      .toBe(true);
    await panel.close();
  });
});
