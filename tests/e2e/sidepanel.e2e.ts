import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRecord, sessionState, startWorld, type World } from './world';

/**
 * The visitor-history side panel against the simulator. The panel is opened as a tab
 * (sidepanel.html), which is the same page Chrome shows in its side panel. One browser for the
 * whole file: each test adds its own chats and moves the focus itself.
 */
let world: World;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world?.close();
});

/** Pick up as the notification's "Pick up" button does: Chromium's own dispatch runs the listener. */
async function pickUpFromNotification(chatId: string): Promise<void> {
  await world.ext.worker.evaluate(
    (id) =>
      (browser.notifications.onButtonClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(
        `chat:${id}`,
        0,
      ),
    chatId,
  );
  await expect
    .poll(() => world.sim.state().conversations.find((c) => c.conversation.id === chatId)?.conversation.status, {
      timeout: 15_000,
    })
    .toBe('Connected');
}

async function focusRecord() {
  return (await readRecord<{ value?: { conversationId: string; source: string } }>(world.ext, 'meta', 'focus'))?.value;
}

async function openPanel(query = ''): Promise<Page> {
  const page = await world.ext.openPage('sidepanel', query);
  await page.getByRole('heading', { level: 1, name: 'Visitor history' }).waitFor();
  return page;
}

const visitorHeading = (page: Page) => page.getByRole('heading', { level: 2 }).first();

describe('visitor history side panel', () => {
  it('asks a signed-out operator to sign in, and signs in from the panel', async () => {
    const panel = await openPanel();
    // The one sign-in view, as in the popup.
    await expect
      .poll(() => panel.getByRole('heading', { name: 'Sign in to see waiting chats' }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await panel.getByRole('button', { name: 'Sign in with Zoho' }).click();
    await expect.poll(() => sessionState(world.ext), { timeout: 15_000 }).toBe('signed-in');
    await expect
      .poll(() => panel.getByText('Pick up a chat to see who the visitor is.').isVisible(), { timeout: 15_000 })
      .toBe(true);
    expect(await panel.getByRole('heading', { level: 1, name: 'Visitor history' }).isVisible()).toBe(true);
    await panel.close();
  });
  it('explains the missing history of an anonymous visitor, and a portal without visitor details', async () => {
    world.sim.configure({ visitorsApi: 'disabled' });
    try {
      const chat = world.sim.addChat({ visitorKind: 'anonymous' });
      await pickUpFromNotification(chat.id);
      // The popup's "Visitor history" button opens the panel with the chat in its URL.
      const panel = await openPanel(`?conversation=${chat.id}`);
      await expect
        .poll(
          () =>
            panel
              .getByText('This visitor did not leave an email address, so SalesIQ cannot link earlier chats.')
              .isVisible(),
          { timeout: 15_000 },
        )
        .toBe(true);
      await expect
        .poll(() => panel.getByText('Visitor details are not enabled for this portal.').isVisible(), {
          timeout: 15_000,
        })
        .toBe(true);
      await expect.poll(focusRecord).toMatchObject({ conversationId: chat.id, source: 'popup' });
      await panel.close();
    } finally {
      world.sim.configure({ visitorsApi: 'enabled' });
    }
  });

  it('follows the SalesIQ console tab, and the chooser switches among current chats', async () => {
    const first = world.sim.addChat({ visitorKind: 'new', visitor: { name: 'Console First' } });
    const second = world.sim.addChat({ visitorKind: 'new', visitor: { name: 'Console Second' } });
    await pickUpFromNotification(first.id);
    await pickUpFromNotification(second.id);
    const panel = await openPanel();
    await expect.poll(() => visitorHeading(panel).textContent(), { timeout: 15_000 }).toBe('Console Second');

    // The worker sees the console tab's URL through its host permissions alone (no "tabs" permission).
    const manifest = await world.ext.worker.evaluate(() => browser.runtime.getManifest());
    expect(manifest.permissions ?? []).not.toContain('tabs');
    const consoleTab = await world.ext.context.newPage();
    try {
      await consoleTab.goto(`https://salesiq.zoho.com/zylker/mychats/${first.id}`);
      await expect
        .poll(focusRecord, { timeout: 15_000 })
        .toMatchObject({ conversationId: first.id, source: 'console-tab' });
      await expect.poll(() => visitorHeading(panel).textContent(), { timeout: 15_000 }).toBe('Console First');
      await consoleTab.goto(`https://salesiq.zoho.com/zylker/mychats/${second.id}`);
      await expect.poll(() => visitorHeading(panel).textContent(), { timeout: 15_000 }).toBe('Console Second');
    } finally {
      // Left open, the panel would go on following it in the next test.
      await consoleTab.close();
    }

    await panel.bringToFront();
    await panel.getByRole('combobox', { name: 'Current chat' }).selectOption({ label: 'Console First' });
    await expect.poll(() => visitorHeading(panel).textContent(), { timeout: 15_000 }).toBe('Console First');
    await expect.poll(focusRecord).toMatchObject({ conversationId: first.id, source: 'chooser' });

    // The tab bar: arrows move between Visitor and Canned responses.
    const visitorTab = panel.getByRole('tab', { name: 'Visitor' });
    await visitorTab.focus();
    await panel.keyboard.press('ArrowRight');
    expect(await panel.getByRole('tab', { name: 'Canned responses' }).getAttribute('aria-selected')).toBe('true');
    expect(await panel.getByRole('heading', { level: 1, name: 'Visitor history' }).isVisible()).toBe(true);
    await panel.keyboard.press('ArrowLeft');
    expect(await visitorTab.getAttribute('aria-selected')).toBe('true');
    await panel.close();
  });

  it('shows hostile visitor text as text', async () => {
    const dialogs: string[] = [];
    // On the context, so a dialog during the very first render counts too.
    world.ext.context.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const chat = world.sim.addChat({ hostile: true });
    await pickUpFromNotification(chat.id);
    // Opened on the chat, as the popup's Visitor history does: what is tested here is how the text
    // is drawn, not which chat the panel follows (the test above).
    const panel = await openPanel(`?conversation=${chat.id}`);
    const literal = panel.getByText('<img src=x onerror=alert(1)>', { exact: true });
    await expect.poll(() => literal.first().isVisible(), { timeout: 20_000 }).toBe(true);
    await expect
      .poll(() => panel.getByText('<script>alert("xss")</script>', { exact: true }).first().isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(await panel.locator('img, script:not([src]), svg, iframe').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await panel.close();
  });
});
