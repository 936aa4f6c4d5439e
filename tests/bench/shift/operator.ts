import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../e2e/harness';

/**
 * What the operator does during the shift, through the extension's own pages, by roles and visible
 * text as the browser tests do: pick up in the popup, send a canned response from the side panel,
 * sign in again. Each action reports what the page told the operator, in its own words.
 */
export interface Told {
  /** 'done': the page said it worked; 'failed': it said it did not; 'silent': it said nothing in time. */
  said: 'done' | 'failed' | 'silent';
  words: string;
  at: number;
}

const ANSWER_TIMEOUT_MS = 30_000;

async function openPopup(ext: ExtensionSession): Promise<Page> {
  const page = await ext.openPage('popup');
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 20_000 });
  return page;
}

/**
 * Waits until the chat's row offers "Pick up", then clicks it once. `aroundClick` runs just
 * before the click (a fault, a colleague racing). Returns the popup's first answer: the row's
 * button saying "Picked up" or the row in "Just picked up" (done), or an error under the row or
 * in the banner naming the visitor (failed).
 */
export async function pickUpInPopup(
  ext: ExtensionSession,
  chat: { id: string; name: string },
  aroundClick: { before?: () => Promise<void> | void; after?: () => Promise<void> | void } = {},
): Promise<(Told & { clickedAt: number }) | undefined> {
  const popup = await openPopup(ext);
  try {
    const button = popup
      .locator(`.chat-row[data-chat-id="${chat.id}"]`)
      .getByRole('button', { name: /^Pick up chat from/ });
    try {
      await button.waitFor({ timeout: 25_000 });
    } catch {
      return undefined; // never listed in time: no click, nothing to judge
    }
    await aroundClick.before?.();
    const clickedAt = Date.now();
    await button.click();
    await aroundClick.after?.();
    const told = await firstAnswer(
      popup,
      ([id, name]) => {
        if (document.querySelector(`.picked-row[data-chat-id="${id}"]`))
          return { said: 'done' as const, words: 'Just picked up' };
        const row = document.querySelector(`.chat-row[data-chat-id="${id}"]`);
        const label = row?.querySelector('button.chat-row__pickup')?.getAttribute('aria-label') ?? '';
        if (label.startsWith('Picked up')) return { said: 'done' as const, words: label };
        const error =
          row?.querySelector('.row-error')?.textContent ??
          [...document.querySelectorAll('.banner--error p')]
            .map((p) => p.textContent ?? '')
            .find((t) => t.startsWith(`${name}:`));
        return error ? { said: 'failed' as const, words: error } : undefined;
      },
      [chat.id, chat.name],
    );
    return { ...told, clickedAt };
  } finally {
    await popup.close().catch(() => undefined);
  }
}

/** The first decisive answer on the page, polled every 100 ms; 'silent' after 30 s. */
async function firstAnswer(
  page: Page,
  read: (args: [string, string]) => { said: 'done' | 'failed'; words: string } | undefined,
  args: [string, string],
): Promise<Told> {
  const deadline = Date.now() + ANSWER_TIMEOUT_MS;
  while (Date.now() < deadline) {
    // Playwright runs the function in the page through DevTools, so the page's CSP does not apply.
    const answer = await page.evaluate(read, args).catch(() => undefined);
    if (answer) return { ...(answer as { said: 'done' | 'failed'; words: string }), at: Date.now() };
    await page.waitForTimeout(100);
  }
  return { said: 'silent', words: '', at: Date.now() };
}

/**
 * In the side panel of a chat: Canned responses tab, search, Send on the first result, then
 * "Send now" in the confirm. `beforeConfirm` runs just before that click (the lost answer).
 * Returns the exact text that was confirmed and what the panel said.
 */
export async function sendCannedInSidePanel(
  ext: ExtensionSession,
  conversationId: string,
  query: string,
  beforeConfirm: () => void,
): Promise<Told & { text: string; clickedAt: number }> {
  const panel = await ext.openPage('sidepanel', `?conversation=${conversationId}`);
  try {
    await panel.getByRole('tab', { name: 'Canned responses' }).click({ timeout: 30_000 });
    const box = panel.getByRole('searchbox', { name: 'Search canned responses' });
    await box.waitFor({ timeout: 30_000 });
    await box.fill(query);
    const first = panel.getByRole('list', { name: 'Matching responses' }).getByRole('listitem').first();
    await first.getByRole('button', { name: 'Send' }).click({ timeout: 30_000 });
    const confirm = panel.getByRole('group', { name: 'Confirm sending' });
    const text = ((await confirm.locator('.canned-confirm__text').textContent({ timeout: 10_000 })) ?? '').trim();
    beforeConfirm();
    const clickedAt = Date.now();
    await confirm.getByRole('button', { name: 'Send now' }).click();
    const told = await firstAnswer(panel, () => {
      const status = document.querySelector('.canned-status');
      const words = status?.textContent?.trim() ?? '';
      if (!words) return undefined;
      return { said: status!.classList.contains('inline-error') ? ('failed' as const) : ('done' as const), words };
    }, ['', '']);
    return { ...told, text, clickedAt };
  } finally {
    await panel.close().catch(() => undefined);
  }
}

/** The popup's sign-in button ("Sign in with Zoho" or "Sign in again"), clicked once. */
export async function signInFromPopup(ext: ExtensionSession): Promise<void> {
  const popup = await openPopup(ext);
  try {
    await popup
      .getByRole('button', { name: /^Sign in/ })
      .first()
      .click({ timeout: 20_000 });
    await popup.getByRole('heading', { name: /Waiting chats/ }).waitFor({ timeout: 30_000 });
  } finally {
    await popup.close().catch(() => undefined);
  }
}

/**
 * Before the shift, in the side panel: the operator gives a response a shortcut of their own and
 * copies it (a counted use). These, with a setting, are compared after the shift.
 */
export async function makeUserData(ext: ExtensionSession, shortcut: string): Promise<void> {
  const panel = await ext.openPage('sidepanel');
  try {
    await panel.getByRole('tab', { name: 'Canned responses' }).click({ timeout: 30_000 });
    const first = panel.getByRole('list', { name: 'Matching responses' }).getByRole('listitem').first();
    await first.getByRole('button', { name: 'Add shortcut' }).click({ timeout: 60_000 });
    const field = panel.getByRole('textbox', { name: 'Shortcut' });
    await field.fill(`#${shortcut}`);
    await field.press('Enter');
    await first.getByText(`#${shortcut}`).waitFor({ timeout: 10_000 });
    await first.getByRole('button', { name: 'Copy' }).click();
    await panel.getByRole('status').filter({ hasText: 'Copied.' }).waitFor({ timeout: 10_000 });
  } finally {
    await panel.close().catch(() => undefined);
  }
}
