import { expect } from 'vitest';
import type { UiPage } from '../driver';
import { POLL, signInFromPopup, type Scenario } from './support';

/**
 * The side panel (Chrome) / sidebar (Firefox) page. Both browsers show the same sidepanel.html;
 * the scenarios open it as a tab, since neither browser's panel can be opened headless by a driver.
 */
async function openPanel(d: Parameters<Scenario['run']>[0]): Promise<UiPage> {
  const panel = await d.openPage('sidepanel');
  await expect.poll(() => panel.count('heading', 'Visitor history'), POLL).toBe(1);
  return panel;
}

export const sidePanelScenarios: Scenario[] = [
  {
    name: "shows the picked-up visitor's card, earlier conversations and a transcript on demand",
    async run(d) {
      const popup = await signInFromPopup(d);
      const chat = d.sim.addChat({ visitorKind: 'returning', question: 'Can I change my plan?' });
      const name = chat.visitor.name;
      const earlier = d.sim
        .state()
        .conversations.filter((c) => c.portal === 'zylker' && c.conversation.visitor.email === chat.visitor.email && c.conversation.id !== chat.id);
      expect(earlier.length).toBeGreaterThan(0);
      await popup.click('button', `Pick up chat from ${name}`);
      await expect.poll(async () => (await popup.text()).includes('Just picked up'), POLL).toBe(true);

      const panel = await openPanel(d);
      await expect.poll(() => panel.count('heading', name), POLL).toBeGreaterThan(0);
      await expect.poll(async () => (await panel.text()).includes(chat.visitor.email!), POLL).toBe(true);
      expect(await panel.text()).toContain('Can I change my plan?');

      // This conversation as it grows.
      d.sim.visitorMessage(chat.id, 'Are you still there?');
      await expect.poll(async () => (await panel.listTexts("This conversation's messages")).join('\n'), POLL).toContain('Are you still there?');

      // The newest earlier conversation is listed first; its transcript loads when opened.
      const newest = [...earlier].sort((a, b) => Number(b.conversation.start_time) - Number(a.conversation.start_time))[0]!;
      await expect.poll(() => panel.count('region', 'Earlier conversations'), POLL).toBe(1);
      await panel.click('button', /.+/, { role: 'region', name: 'Earlier conversations' });
      await expect.poll(async () => (await panel.text()).includes(newest.messages.at(-1)!.message.text), POLL).toBe(true);
    },
  },
  {
    name: 'searches canned responses and inserts one into the SalesIQ message box',
    async run(d) {
      await signInFromPopup(d);
      const chat = d.sim.addChat({ visitor: { name: 'Rosa Diaz' } });
      const library = await openPanel(d);
      await library.click('tab', 'Canned responses');
      await library.fill('searchbox', 'Search canned responses', 'ref 1');
      await expect.poll(async () => (await library.listTexts('Matching responses')).length, POLL).toBeGreaterThan(0);
      // The console page last: it is the active tab the content script inserts into.
      const salesiq = await d.openUrl(`https://salesiq.zoho.com/zylker/mychats/${chat.id}`, { role: 'textbox', name: 'Type a message' });
      const [firstRow] = await library.listTexts('Matching responses');
      await library.click('button', 'Insert', { role: 'list', name: 'Matching responses' });
      await expect.poll(() => salesiq.value('textbox', 'Type a message'), POLL).not.toBe('');
      const inserted = await salesiq.value('textbox', 'Type a message');
      expect(firstRow).toContain(inserted);
      await expect.poll(async () => (await library.text()).includes('Inserted into SalesIQ.'), POLL).toBe(true);
    },
  },
];
