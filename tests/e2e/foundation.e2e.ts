import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

describe('the store build in Chromium', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('starts its service worker with the product name', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    // getManifest() returns the name already localized from public/_locales/en.
    const name = await session.worker.evaluate(() => browser.runtime.getManifest().name);
    expect(name).toBe('Operator Companion for Zoho SalesIQ');
  });

  it('renders the popup, side panel and options pages', async () => {
    for (const [page, heading] of [
      ['popup', 'Waiting chats'],
      ['sidepanel', 'Visitor history'],
      ['options', 'Settings'],
    ] as const) {
      const tab = await session.openPage(page);
      await expect.poll(() => tab.getByRole('heading', { level: 1 }).first().textContent()).toContain(heading);
      await tab.close();
    }
  });

  it('asks for exactly the permissions the features need, and Zoho hosts only', async () => {
    const manifest = await session.worker.evaluate(() => browser.runtime.getManifest());
    expect([...(manifest.permissions ?? [])].sort()).toEqual([
      'alarms',
      'identity',
      'idle',
      'notifications',
      'offscreen',
      'scripting',
      'sidePanel',
      'storage',
    ]);
    const hosts = (manifest as { host_permissions?: string[] }).host_permissions ?? [];
    expect(hosts.length).toBeGreaterThan(0);
    for (const host of hosts) expect(host).toMatch(/^https:\/\/(accounts|salesiq)\.zoho(cloud)?\.[a-z.]+\/\*$/);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|localhost|127\.0\.0\.1/);
    expect(await session.worker.evaluate(() => browser.action.getTitle({}))).toMatch(/Operator Companion/);
  });
});
