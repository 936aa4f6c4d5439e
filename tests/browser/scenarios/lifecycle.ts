import { expect } from 'vitest';
import { POLL, readRecord, sessionState, signInFromPopup, type Scenario } from './support';

const salesiqListCalls = (d: Parameters<Scenario['run']>[0]) =>
  d.sim
    .requests()
    .filter((r) => r.kind === 'salesiq' && r.path.endsWith('/conversations') && r.query.status === 'waiting');

export const lifecycleScenarios: Scenario[] = [
  {
    name: 'keeps the session across a browser restart without a click, and does not notify a chat again',
    async run(d) {
      const popup = await signInFromPopup(d);
      const before = d.sim.addChat({ question: 'One alert only please' });
      await expect.poll(() => d.notifications(), POLL).toEqual([`chat:${before.id}`]);
      const firstShown = (await readRecord<{ notifiedAt?: number }>(d, 'alerts', before.id))?.notifiedAt;
      expect(firstShown).toBeGreaterThan(0);
      await popup.close();

      await d.restart();
      const after = d.sim.addChat({ question: 'Still there after restart?' });
      const reopened = await d.openPage('popup');
      await expect.poll(() => reopened.hasText('Still there after restart?'), POLL).toBe(true);
      expect(await sessionState(d)).toBe('signed-in');
      // Renewed silently with the refresh token; no second sign-in page.
      expect(d.sim.state().authRequests.filter((a) => a.endpoint === 'refresh').length).toBeGreaterThanOrEqual(1);
      expect(d.sim.state().authRequests.filter((a) => a.endpoint === 'auth')).toHaveLength(1);
      // The new chat is announced; the old one is not announced a second time.
      await expect.poll(() => d.notifications(), POLL).toContain(`chat:${after.id}`);
      await expect.poll(async () => (await d.badge()).text, POLL).toBe('2');
      // The restarted browser starts with no notification on screen: the old chat's being there
      // now would mean it was raised again. Checked after more polls than the one that found `after`.
      const polled = salesiqListCalls(d).length;
      await expect.poll(() => salesiqListCalls(d).length, POLL).toBeGreaterThan(polled + 1);
      expect(await d.notifications()).toEqual([`chat:${after.id}`]);
      expect((await readRecord<{ notifiedAt?: number }>(d, 'alerts', before.id))?.notifiedAt).toBe(firstShown);
    },
  },
  {
    name: 'keeps polling with no page open after the browser stops the background, and notifies the next chat',
    needs: ['stopBackground'],
    async run(d) {
      const popup = await signInFromPopup(d);
      await popup.close();
      await d.stopBackground!();
      const stoppedAt = Date.now();
      const chat = d.sim.addChat({ question: 'Anyone awake?' });
      // Nothing but the background's own alarm can ask SalesIQ now: no page is open.
      await expect.poll(() => d.notifications(), { ...POLL, timeout: 45_000 }).toEqual([`chat:${chat.id}`]);
      await expect.poll(async () => (await d.badge()).text, POLL).toBe('1');
      expect(salesiqListCalls(d).filter((r) => r.t > stoppedAt).length).toBeGreaterThan(0);
    },
  },
];
