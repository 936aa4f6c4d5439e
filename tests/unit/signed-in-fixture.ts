import { vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { wipeAccountData, writeMeta } from '../../lib/db';

/** Patricia, the simulator's "me" (matching Zoho's seed sample). */
export const ME = '466756000000002001';

/**
 * A fresh background with Patricia signed in to portal zylker in the US data centre; SalesIQ and
 * Accounts are the test's `fetch`, Zoho's web auth flow is the test's `launchWebAuthFlow`.
 */
export async function signedInWithScriptedZoho(
  launchWebAuthFlow: Mock,
  fetch: (url: string, init?: RequestInit) => Response | Promise<Response>,
): Promise<void> {
  fakeBrowser.reset();
  await wipeAccountData();
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => fetch(url, init)),
  );
  (browser.identity as unknown as Record<string, unknown>).launchWebAuthFlow = launchWebAuthFlow;
  (browser.identity as unknown as Record<string, unknown>).getRedirectURL = () => 'https://abc.chromiumapp.org/';
  launchWebAuthFlow.mockReset();
  await writeMeta('session', {
    state: 'signed-in',
    location: 'us',
    accountsHost: 'accounts.zoho.com',
    salesiqHost: 'salesiq.zoho.com',
    portal: { screen: 'zylker', name: 'Zylker', operatorId: ME },
    departments: [{ id: 'd1', name: 'Sales' }],
    operatorEmail: 'patricia@zylker.com',
    updatedAt: 1,
  });
}
