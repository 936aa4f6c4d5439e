import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readMeta, wipeAccountData, writeMeta } from '../../lib/db';
import { checkHostAccess, neededOrigins } from '../../lib/host-access';

const EU = {
  state: 'signed-in' as const,
  accountsHost: 'accounts.zoho.eu',
  salesiqHost: 'salesiq.zoho.eu',
  updatedAt: 1,
};

/** Site access as Chrome would answer permissions.contains after the user turned some off. */
function siteAccess(allowed: (origin: string) => boolean) {
  const contains = vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every(allowed));
  Object.assign(browser.permissions, { contains });
  return contains;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await wipeAccountData();
});

describe('withdrawn site access to Zoho', () => {
  it("needs the signed-in data centre's accounts and SalesIQ hosts, nothing when signed out", () => {
    expect(neededOrigins(EU)).toEqual(['https://accounts.zoho.eu/*', 'https://salesiq.zoho.eu/*']);
    expect(neededOrigins({ state: 'signed-out', salesiqHost: 'salesiq.zoho.eu' })).toEqual([]);
    expect(neededOrigins(undefined)).toEqual([]);
  });

  it('is detected, stored where the pages read it, and cleared once access is back', async () => {
    await writeMeta('session', EU);
    siteAccess((origin) => !origin.includes('salesiq.zoho.eu'));
    expect(await checkHostAccess(10)).toEqual(['https://salesiq.zoho.eu/*']);
    expect(await readMeta('hostAccess')).toEqual({ missing: ['https://salesiq.zoho.eu/*'], checkedAt: 10 });

    // Unchanged: no write (every meta write wakes the open pages).
    await checkHostAccess(20);
    expect((await readMeta('hostAccess'))?.checkedAt).toBe(10);

    siteAccess(() => true);
    expect(await checkHostAccess(30)).toEqual([]);
    expect(await readMeta('hostAccess')).toEqual({ missing: [], checkedAt: 30 });
  });

  it('asks only about the signed-in data centre', async () => {
    await writeMeta('session', EU);
    const contains = siteAccess(() => true);
    await checkHostAccess();
    expect(contains.mock.calls.flatMap(([arg]) => arg.origins ?? [])).toEqual([
      'https://accounts.zoho.eu/*',
      'https://salesiq.zoho.eu/*',
    ]);
  });
});
