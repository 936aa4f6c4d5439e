import { expect } from 'vitest';
import { chatStatus, POLL, readRecord, signInFromPopup, type Scenario } from './support';

const sorted = (ids: string[]) => [...ids].sort();

export const queueScenarios: Scenario[] = [
  {
    name: 'lists waiting chats oldest first, counts them on the badge, and notifies each new chat once',
    async run(d) {
      const popup = await signInFromPopup(d);
      const newer = d.sim.addChat({ visitor: { name: 'Newer Nora' }, question: 'Second in line', startedAgoMs: 2_000 });
      const older = d.sim.addChat({ visitor: { name: 'Older Omar' }, question: 'First in line', startedAgoMs: 20_000 });
      await expect
        .poll(async () => sorted(await d.notifications()), POLL)
        .toEqual(sorted([`chat:${newer.id}`, `chat:${older.id}`]));
      await expect.poll(async () => (await d.badge()).text, POLL).toBe('2');
      expect((await d.badge()).title).toMatch(/2 chats are waiting/);
      await expect.poll(() => popup.count('button', /^Pick up chat from /), POLL).toBe(2);
      const text = await popup.text();
      expect(text.indexOf('Older Omar')).toBeGreaterThan(-1);
      expect(text.indexOf('Older Omar')).toBeLessThan(text.indexOf('Newer Nora'));
      expect(text).toContain('First in line');

      const third = d.sim.addChat({ visitor: { name: 'Third Theo' } });
      await expect.poll(async () => (await d.notifications()).length, POLL).toBe(3);
      expect(await d.notifications()).toContain(`chat:${third.id}`);
      await expect.poll(async () => (await d.badge()).text, POLL).toBe('3');
      // Each chat was announced once: the alert log holds one first-shown time per chat.
      for (const chat of [newer, older, third]) {
        expect((await readRecord<{ notifiedAt?: number }>(d, 'alerts', chat.id))?.notifiedAt).toBeGreaterThan(0);
      }
    },
  },
  {
    name: 'a click on a notification opens the chat in SalesIQ and withdraws the notification',
    async run(d) {
      await signInFromPopup(d);
      const chat = d.sim.addChat({ visitor: { name: 'Click Clara' }, question: 'Anyone there?' });
      await expect.poll(() => d.notifications(), POLL).toEqual([`chat:${chat.id}`]);
      await d.clickNotification(`chat:${chat.id}`);
      await expect.poll(() => d.tabUrls(), POLL).toContain(`https://salesiq.zoho.com/zylker/mychats/${chat.id}`);
      await expect.poll(() => d.notifications(), POLL).toEqual([]);
      expect((await readRecord<{ clickedAt?: number }>(d, 'alerts', chat.id))?.clickedAt).toBeGreaterThan(0);
    },
  },
  {
    name: 'picks a chat up with one click, and says plainly when another operator took one first',
    async run(d) {
      const popup = await signInFromPopup(d);
      const mine = d.sim.addChat({ visitor: { name: 'Ana Lima' }, question: 'Annual billing?' });
      await popup.click('button', 'Pick up chat from Ana Lima');
      await expect.poll(() => popup.hasText('Just picked up'), POLL).toBe(true);
      expect(chatStatus(d, mine.id)?.status).toBe('Connected');
      expect(chatStatus(d, mine.id)?.attender?.id).toBe(d.sim.state().myOperatorId);
      await expect.poll(async () => (await d.badge()).text, POLL).toBe('');

      const raced = d.sim.addChat({ visitor: { name: 'Raced Rita' } });
      await expect.poll(() => popup.count('button', 'Pick up chat from Raced Rita'), POLL).toBe(1);
      d.sim.takeByOther(raced.id);
      await popup.click('button', 'Pick up chat from Raced Rita');
      await expect.poll(() => popup.hasText(/picked up this chat first/), POLL).toBe(true);
      await expect.poll(() => popup.count('button', 'Pick up chat from Raced Rita'), POLL).toBe(0);
    },
  },
];
