import { expect } from 'vitest';
import type { UiPage } from '../driver';
import { POLL, readRecord, signInFromPopup, type Scenario } from './support';

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
        .conversations.filter(
          (c) =>
            c.portal === 'zylker' &&
            c.conversation.visitor.email === chat.visitor.email &&
            c.conversation.id !== chat.id,
        );
      expect(earlier.length).toBeGreaterThan(0);
      await popup.click('button', `Pick up chat from ${name}`);
      await expect.poll(() => popup.hasText('Just picked up'), POLL).toBe(true);

      const panel = await openPanel(d);
      await expect.poll(() => panel.count('heading', name), POLL).toBeGreaterThan(0);
      await expect.poll(() => panel.hasText(chat.visitor.email!), POLL).toBe(true);
      expect(await panel.hasText('Can I change my plan?')).toBe(true);
      // The portal allows the v3 visitor list: the card gains the lead score.
      await expect.poll(() => panel.hasText('Lead score'), POLL).toBe(true);

      // This conversation as it grows.
      d.sim.visitorMessage(chat.id, 'Are you still there?');
      await expect
        .poll(async () => (await panel.listTexts("This conversation's messages")).join('\n'), POLL)
        .toContain('Are you still there?');

      // The newest earlier conversation is listed first; its transcript loads when opened.
      const newest = [...earlier].sort(
        (a, b) => Number(b.conversation.start_time) - Number(a.conversation.start_time),
      )[0]!;
      await expect.poll(() => panel.count('region', 'Earlier conversations'), POLL).toBe(1);
      const transcriptCalls = () =>
        d.sim
          .requests()
          .filter((r) => r.kind === 'salesiq' && r.path.endsWith(`/conversations/${newest.conversation.id}/messages`))
          .length;
      expect(transcriptCalls()).toBe(0);
      await panel.click('button', /.+/, { role: 'region', name: 'Earlier conversations' });
      await expect.poll(() => panel.hasText(newest.messages.at(-1)!.message.text), POLL).toBe(true);
      expect(transcriptCalls()).toBe(1);
      // Ratings were asked for the ended conversations (a "no feedback" answer is an answer too).
      expect(
        d.sim
          .requests()
          .some((r) => r.kind === 'salesiq' && r.path.endsWith(`/conversations/${newest.conversation.id}/feedback`)),
      ).toBe(true);
    },
  },
  {
    name: "opens the browser's own panel (Firefox: the sidebar) on the chat from the popup's “Visitor history” button",
    needs: ['panelUrl'],
    async run(d) {
      const popup = await signInFromPopup(d);
      const chat = d.sim.addChat({ visitor: { name: 'Panel Pia' } });
      await popup.click('button', 'Pick up chat from Panel Pia');
      await expect.poll(() => popup.hasText('Just picked up'), POLL).toBe(true);
      expect(await d.panelUrl!()).toBeUndefined();
      // The open call must happen inside the click (no await before it), or the browser refuses.
      await popup.click('button', 'Visitor history: Panel Pia');
      await expect.poll(async () => (await d.panelUrl!()) ?? '', POLL).toContain('sidepanel.html');
      // The open panel follows the focus record, which now names this chat.
      await expect
        .poll(
          async () =>
            (await readRecord<{ value?: { conversationId: string; source: string } }>(d, 'meta', 'focus'))?.value,
          POLL,
        )
        .toMatchObject({
          conversationId: chat.id,
          source: 'popup',
        });
      // Opened in the panel, not in the fallback tab.
      expect((await d.tabUrls()).filter((url) => url.includes('sidepanel.html'))).toEqual([]);
    },
  },
  {
    name: 'searches the synced canned responses by a word',
    async run(d) {
      await signInFromPopup(d);
      const library = await openPanel(d);
      await library.click('tab', 'Canned responses');
      await expect.poll(async () => (await library.listTexts('Matching responses')).length, POLL).toBeGreaterThan(1);
      const rows = await library.listTexts('Matching responses');
      const word = /[A-Za-z]{6,}/.exec(rows.at(-1)!)![0];
      await library.fill('searchbox', 'Search canned responses', word);
      await expect.poll(async () => (await library.listTexts('Matching responses'))[0] ?? '', POLL).toContain(word);
    },
  },
  {
    name: 'inserts a canned response into the SalesIQ message box',
    // Insert targets the active tab beside the panel; the Firefox driver can only show the panel
    // page as a tab of its own, which is then the active one (README, Firefox differences).
    needs: ['panelBesideActiveTab'],
    async run(d) {
      await signInFromPopup(d);
      const chat = d.sim.addChat({ visitor: { name: 'Rosa Diaz' } });
      const library = await openPanel(d);
      await library.click('tab', 'Canned responses');
      // The synced library lists its responses; a word of the last one finds it again.
      await expect.poll(async () => (await library.listTexts('Matching responses')).length, POLL).toBeGreaterThan(1);
      const word = /[A-Za-z]{6,}/.exec((await library.listTexts('Matching responses')).at(-1)!)![0];
      await library.fill('searchbox', 'Search canned responses', word);
      await expect.poll(async () => (await library.listTexts('Matching responses'))[0] ?? '', POLL).toContain(word);
      // The console page last: it is the active tab the content script inserts into.
      const salesiq = await d.openUrl(`https://salesiq.zoho.com/zylker/mychats/${chat.id}`, {
        role: 'textbox',
        name: 'Type a message',
      });
      const [firstRow] = await library.listTexts('Matching responses');
      await library.click('button', 'Insert', { role: 'list', name: 'Matching responses' });
      await expect.poll(() => salesiq.value('textbox', 'Type a message'), POLL).not.toBe('');
      const inserted = await salesiq.value('textbox', 'Type a message');
      expect(firstRow).toContain(inserted);
      await expect.poll(() => library.hasText('Inserted into SalesIQ.'), POLL).toBe(true);
    },
  },
];
