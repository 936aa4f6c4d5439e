import { browser } from 'wxt/browser';

/**
 * The escalation chime. A Chrome service worker has no Audio, so an offscreen document plays
 * it; Firefox's background is an event page with a DOM and plays it directly.
 */
const SOUND_URL = '/sounds/chime.wav';
const OFFSCREEN_PATH = '/offscreen.html';

export async function playChime(): Promise<void> {
  if (import.meta.env.BROWSER === 'firefox' || typeof Audio !== 'undefined') {
    await new Audio(browser.runtime.getURL(SOUND_URL)).play();
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
  await browser.runtime.sendMessage({ target: 'offscreen', play: SOUND_URL });
}

interface ChromeOffscreen {
  hasDocument?: () => Promise<boolean>;
  createDocument: (options: { url: string; reasons: string[]; justification: string }) => Promise<void>;
}
