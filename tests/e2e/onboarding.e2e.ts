import { afterEach, describe, expect, it } from 'vitest';
import { launchExtension, waitFor, welcomePage, type ExtensionSession } from './harness';
import { signIn, startWorld, type World } from './world';

/** Notification ids the browser is showing now, read in the worker. */
function shownNotifications(ext: ExtensionSession): Promise<string[]> {
  return ext.worker.evaluate(async () => Object.keys(await browser.notifications.getAll()));
}

describe('first run', () => {
  let ext: ExtensionSession | undefined;
  afterEach(async () => {
    await ext?.close();
    ext = undefined;
  });

  it('opens the welcome page on install, sends a test notification, and stays shut on restart', async () => {
    ext = await launchExtension({ keepWelcomePage: true });
    const welcome = await welcomePage(ext.context);
    await welcome.getByRole('heading', { level: 1, name: 'Welcome to Operator Companion' }).waitFor();
    for (const step of [
      '1. Sign in with your Zoho account',
      '2. Pin the toolbar icon',
      '3. Allow notifications',
      '4. Keyboard shortcuts',
    ]) {
      await expect(welcome.getByRole('heading', { level: 2, name: step }).isVisible()).resolves.toBe(true);
    }
    await expect(welcome.getByRole('button', { name: 'Sign in with Zoho' }).isVisible()).resolves.toBe(true);
    // Headless Chromium has no toolbar: getUserSettings says "not pinned", and the page says so.
    await welcome.getByText('Not pinned yet.').waitFor();
    // The shortcuts as Chromium bound them from the manifest's suggestions.
    await welcome.getByText('Alt+Shift+S').waitFor();
    await expect(welcome.getByText('Pick up the oldest waiting chat').isVisible()).resolves.toBe(true);

    expect(await shownNotifications(ext)).not.toContain('test');
    await welcome.getByRole('button', { name: 'Send a test notification' }).click();
    await welcome.getByText(/^Sent\./).waitFor();
    await waitFor(
      () => shownNotifications(ext!),
      (ids) => ids.includes('test'),
      { what: 'the test notification' },
    );

    await welcome.close();
    ext = await ext.relaunch();
    // A restart is no install (Chromium reports a command-line extension as installed again on
    // every launch; the extension remembers it welcomed this profile already).
    await ext.worker.evaluate(() => browser.runtime.getManifest().version);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(
      ext.context
        .pages()
        .map((page) => page.url())
        .filter((url) => url.endsWith('/welcome.html')),
    ).toEqual([]);
  });
});

describe('Can I be reached?', () => {
  let world: World | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  async function openReachability(ext: ExtensionSession) {
    const options = await ext.openPage('options', '#reachability');
    await options.getByRole('heading', { level: 2, name: 'Can I be reached?' }).waitFor();
    await options.getByText(/things? to fix|All good/).waitFor();
    return options;
  }

  it('says what is wrong and how to fix it when signed out and notifications are blocked', async () => {
    world = await startWorld();
    // The browser's answer when the operator blocked our notifications (not reachable headless).
    await world.ext.worker.evaluate(() => {
      Object.defineProperty(browser.notifications, 'getPermissionLevel', {
        value: async () => 'denied',
        configurable: true,
      });
    });
    const options = await openReachability(world.ext);
    const section = options.locator('section', { has: options.getByRole('heading', { name: 'Can I be reached?' }) });
    await expect(section.getByText('The browser blocks this extension’s notifications.').isVisible()).resolves.toBe(
      true,
    );
    await expect(section.getByText(/Fix: Allow them again/).isVisible()).resolves.toBe(true);
    await expect(section.getByText('You are not signed in to Zoho.').isVisible()).resolves.toBe(true);
    await expect(section.getByText(/Fix: Open the toolbar popup .* “Sign in with Zoho”/).isVisible()).resolves.toBe(
      true,
    );
    await expect(section.getByText(/Fix: Click the puzzle-piece/).isVisible()).resolves.toBe(true);
  });

  it('turns green once signed in, and copies a report without the token', async () => {
    world = await startWorld();
    await signIn(world);
    await world.ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const options = await openReachability(world.ext);
    const section = options.locator('section', { has: options.getByRole('heading', { name: 'Can I be reached?' }) });
    // Re-checked every 5 s: wait for the first successful poll to show up.
    await expect.poll(() => section.textContent(), { timeout: 20_000 }).toMatch(/SalesIQ last answered/);
    const text = await section.textContent();
    expect(text).toMatch(/Signed in \(Zoho data centre [A-Z]+\)\. The access token is valid for/);
    expect(text).toContain('Available: SalesIQ can route chats to you');
    expect(text).toContain('Your portal’s console answers');
    expect(text).toContain('The extension may talk to your Zoho data centre.');

    await section.getByRole('button', { name: 'Copy report for support' }).click();
    await section.getByText(/^Report copied/).waitFor();
    const report = await options.evaluate(() => navigator.clipboard.readText());
    expect(report).toMatch(/^Operator Companion \S+ \(chrome\) — Can I be reached\?/);
    expect(report).toContain('[ok]  Signed in');
    for (const token of world.sim.state().tokens) expect(report).not.toContain(token.token);
  });
});
