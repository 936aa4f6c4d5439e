import { expect } from 'vitest';
import { SCOPES } from '../../../lib/auth/config';
import { POLL, sessionState, signInFromPopup, storeCount, type Scenario } from './support';

export const signInScenarios: Scenario[] = [
  {
    name: 'signs in by the automatic redirect to the browser’s own redirect URI; the token stays out of persistent storage',
    async run(d) {
      const popup = await signInFromPopup(d);
      await expect.poll(() => popup.hasText('Zylker'), POLL).toBe(true);
      const [auth] = d.sim.state().authRequests;
      expect(auth?.host).toBe('accounts.zoho.com');
      expect(auth?.responseType).toBe('token');
      expect(auth?.endpoint).toBe('auth');
      expect([...(auth?.scope ?? [])].sort()).toEqual([...SCOPES].sort());
      expect(auth?.state).toMatch(/^[0-9a-f]{32}$/);
      // identity.getRedirectURL(): the URI to register with Zoho (README, "Register the Zoho OAuth client").
      expect(auth?.redirectUri).toBe(d.redirectUri);
      expect(await d.evaluate(() => browser.identity.getRedirectURL(), undefined)).toBe(d.redirectUri);

      const token = d.sim.state().tokens.find((t) => t.kind === 'access')!.token;
      const stored = await d.evaluate(
        async () => ({
          local: JSON.stringify(await browser.storage.local.get(null)),
          sync: JSON.stringify(await browser.storage.sync.get(null)),
          session: JSON.stringify(await browser.storage.session.get(null)),
        }),
        undefined,
      );
      expect(stored.local).not.toContain(token);
      expect(stored.sync).not.toContain(token);
      expect(stored.session).toContain(token);
      expect(
        d.sim
          .requests()
          .filter((r) => r.kind === 'salesiq')
          .every((r) => r.authorized),
      ).toBe(true);
    },
  },
  {
    name: 'signs in through the consent page when the operator accepts',
    simulator: { authMode: 'consent' },
    async run(d) {
      const popup = await d.openPage('popup');
      const consent = await d.nextPage(() => popup.click('button', 'Sign in with Zoho'));
      await consent.click('button', 'Accept');
      await expect.poll(() => sessionState(d), POLL).toBe('signed-in');
      await expect.poll(() => popup.hasText('Zylker'), POLL).toBe(true);
    },
  },
  {
    name: 'signs out from the options page: revokes the token, wipes chats and alerts, clears the badge and notifications',
    async run(d) {
      await signInFromPopup(d);
      d.sim.addChat({ question: 'Do you ship to Norway?' });
      await expect.poll(() => d.notifications(), POLL).toHaveLength(1);
      await expect.poll(() => storeCount(d, 'chats'), POLL).toBe(1);
      const token = d.sim.state().tokens.find((t) => t.kind === 'access')!.token;

      const options = await d.openPage('options');
      await options.click('button', 'Sign out');
      await options.click('button', 'Yes, sign out');
      await expect.poll(() => sessionState(d), POLL).toBe('signed-out');
      await expect.poll(() => d.sim.state().revocations.map((r) => r.token), POLL).toContain(token);
      expect(d.sim.state().revocations.find((r) => r.token === token)?.host).toBe('accounts.zoho.com');
      await expect.poll(() => storeCount(d, 'chats'), POLL).toBe(0);
      expect(await storeCount(d, 'alerts')).toBe(0);
      await expect.poll(async () => (await d.badge()).text, POLL).toBe('?');
      await expect.poll(() => d.notifications(), POLL).toEqual([]);
      await expect.poll(() => options.count('button', 'Sign in with Zoho'), POLL).toBe(1);
    },
  },
];
