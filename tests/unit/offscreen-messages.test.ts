import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** The offscreen page's listener, as built: which messages make it play a sound? */
const played: string[] = [];
class FakeAudio {
  constructor(readonly src: string) {}
  play() {
    played.push(this.src);
    return Promise.resolve();
  }
}

beforeAll(async () => {
  vi.stubGlobal('Audio', FakeAudio);
  vi.spyOn(browser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'x',
    version: '1',
    background: { service_worker: 'background.js' },
  });
  await import('../../entrypoints/offscreen/main');
});
afterAll(() => vi.unstubAllGlobals());

async function deliver(
  message: unknown,
  sender: { id?: string; url?: string; tab?: { id: number } },
): Promise<string[]> {
  played.length = 0;
  await fakeBrowser.runtime.onMessage.trigger(message, sender as never, () => undefined);
  return [...played];
}

describe('offscreen page (chime)', () => {
  const id = browser.runtime.id;
  const worker = { id, url: browser.runtime.getURL('/background.js') };
  const chime = { target: 'offscreen', play: '/sounds/chime.wav' };

  it('plays the chime when our service worker asks', async () => {
    expect(await deliver(chime, worker)).toEqual([browser.runtime.getURL('/sounds/chime.wav')]);
  });

  it('ignores our own content script (same extension id, but from a web page tab)', async () => {
    expect(await deliver(chime, { id, url: 'https://salesiq.zoho.com/zylker', tab: { id: 7 } })).toEqual([]);
    expect(await deliver(chime, { id, url: browser.runtime.getURL('/popup.html') })).toEqual([]);
    expect(await deliver(chime, { id: 'another-extension', url: worker.url })).toEqual([]);
  });

  it('ignores any other shape: another file, extra fields, wrong target', async () => {
    expect(await deliver({ target: 'offscreen', play: '/sounds/../popup.html' }, worker)).toEqual([]);
    expect(await deliver({ target: 'offscreen', play: '/sounds/other.wav' }, worker)).toEqual([]);
    expect(await deliver({ ...chime, loop: true }, worker)).toEqual([]);
    expect(await deliver({ target: 'popup', play: '/sounds/chime.wav' }, worker)).toEqual([]);
    expect(await deliver('play', worker)).toEqual([]);
  });
});
