import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CONSOLE_SCRIPT_FILE,
  CONSOLE_SCRIPT_ID,
  reconcileConsoleScript,
  wantedScope,
} from '../../lib/content-script-scope';
import { wipeAccountData, writeMeta, type SessionInfo } from '../../lib/db';

/** chrome.scripting's registry, in memory, with a log of what was asked of it. */
function fakeScripting() {
  const registered = new Map<string, Record<string, unknown>>();
  const calls: string[] = [];
  const api = {
    async getRegisteredContentScripts({ ids }: { ids?: string[] } = {}) {
      return [...registered.values()].filter((s) => !ids || ids.includes(s.id as string));
    },
    async registerContentScripts(scripts: Array<Record<string, unknown>>) {
      for (const script of scripts) {
        if (registered.has(script.id as string)) throw new Error(`Duplicate script ID '${String(script.id)}'`);
        registered.set(script.id as string, script);
      }
      calls.push('register');
    },
    async unregisterContentScripts({ ids }: { ids?: string[] } = {}) {
      for (const id of ids ?? [...registered.keys()]) registered.delete(id);
      calls.push('unregister');
    },
    async executeScript() {
      calls.push('execute');
    },
  };
  Object.assign(browser, { scripting: api });
  return { registered, calls };
}

const signedIn = (salesiqHost: string, state: SessionInfo['state'] = 'signed-in'): SessionInfo => ({
  state,
  salesiqHost,
  portal: { screen: 'zylker', name: 'Zylker', operatorId: '1' },
  updatedAt: 1,
});

beforeEach(async () => {
  fakeBrowser.reset();
  await wipeAccountData();
});

describe('the SalesIQ content script runs only where the operator works', () => {
  it("wants the signed-in data centre's SalesIQ host only, without its API, and nothing signed out", () => {
    expect(wantedScope(signedIn('salesiq.zoho.eu'))).toEqual({
      matches: ['https://salesiq.zoho.eu/*'],
      excludeMatches: ['https://salesiq.zoho.eu/api/*'],
    });
    expect(wantedScope(signedIn('salesiq.zoho.eu', 'expired'))?.matches).toEqual(['https://salesiq.zoho.eu/*']);
    expect(wantedScope({ state: 'signed-out', salesiqHost: 'salesiq.zoho.eu' })).toBeUndefined();
    expect(wantedScope({ state: 'signing-in' })).toBeUndefined();
    expect(wantedScope(undefined)).toBeUndefined();
  });

  it('registers at sign-in, re-registers on a data-centre change, unregisters at sign-out', async () => {
    const { registered, calls } = fakeScripting();
    await reconcileConsoleScript();
    expect(registered.size).toBe(0);

    await writeMeta('session', signedIn('salesiq.zoho.com'));
    await reconcileConsoleScript();
    expect(registered.get(CONSOLE_SCRIPT_ID)).toMatchObject({
      js: [CONSOLE_SCRIPT_FILE],
      matches: ['https://salesiq.zoho.com/*'],
      excludeMatches: ['https://salesiq.zoho.com/api/*'],
      persistAcrossSessions: true,
    });

    // Unchanged: nothing to do, even when asked on every meta write.
    calls.length = 0;
    await reconcileConsoleScript();
    await reconcileConsoleScript({ onlyIfChanged: true });
    expect(calls).toEqual([]);

    await writeMeta('session', signedIn('salesiq.zoho.eu'));
    await reconcileConsoleScript({ onlyIfChanged: true });
    expect(registered.get(CONSOLE_SCRIPT_ID)?.matches).toEqual(['https://salesiq.zoho.eu/*']);
    expect(registered.size).toBe(1);

    await writeMeta('session', { state: 'signed-out', updatedAt: 2 });
    await reconcileConsoleScript({ onlyIfChanged: true });
    expect(registered.size).toBe(0);
  });

  it('repairs a registration that differs from the session (a stale one after a restart)', async () => {
    const { registered } = fakeScripting();
    registered.set(CONSOLE_SCRIPT_ID, {
      id: CONSOLE_SCRIPT_ID,
      matches: ['https://salesiq.zoho.in/*'],
      excludeMatches: [],
    });
    await writeMeta('session', signedIn('salesiq.zoho.com'));
    await Promise.all([reconcileConsoleScript(), reconcileConsoleScript()]);
    expect([...registered.values()].map((s) => s.matches)).toEqual([['https://salesiq.zoho.com/*']]);
  });
});
