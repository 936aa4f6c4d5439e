import { browser } from 'wxt/browser';
import { isPlayChimeMessage } from '../../lib/queue/sound';

// Plays the escalation chime for the Chrome service worker, which has no Audio of its own.
// Acts only on the chime message from our own service worker (see isPlayChimeMessage).
const backgroundUrl = browser.runtime.getURL(`/${browser.runtime.getManifest().background?.service_worker ?? 'background.js'}` as '/');
browser.runtime.onMessage.addListener((message: unknown, sender) => {
  if (!isPlayChimeMessage(message, sender, browser.runtime.id, backgroundUrl)) return;
  void new Audio(browser.runtime.getURL(message.play)).play();
});
