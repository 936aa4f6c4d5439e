import { browser } from 'wxt/browser';

/**
 * The escalation chime. A Chrome service worker has no Audio, so an offscreen document plays
 * it; Firefox's background is an event page with a DOM and plays it directly.
 */
const SOUND_URL = '/sounds/chime.wav';
const OFFSCREEN_PATH = '/offscreen.html';

/** background → offscreen: the one message the offscreen page acts on. */
export interface PlayChimeMessage {
  target: 'offscreen';
  play: typeof SOUND_URL;
}

/**
 * Only the extension's own service worker may make the offscreen page play, and only our chime:
 * a content script carries our extension id too (but a tab), and a page could name any URL.
 */
export function isPlayChimeMessage(
  message: unknown,
  sender: { id?: string; url?: string; tab?: unknown },
  extensionId: string,
  backgroundUrl: string,
): message is PlayChimeMessage {
  if (sender.id !== extensionId || sender.tab !== undefined || sender.url !== backgroundUrl) return false;
  if (!message || typeof message !== 'object') return false;
  const { target, play, ...rest } = message as Record<string, unknown>;
  return target === 'offscreen' && play === SOUND_URL && Object.keys(rest).length === 0;
}

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
  const message: PlayChimeMessage = { target: 'offscreen', play: SOUND_URL };
  await browser.runtime.sendMessage(message);
}

interface ChromeOffscreen {
  hasDocument?: () => Promise<boolean>;
  createDocument: (options: { url: string; reasons: string[]; justification: string }) => Promise<void>;
}
