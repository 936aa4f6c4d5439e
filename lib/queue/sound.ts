import { browser } from 'wxt/browser';
import { CHIME_URL, type PlayChimeMessage } from '../messages';

/**
 * The escalation chime. A Chrome service worker has no Audio, so an offscreen document plays
 * it; Firefox's background is an event page with a DOM and plays it directly.
 */
const OFFSCREEN_PATH = '/offscreen.html';

export async function playChime(): Promise<void> {
  if (import.meta.env.BROWSER === 'firefox' || typeof Audio !== 'undefined') {
    await new Audio(browser.runtime.getURL(CHIME_URL)).play();
    return;
  }
  const offscreen = (globalThis as { chrome?: { offscreen?: ChromeOffscreen } }).chrome?.offscreen;
  if (!offscreen) return;
  if (!(await offscreen.hasDocument?.())) {
    await offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['AUDIO_PLAYBACK'],
      justification: 'Play the alert sound when a chat is about to be missed.',
    });
  }
  const message: PlayChimeMessage = { target: 'offscreen', play: CHIME_URL };
  await browser.runtime.sendMessage(message);
}

interface ChromeOffscreen {
  hasDocument?: () => Promise<boolean>;
  createDocument: (options: { url: string; reasons: string[]; justification: string }) => Promise<void>;
}
